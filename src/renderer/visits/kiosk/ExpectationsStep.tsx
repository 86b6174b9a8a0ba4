import { useId, useState } from 'react';
import { BigButton } from '../../components/BigButton.js';
import { PolicyText } from '../../components/PolicyText.js';
import { useKioskStore } from '../kiosk-store.js';
import { StepFrame } from './StepFrame.js';
import { SignaturePad } from './SignaturePad.js';
import { signatureProblem } from '../../../shared/domain/signature.js';
import './loss-and-damage.css';

export function ExpectationsStep() {
  const policy = useKioskStore((s) => s.config?.policy);
  const lossAndDamage = useKioskStore((s) => s.config?.lossAndDamage);
  const returning = useKioskStore((s) => s.flow === 'returning');
  const error = useKioskStore((s) => s.error);
  const acknowledge = useKioskStore((s) => s.acknowledge);
  const back = useKioskStore((s) => s.back);
  const askForSignature = useKioskStore((s) => s.config?.askForSignature ?? false);
  const signature = useKioskStore((s) => s.signature);
  const setSignature = useKioskStore((s) => s.setSignature);
  const helpId = useId();
  const unsigned = askForSignature && (signature === null || signatureProblem(signature) !== null);
  // Opening the full text is only how this screen looks, not something the visitor entered.
  const [showFull, setShowFull] = useState(false);
  const fullId = useId();
  if (!policy) return null;

  return (
    <StepFrame
      title={policy.title}
      lead={returning
        ? 'Please read these again before you go in. They may have changed since your last visit.'
        : 'Please read these before you go in.'}
      error={error}
      onBack={back}
      actions={(
        <BigButton onClick={acknowledge} disabled={unsigned} hint={unsigned ? 'Sign in the box above first' : undefined}>
          I have read and will follow these
        </BigButton>
      )}
    >
      <ul className="policy-summary">
        {policy.summary.map((line, i) => <li key={i}>{line}</li>)}
      </ul>
      {lossAndDamage ? <p className="policy-loss"><strong>Devices in our safe.</strong> {lossAndDamage}</p> : null}
      <BigButton variant="secondary" aria-expanded={showFull} aria-controls={fullId} onClick={() => setShowFull((v) => !v)}>
        {showFull ? 'Hide the full text' : 'Read the full text'}
      </BigButton>
      <section id={fullId} className="policy-full" hidden={!showFull} aria-label="The full text">
        {showFull ? <PolicyText text={policy.fullText} /> : null}
      </section>
      <p className="policy-version">Version {policy.version}</p>
      {askForSignature ? (
        <section className="policy-signature" aria-labelledby={`${helpId}-title`}>
          <h2 id={`${helpId}-title`} className="signature-title">Sign to say you agree</h2>
          <p id={helpId} className="signature-help">
            Sign your name in the box with your finger, then tap “I have read and will follow these”. If you cannot
            sign on the screen, please ask at the office and they will help you sign in.
          </p>
          <SignaturePad value={signature} onChange={setSignature} describedBy={helpId} />
        </section>
      ) : null}
    </StepFrame>
  );
}
