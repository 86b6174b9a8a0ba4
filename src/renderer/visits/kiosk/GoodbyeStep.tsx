import { BigButton } from '../../components/BigButton.js';
import { useKioskStore } from '../kiosk-store.js';
import { StepFrame } from './StepFrame.js';
import { useAutoFinish } from './useAutoFinish.js';

function items(n: number): string {
  return n === 1 ? '1 item' : `${n} items`;
}

export function GoodbyeStep() {
  const result = useKioskStore((s) => s.signedOut);
  const reset = useKioskStore((s) => s.reset);
  useAutoFinish(reset);
  if (!result) return null;

  // Items still in the safe keep the visit open: the office signs the visitor out when it hands them back.
  if (result.status === 'collect_items') {
    return (
      <StepFrame title={`Nearly done, ${result.firstName}.`} actions={<BigButton onClick={reset}>Finish</BigButton>}>
        <div className="callout callout-action">
          <h2 className="callout-title">Please collect your things from the office</h2>
          <p>
            You have {items(result.itemsInSafe)} in the office safe. Please take your receipt to the office. They will
            give your things back and sign you out.
          </p>
        </div>
      </StepFrame>
    );
  }

  return (
    <StepFrame title={`Goodbye, ${result.firstName}. Thank you for visiting.`} actions={<BigButton onClick={reset}>Finish</BigButton>}>
      {result.devicesDeclaredNotLogged > 0 ? (
        <div className="callout callout-action">
          <h2 className="callout-title">Before you go</h2>
          <p>If you handed any devices to the office, please collect them before you leave.</p>
        </div>
      ) : (
        <p className="step-lead">You are signed out.</p>
      )}
    </StepFrame>
  );
}
