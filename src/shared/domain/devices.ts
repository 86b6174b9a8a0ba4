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

/** "2 phones and a smart watch" style summary for people, not for parsing. */
export function describeDevices(devices: readonly DeclaredDevice[]): string {
  const parts = devices
    .filter((d) => d.quantity > 0)
    .map((d) => {
      const label = DEVICE_KIND_LABELS[d.kind].toLowerCase();
      return d.quantity === 1 ? `1 ${label}` : `${d.quantity} ${pluralise(label)}`;
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
