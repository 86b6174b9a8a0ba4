/**
 * One line under a pupil's name at hand-in: allowed (✓) or not (!), in words with a mark as well as the
 * colour, and an optional second line of detail. Log items and the morning queue say agreements and
 * exceptions the same way.
 */
export function CheckLine({ yes, text, detail }: { yes: boolean; text: string; detail?: string | null }) {
  return (
    <p className={yes ? 'agreement-check agreement-check-yes' : 'agreement-check agreement-check-no'}>
      <span className="agreement-check-icon" aria-hidden="true">{yes ? '✓' : '!'}</span>
      <span>
        <strong>{text}</strong>
        {detail ? <span className="agreement-line">{detail}</span> : null}
      </span>
    </p>
  );
}
