import { commandSchemas } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { BigButton } from '../components/BigButton.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { useLeafletStore } from './leaflet-store.js';
import { MARKUP_HINT, VersionEditor } from './VersionEditor.js';

const LEAFLET = commandSchemas['leaflet.publish'].input.shape;

/**
 * Writing the next version of the leaflet, with the page as it will print alongside as it is typed. A
 * leaflet has no summary lines and no review date, and its first version starts from Safe Hands' suggestion.
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
  if (!draft) return null;
  const next = (current?.version ?? 0) + 1;
  const isSuggested = suggested !== null && draft.title === suggested.title && draft.body === suggested.body;
  return (
    <VersionEditor
      heading={current ? 'Edit the leaflet' : 'Write the leaflet'}
      lead={current
        ? `Publishing makes version ${next}. The kiosk offers it straight away; earlier versions are kept.`
        : 'Safe Hands has started it for you with your DSL and your device rules. Read it through and change anything that does not fit your setting before you publish it.'}
      next={next}
      busy={busy}
      error={error}
      onPublish={() => void publish()}
      onCancel={cancelEdit}
      preview={{ id: 'leaflet-preview-heading', title: draft.title, text: draft.body }}
    >
      <TextField label="Title" value={draft.title} maxLength={maxLengthOf(LEAFLET.title)} onChange={(v) => setField('title', v)} error={fields.title} />
      <TextAreaField label="Leaflet text" rows={18} maxLength={maxLengthOf(LEAFLET.body)} value={draft.body} hint={MARKUP_HINT}
        onChange={(v) => setField('body', v)} error={fields.body} className="policy-full-text" />
      {current && !isSuggested ? (
        <p>
          <BigButton variant="quiet" className="btn-small" onClick={startFromSuggested}>Start again from the suggested text</BigButton>
        </p>
      ) : null}
    </VersionEditor>
  );
}
