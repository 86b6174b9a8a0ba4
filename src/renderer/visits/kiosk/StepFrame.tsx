import { useEffect, useRef, type ReactNode } from 'react';
import { Alert } from '../../components/Alert.js';

interface StepFrameProps {
  title: ReactNode;
  lead?: ReactNode;
  error?: string | null;
  /** Shown as the left-hand "Back" button when given. */
  onBack?: (() => void) | undefined;
  /** The step's main action(s), on the right of the action bar. */
  actions?: ReactNode;
  /** Search steps put focus in their text box instead, so the visitor can type without a tap. */
  focusHeading?: boolean;
  children?: ReactNode;
  className?: string;
}

/**
 * The shape every kiosk step shares: one h1 (focused on arrival so a screen reader starts there), an
 * error line, the content, and a bar at the bottom with "Back" and the way forward.
 */
export function StepFrame({ title, lead, error, onBack, actions, focusHeading = true, children, className }: StepFrameProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // A new step starts at the top, even if the visitor had scrolled down the last one to tap "Next".
    if (document.scrollingElement) document.scrollingElement.scrollTop = 0;
    if (focusHeading) headingRef.current?.focus({ preventScroll: true });
  }, [focusHeading]);

  return (
    <div className={['step', className ?? ''].filter(Boolean).join(' ')}>
      <div className="step-body">
        <h1 ref={headingRef} tabIndex={-1} className="step-title">{title}</h1>
        {lead ? <p className="step-lead">{lead}</p> : null}
        {error ? <Alert>{error}</Alert> : null}
        {children}
      </div>
      {onBack || actions ? (
        <div className="step-actions">
          {onBack ? (
            <button type="button" className="btn btn-secondary btn-back" onClick={onBack}>
              <span aria-hidden="true" className="btn-icon">←</span>
              <span className="btn-label">Back</span>
            </button>
          ) : <span />}
          <div className="step-actions-forward">{actions}</div>
        </div>
      ) : null}
    </div>
  );
}

/**
 * "Is this you?" with the name on a line of its own: a short name can end with its initial's full stop
 * ("D'Arcy Ó."), so no sentence punctuation may follow it.
 */
export function IsThisYouTitle({ name }: { name: string }) {
  return <>Is this you? <span className="title-name">{name}</span></>;
}
