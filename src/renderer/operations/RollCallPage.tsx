import { useEffect } from 'react';
import { commandSchemas } from '../../shared/contract/index.js';
import { formatTime } from '../../shared/domain/time.js';
import { maxLengthOf } from '../../shared/validation.js';
import { documentUrl, inDesktopApp } from '../api.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { PageHeading } from '../components/PageHeading.js';
import { useRollCallStore } from './rollcall-store.js';
import { ListOnScreenNote } from './ListOnScreenNote.js';
import { RollCallList } from './RollCallList.js';
import { RollCallStaffList } from './RollCallStaffList.js';
import { RollCallPrint } from './RollCallPrint.js';
import { RollCallResult } from './RollCallResult.js';

/** An evacuation: print the list at once, then tick people off as they are seen, and see who is missing. */
export function RollCallPage() {
  const s = useRollCallStore();
  const load = s.load;

  useEffect(() => {
    void load();
  }, [load]);

  const total = s.people.length + s.staff.length;
  const done = s.people.filter((p) => s.ticked.includes(p.visitId)).length + s.staff.filter((p) => s.tickedStaff.includes(p.staffDayId)).length;
  return (
    <div className="rollcall">
      <div className="console-heading">
        <PageHeading>Roll call</PageHeading>
        <BigButton className="btn-urgent" onClick={() => void s.printList()} disabled={s.printing}>
          {s.printing ? 'Printing…' : 'Print the evacuation list'}
        </BigButton>
      </div>
      {s.printError ? <Alert>{s.printError}</Alert> : null}
      {s.print ? <RollCallPrint people={s.print.people} print={s.print.print} desktop={inDesktopApp()} documentHref={documentUrl} /> : null}

      {s.result ? (
        <div className="rollcall-after">
          <RollCallResult record={s.result} />
          {/* Under the answer, which is what the person came for and where the page scrolls to. */}
          {s.result.notSaved ? (
            <div className="rollcall-not-saved no-print">
              <Alert>
                <strong>{s.result.notSaved}</strong>
                <ListOnScreenNote desktop={inDesktopApp()} />
              </Alert>
            </div>
          ) : null}
          <BigButton variant="secondary" onClick={() => void s.startAgain()}>Start a new roll call</BigButton>
        </div>
      ) : null}
      {s.error ? <Alert>{s.error}</Alert> : null}

      <section className="rollcall-people" aria-labelledby="rollcall-people-heading">
        <div className="rollcall-people-head">
          <div>
            <h2 id="rollcall-people-heading">Tick each person when you see them</h2>
            <p className="muted">Visitors signed in at the kiosk, then staff signed in for the day. Pupils are on your class registers.</p>
          </div>
          <BigButton variant="secondary" onClick={() => void load()} disabled={s.loading}>
            {s.loading ? 'Reading the list…' : 'Refresh the list'}
          </BigButton>
        </div>
        {s.loaded && total === 0 ? <p className="empty card">Nobody is signed in at the kiosk now.</p> : null}
        {s.people.length > 0 ? (
          <>
            <h3 className="rollcall-list-heading">Visitors ({s.people.length})</h3>
            <RollCallList people={s.people} ticked={s.ticked} onToggle={s.toggle} />
          </>
        ) : null}
        {s.staff.length > 0 ? (
          <>
            <h3 className="rollcall-list-heading">Staff signed in ({s.staff.length})</h3>
            <RollCallStaffList staff={s.staff} ticked={s.tickedStaff} onToggle={s.toggleStaff} />
          </>
        ) : null}
        {s.staffError ? <Alert>The staff signed in could not be read: {s.staffError}</Alert> : null}
        <TextAreaField
          label="Note (optional)"
          hint="For example: where everyone gathered, or who is looking for whom."
          value={s.note}
          maxLength={maxLengthOf(commandSchemas['rollcall.save'].input.shape.note)}
          onChange={s.setNote}
          error={s.fieldErrors.note}
          className="rollcall-note"
        />
      </section>

      <div className="rollcall-bar">
        <p className="rollcall-count" role="status">
          <strong>{done} of {total}</strong> accounted for
          {s.result ? <span className="muted"> · last finished at {formatTime(s.result.takenAt)}</span> : null}
        </p>
        <BigButton onClick={() => void s.finish()} disabled={s.saving || !s.loaded}>
          {s.saving ? 'Saving…' : 'Finish roll call'}
        </BigButton>
      </div>
    </div>
  );
}
