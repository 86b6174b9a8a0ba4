import type { ReactNode } from 'react';
import type { DeviceKind } from '../../shared/domain/devices.js';

/**
 * Plain line drawings, one per kind, so a visitor who reads little English can still recognise their
 * device. The tile's text label carries the name; the picture is decoration for assistive technology.
 * The tablet is drawn landscape and the e-reader with lines of text so neither is mistaken for a phone.
 */
const screen = 'pic-fill';

const PICTURES: Record<DeviceKind, ReactNode> = {
  phone: (
    <>
      <rect x="30" y="8" width="36" height="80" rx="8" />
      <rect className={screen} x="35" y="18" width="26" height="56" rx="2" />
      <line x1="44" y1="13" x2="52" y2="13" />
      <circle cx="48" cy="81" r="2.5" />
    </>
  ),
  smart_watch: (
    <>
      <path d="M37 24 L39 6 H57 L59 24" />
      <path d="M37 72 L39 90 H57 L59 72" />
      <rect x="27" y="23" width="42" height="50" rx="11" />
      <rect className={screen} x="33" y="29" width="30" height="38" rx="6" />
      <rect x="69" y="41" width="5" height="14" rx="2" />
      <path d="M48 48 V38 M48 48 L55 52" />
    </>
  ),
  tablet: (
    <>
      <rect x="6" y="18" width="84" height="60" rx="8" />
      <rect className={screen} x="15" y="25" width="64" height="46" rx="2" />
      <circle cx="84.5" cy="48" r="2.5" />
    </>
  ),
  fitness_tracker: (
    <>
      <rect x="39" y="4" width="18" height="88" rx="9" />
      <rect className={screen} x="33" y="28" width="30" height="40" rx="9" />
      <polyline points="37,48 42,48 45,40 50,56 53,48 59,48" />
    </>
  ),
  e_reader: (
    <>
      <rect x="20" y="6" width="56" height="84" rx="6" />
      <rect className={screen} x="27" y="14" width="42" height="58" rx="2" />
      <path d="M33 24 H63 M33 32 H63 M33 40 H58 M33 48 H63 M33 56 H52" />
      <line x1="40" y1="81" x2="56" y2="81" />
    </>
  ),
  camera: (
    <>
      <rect x="30" y="17" width="26" height="12" rx="3" />
      <rect x="8" y="28" width="80" height="52" rx="8" />
      <circle className={screen} cx="48" cy="54" r="17" />
      <circle cx="48" cy="54" r="8" />
      <rect x="70" y="36" width="10" height="6" rx="1.5" />
    </>
  ),
  laptop: (
    <>
      <rect x="18" y="16" width="60" height="44" rx="4" />
      <rect className={screen} x="24" y="22" width="48" height="32" rx="1" />
      <path d="M6 66 H90 L84 78 H12 Z" />
      <line x1="42" y1="72" x2="54" y2="72" />
    </>
  ),
  other: (
    <>
      <circle className={screen} cx="48" cy="48" r="38" />
      <path d="M37 38 a11 11 0 1 1 15.5 10 c-3 1.5 -4.5 3.5 -4.5 7.5 v3" />
      <circle cx="48" cy="69" r="3" fill="currentColor" />
    </>
  ),
};

export function DevicePicture({ kind, size = 96 }: { kind: DeviceKind; size?: number }) {
  return (
    <svg
      className="device-picture"
      width={size}
      height={size}
      viewBox="0 0 96 96"
      fill="none"
      stroke="currentColor"
      strokeWidth="4"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PICTURES[kind]}
    </svg>
  );
}
