import type { ReactNode } from 'react';

/** A message that must be heard as well as seen: screen readers announce it as soon as it appears. */
export function Alert({ children, tone = 'error' }: { children: ReactNode; tone?: 'error' | 'info' }) {
  return (
    <div role="alert" className={`alert alert-${tone}`}>
      <span className="alert-mark" aria-hidden="true">{tone === 'error' ? '!' : 'i'}</span>
      <div className="alert-body">{children}</div>
    </div>
  );
}
