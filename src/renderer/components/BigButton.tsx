import { useId, type ButtonHTMLAttributes, type ReactNode } from 'react';

type Variant = 'primary' | 'secondary' | 'quiet';

interface BigButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  variant?: Variant;
  /** 'hero' is the welcome screen's main choices; 'normal' is every other action. */
  size?: 'hero' | 'normal';
  /** A second line under the label. It is the button's description, so its name stays short. */
  hint?: ReactNode;
  icon?: ReactNode;
  children: ReactNode;
}

export function BigButton({
  variant = 'primary',
  size = 'normal',
  hint,
  icon,
  children,
  className,
  type = 'button',
  ...rest
}: BigButtonProps) {
  const labelId = useId();
  const hintId = useId();
  const classes = ['btn', `btn-${variant}`, size === 'hero' ? 'btn-hero' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <button
      type={type}
      className={classes}
      aria-labelledby={hint ? labelId : undefined}
      aria-describedby={hint ? hintId : undefined}
      {...rest}
    >
      {icon ? <span className="btn-icon" aria-hidden="true">{icon}</span> : null}
      <span className="btn-text">
        <span className="btn-label" id={labelId}>{children}</span>
        {hint ? <span className="btn-hint" id={hintId}>{hint}</span> : null}
      </span>
    </button>
  );
}
