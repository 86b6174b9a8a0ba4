import type { ReactNode } from 'react';

/** Small line icons for the welcome choices; always next to words, so hidden from assistive technology. */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg width="48" height="48" viewBox="0 0 48 48" fill="none" stroke="currentColor" strokeWidth="3.5"
      strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export function SignInIcon() {
  return (
    <Icon>
      <path d="M26 8 H38 a2 2 0 0 1 2 2 V38 a2 2 0 0 1 -2 2 H26" />
      <path d="M6 24 H28 M20 15 L29 24 L20 33" />
    </Icon>
  );
}

export function ReturningIcon() {
  return (
    <Icon>
      <circle cx="20" cy="15" r="7" />
      <path d="M6 40 c0-9 6-14 14-14 c3 0 5.5 .7 7.5 2" />
      <path d="M28 36 L33 41 L43 30" />
    </Icon>
  );
}

export function SignOutIcon() {
  return (
    <Icon>
      <path d="M22 8 H10 a2 2 0 0 0 -2 2 V38 a2 2 0 0 0 2 2 H22" />
      <path d="M18 24 H42 M34 15 L43 24 L34 33" />
    </Icon>
  );
}
