import { BigButton } from '../../components/BigButton.js';
import { Dialog } from '../../components/Dialog.js';

export function IdleWarning({ secondsLeft, onStillHere }: { secondsLeft: number; onStillHere: () => void }) {
  return (
    <Dialog
      role="alertdialog"
      title="Are you still there?"
      onEscape={onStillHere}
      description={
        <>
          <p className="idle-countdown" aria-hidden="true">{secondsLeft}</p>
          <p>
            For your privacy, this screen will go back to the start in {secondsLeft}{' '}
            {secondsLeft === 1 ? 'second' : 'seconds'} and clear what you typed.
          </p>
        </>
      }
    >
      <BigButton onClick={onStillHere}>I'm still here</BigButton>
    </Dialog>
  );
}
