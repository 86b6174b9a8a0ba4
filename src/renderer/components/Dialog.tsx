import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface DialogProps {
  title: string;
  description: ReactNode;
  children: ReactNode;
  /** 'alertdialog' interrupts (the idle warning); 'dialog' is for anything the person opened. */
  role?: 'dialog' | 'alertdialog';
  onEscape?: () => void;
  /** Fields between the description and the actions (a reason to type, a choice to make). */
  body?: ReactNode;
  /** 'form' lays a dialog with fields out left-aligned, with its buttons side by side. */
  variant?: 'message' | 'form';
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * A modal box. The page behind should be made inert by the caller; this keeps Tab inside the box, puts
 * focus on its first control, and gives focus back to where it was when the box closes.
 */
export function Dialog({ title, description, children, role = 'dialog', onEscape, body, variant = 'message' }: DialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  const boxRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    boxRef.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape' && onEscape) {
      event.preventDefault();
      onEscape();
      return;
    }
    if (event.key !== 'Tab' || !boxRef.current) return;
    const items = Array.from(boxRef.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <div className="dialog-backdrop">
      <div
        ref={boxRef}
        className={variant === 'form' ? 'dialog dialog-form' : 'dialog'}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="dialog-title">{title}</h2>
        <div id={descriptionId} className="dialog-description">{description}</div>
        {body ? <div className="dialog-body">{body}</div> : null}
        <div className="dialog-actions">{children}</div>
      </div>
    </div>
  );
}
