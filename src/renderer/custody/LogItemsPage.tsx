import { useRef, useState } from 'react';
import { describeDevices } from '../../shared/domain/devices.js';
import { formatTime } from '../../shared/domain/time.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { useFocusFirstError } from '../components/useFocusFirstError.js';
import { useSessionStore } from '../staff/session-store.js';
import { useTodayStore } from '../console/today-store.js';
import { useNavigationStore } from '../console/navigation-store.js';
import { useLogStore } from './custody-log-store.js';
import { ItemRowsEditor } from './ItemRowsEditor.js';
import { NotHandedInDialog } from './NotHandedInDialog.js';
import { OwnerFields } from './OwnerFields.js';
import { PageHeading } from '../components/PageHeading.js';
import { ReceiptPanel } from './ReceiptPanel.js';
import { useNotHandedIn } from './useNotHandedIn.js';
import { fullName } from '../../shared/domain/names.js';

/** Logging items into the safe: a visitor's kiosk handover, or anyone's items with no kiosk step. */
export function LogItemsPage() {
  const log = useLogStore();
  const onSite = useTodayStore((s) => s.onSite);
  const staff = useSessionStore((s) => s.staff);
  const show = useNavigationStore((s) => s.show);
  const notHandedIn = useNotHandedIn();
  const formRef = useRef<HTMLFormElement>(null);
  const [closing, setClosing] = useState(false);
  useFocusFirstError(formRef, log.error);

  if (log.result) {
    return (
      <>
        <div className="console-heading"><PageHeading>Log items into the safe</PageHeading></div>
        <ReceiptPanel
          logged={log.result}
          printing={log.printing}
          error={log.error}
          corrected={log.corrected}
          onCorrect={log.correct}
          onPrintAgain={() => void log.reprint()}
          onLogMore={log.startBlank}
          onDone={() => {
            log.startBlank();
            show('today');
          }}
        />
      </>
    );
  }

  const h = log.handover;
  return (
    <>
      <div className="console-heading"><PageHeading>Log items into the safe</PageHeading></div>
      {log.error ? <Alert>{log.error}</Alert> : null}
      <form
        ref={formRef}
        className="form card log-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void log.submit();
        }}
      >
        {h ? (
          <div className="handover-summary">
            <p className="handover-who">
              <span className="handover-name">{fullName(h)}</span>
              {h.organisation ? <span className="muted"> · {h.organisation}</span> : null}
            </p>
            <p>Said at the kiosk at {formatTime(h.declaredAt)} that they have {describeDevices(h.devices)}.</p>
            {h.visitorSignedOut ? (
              <p className="tag tag-warning"><span aria-hidden="true">⚠ </span>They have signed out since</p>
            ) : null}
          </div>
        ) : null}
        {h ? null : (
          <OwnerFields
            ownerType={log.ownerType}
            visitId={log.visitId}
            staffId={log.staffId}
            pupil={log.pupil}
            onSite={onSite}
            staff={staff}
            fieldErrors={log.fieldErrors}
            onOwnerType={log.chooseOwner}
            onVisit={log.chooseVisit}
            onStaff={log.chooseStaff}
            onPupil={log.setPupil}
          />
        )}
        <ItemRowsEditor
          items={log.items}
          sameBag={log.sameBag}
          fieldErrors={log.fieldErrors}
          onItem={log.setItem}
          onSameBag={log.setSameBag}
          onAdd={log.addItem}
          onRemove={log.removeItem}
        />
        <div className="form-actions">
          <BigButton type="submit" disabled={log.busy}>{log.busy ? 'Logging…' : 'Log and print receipt'}</BigButton>
          {h ? <BigButton variant="secondary" onClick={() => setClosing(true)}>Nothing was handed in…</BigButton> : null}
          <BigButton variant="quiet" onClick={() => { log.cancel(); show('today'); }}>Cancel</BigButton>
        </div>
      </form>
      {closing && h ? (
        <NotHandedInDialog name={fullName(h)} onConfirm={(note) => notHandedIn(h, note)} onClose={() => setClosing(false)} />
      ) : null}
    </>
  );
}
