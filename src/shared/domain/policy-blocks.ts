/**
 * The expectations text and the safeguarding leaflet are stored as "markdown-lite": "### " headings, "- " list
 * items and paragraphs separated by blank lines. Parsing it into blocks (never HTML) means whatever a DSL
 * types, including angle brackets, is shown as text. Shared: the kiosk shows these blocks, and the leaflet's
 * PDF (src/main/documents/leaflet.ts) prints the same ones.
 */
export type PolicyBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] };

export function parsePolicyText(source: string): PolicyBlock[] {
  const blocks: PolicyBlock[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];

  const flushParagraph = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  const flushList = () => {
    if (list.length) blocks.push({ kind: 'list', items: list });
    list = [];
  };

  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (line === '') {
      flushParagraph();
      flushList();
    } else if (line.startsWith('### ')) {
      flushParagraph();
      flushList();
      blocks.push({ kind: 'heading', text: line.slice(4).trim() });
    } else if (line.startsWith('- ')) {
      // A list may follow its introducing sentence without a blank line ("This includes:").
      flushParagraph();
      list.push(line.slice(2).trim());
    } else {
      flushList();
      paragraph.push(line);
    }
  }
  flushParagraph();
  flushList();
  return blocks;
}
