import { useRef, type ReactNode } from 'react';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { PageHeading } from '../components/PageHeading.js';
import { PolicyText } from '../components/PolicyText.js';
import { useFocusFirstError } from '../components/useFocusFirstError.js';

/** Said under every text box that takes the setting's simple markup, so both editors explain it alike. */
export const MARKUP_HINT = 'Start a heading with "### " and a list item with "- ". Leave a blank line between paragraphs.';

interface VersionEditorProps {
  heading: string;
  lead: string;
  /** The version that publishing makes. */
  next: number;
  busy: boolean;
  error: string | null;
  onPublish: () => void;
  onCancel: () => void;
  /** How the text will read, shown beside the fields as it is typed; summary lines only where there are any. */
  preview: { id: string; title: string; summary?: readonly string[]; text: string };
  /** The fields, in the order the editor wants them. */
  children: ReactNode;
}

/**
 * Writing the next version of a setting's own text (the expectations, the leaflet): the fields on one side,
 * the text as visitors will see it on the other, and one Publish button. Earlier versions are never changed.
 */
export function VersionEditor({ heading, lead, next, busy, error, onPublish, onCancel, preview, children }: VersionEditorProps) {
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, error);
  const summary = preview.summary?.filter((l) => l.trim() !== '');
  return (
    <>
      <div className="console-heading"><PageHeading>{heading}</PageHeading></div>
      <p className="section-lead">{lead}</p>
      {error ? <Alert>{error}</Alert> : null}
      <form
        ref={formRef}
        className="form card policy-editor"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onPublish();
        }}
      >
        <div className="policy-editor-grid">
          <div className="policy-editor-fields">{children}</div>
          <section className="policy-preview" aria-labelledby={preview.id}>
            <h2 id={preview.id}>Preview</h2>
            <p className="policy-preview-title">{preview.title || <span className="muted">No title yet</span>}</p>
            {summary ? <ul className="policy-summary">{summary.map((line, i) => <li key={i}>{line}</li>)}</ul> : null}
            <PolicyText text={preview.text} />
          </section>
        </div>
        <div className="form-actions">
          <BigButton type="submit" disabled={busy}>{busy ? 'Publishing…' : `Publish version ${next}`}</BigButton>
          <BigButton variant="quiet" onClick={onCancel}>Cancel</BigButton>
        </div>
      </form>
    </>
  );
}
