import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A console section's h1. It takes focus when the section opens (unless the section puts the cursor in a
 * box instead), so a screen reader starts reading at the new section rather than at the old button.
 */
export function PageHeading({ children, focus = true }: { children: ReactNode; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus({ preventScroll: true });
  }, [focus]);
  return <h1 ref={ref} tabIndex={-1}>{children}</h1>;
}
