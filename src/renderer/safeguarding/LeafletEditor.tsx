import { useRef } from 'react';
import { commandSchemas } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { PageHeading } from '../components/PageHeading.js';
import { PolicyText } from '../components/PolicyText.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { useFocusFirstError } from '../components/useFocusFirstError.js';
import { useLeafletStore } from './leaflet-store.js';

const LEAFLET = commandSchemas['leaflet.publish'].input.shape;

/**
 * Writing the next version of the leaflet, with the page as it will print alongside as it is typed. The
 * same pieces and markup as the expectations' editor; a leaflet has no summary lines and no review date.
 */
export function LeafletEditor() {
  const draft = useLeafletStore((s) => s.draft);
  const current = useLeafletStore((s) => s.detail?.current ?? null);
  const suggested = useLeafletStore((s) => s.detail?.suggested ?? null);
  const busy = useLeafletStore((s) => s.busy);
  const error = useLeafletStore((s) => s.formError);
  const fields = useLeafletStore((s) => s.fieldErrors);
  const setField = useLeafletStore((s) => s.setField);
  const startFromSuggested = useLeafletStore((s) => s.startFromSuggested);
  const publish = useLeafletStore((s) => s.publish);
  const cancelEdit = useLeafletStore((s) => s.cancelEdit);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, error);
  if (!draft) return null;
  const next = (current?.version ?? 0) + 1;
  const isSuggested = suggested !== null && draft.title === suggested.title && draft.body === suggested.body;
  return (
    <>
      <div className="console-heading"><PageHeading>{current ? 'Edit the leaflet' : 'Write the leaflet'}</PageHeading></div>
      <p className="section-lead">
        {current
          ? `Publishing makes version ${next}. The kiosk offers it straight away; earlier versions are kept.`
          : 'Safe Hands has started it for you with your DSL and your device rules. Read it through and change anything that does not fit your setting before you publish it.'}
      </p>
      {error ? <Alert>{error}</Alert> : null}
      <form
        ref={formRef}
        className="form card policy-editor"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void publish();
        }}
      >
        <div className="policy-editor-grid">
          <div className="policy-editor-fields">
            <TextField label="Title" value={draft.title} maxLength={maxLengthOf(LEAFLET.title)} onChange={(v) => setField('title', v)} error={fields.title} />
            <TextAreaField label="Leaflet text" rows={18} maxLength={maxLengthOf(LEAFLET.body)} value={draft.body}
              hint='Start a heading with "### " and a list item with "- ". Leave a blank line between paragraphs.'
              onChange={(v) => setField('body', v)} error={fields.body} className="policy-full-text" />
            {current && !isSuggested ? (
              <p>
                <BigButton variant="quiet" className="btn-small" onClick={startFromSuggested}>Start again from the suggested text</BigButton>
              </p>
            ) : null}
          </div>
          <section className="policy-preview" aria-labelledby="leaflet-preview-heading">
            <h2 id="leaflet-preview-heading">Preview</h2>
            <p className="policy-preview-title">{draft.title || <span className="muted">No title yet</span>}</p>
            <PolicyText text={draft.body} />
          </section>
        </div>
        <div className="form-actions">
          <BigButton type="submit" disabled={busy}>{busy ? 'Publishing…' : `Publish version ${next}`}</BigButton>
          <BigButton variant="quiet" onClick={cancelEdit}>Cancel</BigButton>
        </div>
      </form>
    </>
  );
}
