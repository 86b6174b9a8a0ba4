import { parsePolicyText } from '../../shared/domain/policy-blocks.js';

/** Renders an expectations text as headings, paragraphs and lists; every string is a React text node. */
export function PolicyText({ text }: { text: string }) {
  const blocks = parsePolicyText(text);
  return (
    <div className="policy-text">
      {blocks.map((block, index) => {
        switch (block.kind) {
          case 'heading':
            return <h3 key={index}>{block.text}</h3>;
          case 'list':
            return (
              <ul key={index}>
                {block.items.map((item, i) => <li key={i}>{item}</li>)}
              </ul>
            );
          case 'paragraph':
            return <p key={index}>{block.text}</p>;
        }
      })}
    </div>
  );
}
