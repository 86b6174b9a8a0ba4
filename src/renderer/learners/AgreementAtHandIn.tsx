import { useEffect } from 'react';
import { handInLine } from './agreement-model.js';
import { CheckLine } from './CheckLine.js';
import { exceptionAtHandIn } from './exception-model.js';
import { useHandInStore } from './hand-in-store.js';
import './learners.css';

/** How long typing pauses before the name is looked up: one question per name, not per letter. */
const LOOKUP_PAUSE_MS = 400;

/**
 * Under the pupil's name on the Log items page: whether the headteacher has agreed to this pupil's device.
 * Said in words with a mark, so staff handing a device back at the end of the day, or taking one that should
 * not be here, know where they stand.
 */
export function AgreementAtHandIn({ pupilName }: { pupilName: string }) {
  const shownFor = useHandInStore((s) => s.name);
  const agreements = useHandInStore((s) => s.agreements);
  const exceptions = useHandInStore((s) => s.exceptions);
  const error = useHandInStore((s) => s.error);
  const lookUp = useHandInStore((s) => s.lookUp);
  const clear = useHandInStore((s) => s.clear);

  useEffect(() => {
    const timer = setTimeout(() => void lookUp(pupilName), LOOKUP_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [pupilName, lookUp]);
  useEffect(() => clear, [clear]);

  // Said only for the name now in the box: an answer for what was typed before would mislead.
  if (shownFor === null || shownFor !== pupilName) return <div role="status" className="agreement-at-hand-in" />;
  if (error) {
    return <div role="status" className="agreement-at-hand-in"><p className="agreement-check">{error}</p></div>;
  }
  const line = handInLine(agreements);
  // An exception is said as well, on its own line: in force, the pupil keeps that device; signed for not yet, they do not.
  // With one in force, "no agreement" would read as "this device should not be here": only the exception is said.
  const exception = exceptionAtHandIn(exceptions);
  const lines = exception?.inForce && !line.inForce ? [exception] : [line, exception];
  return (
    <div role="status" className="agreement-at-hand-in">
      {lines.map((l, i) => (l ? <CheckLine key={i} yes={l.inForce} text={l.text} detail={l.detail} /> : null))}
    </div>
  );
}
