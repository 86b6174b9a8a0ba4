/** Devices a visitor may carry; each has a picture on the kiosk. */
export const DEVICE_KINDS = [
  'phone',
  'smart_watch',
  'tablet',
  'fitness_tracker',
  'e_reader',
  'camera',
  'laptop',
  'other',
] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const DEVICE_KIND_LABELS: Record<DeviceKind, string> = {
  phone: 'Phone',
  smart_watch: 'Smart watch',
  tablet: 'Tablet',
  fitness_tracker: 'Fitness tracker',
  e_reader: 'E-reader',
  camera: 'Camera',
  laptop: 'Laptop',
  other: 'Other device',
};

/** The most of one kind a visitor can declare: more than this is a typo, not a visitor. */
export const MAX_DEVICES_PER_KIND = 9;

export interface DeclaredDevice {
  kind: DeviceKind;
  quantity: number;
}

/**
 * "2 phones and 1 smart watch" style summary for people, not for parsing. After "your" (`{ owned: true }`)
 * one of a kind has no number: "your phone and 2 smart watches", never "your 1 phone".
 */
export function describeDevices(devices: readonly DeclaredDevice[], { owned = false }: { owned?: boolean } = {}): string {
  const parts = devices
    .filter((d) => d.quantity > 0)
    .map((d) => {
      const label = DEVICE_KIND_LABELS[d.kind].toLowerCase();
      if (d.quantity === 1) return owned ? label : `1 ${label}`;
      return `${d.quantity} ${pluralise(label)}`;
    });
  if (parts.length === 0) return 'no devices';
  if (parts.length === 1) return parts[0]!;
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function pluralise(label: string): string {
  if (label.endsWith('watch')) return `${label}es`;
  if (label === 'other device') return 'other devices';
  return `${label}s`;
}

/** How many devices there are in all: a sentence about them says "it" for one and "them" for more. */
export function totalDevices(devices: readonly DeclaredDevice[]): number {
  return devices.reduce((n, d) => n + Math.max(0, d.quantity), 0);
}
