import type { StaffDeviceInSafe, StaffDeviceOut, StaffOnSite } from '../../shared/contract/index.js';
import { DEVICE_KIND_LABELS } from '../../shared/domain/devices.js';
import { formatDate, formatTime } from '../../shared/domain/time.js';

/** "phone" or "smart watch": a device named inside a sentence. */
export function deviceWord(device: Pick<StaffDeviceInSafe | StaffDeviceOut, 'kind'>): string {
  return DEVICE_KIND_LABELS[device.kind].toLowerCase();
}

/** "phone" for one, "phone and smart watch" for two, "3 devices" for more. */
export function devicesWords(devices: readonly Pick<StaffDeviceInSafe | StaffDeviceOut, 'kind'>[]): string {
  if (devices.length === 1) return deviceWord(devices[0]!);
  if (devices.length === 2) return `${deviceWord(devices[0]!)} and ${deviceWord(devices[1]!)}`;
  return `${devices.length} devices`;
}

/** The bag or slot a device is kept in, inside a sentence: "bag 4", or the slot's own name ("pouch 4"). */
export function slotWords(bagSlot: string): string {
  return /^\d/.test(bagSlot) ? `bag ${bagSlot}` : `${bagSlot.charAt(0).toLowerCase()}${bagSlot.slice(1)}`;
}

/** When they signed in, and where: "08:05 at the kiosk"; a day never signed out of says its date. */
export function signedInWords(person: Pick<StaffOnSite, 'signedInAt' | 'signedInHow' | 'fromEarlierDay'>): string {
  const where = person.signedInHow === 'kiosk' ? 'at the kiosk' : 'at the console';
  if (person.fromEarlierDay) return `${formatDate(person.signedInAt)} at ${formatTime(person.signedInAt)}, ${where}`;
  return `${formatTime(person.signedInAt)} ${where}`;
}
