import { DEVICE_KIND_LABELS, type DeviceKind } from '../../shared/domain/devices.js';

/** What the agreement form and the exception form both ask: whose device, which one, why, and for which days. */
export interface PupilDeviceAnswers {
  pupilName: string;
  classGroup: string;
  deviceKind: DeviceKind | '';
  deviceDescription: string;
  reason: string;
  validFrom: string;
  validUntil: string;
}

/** Those answers before anything is typed: the first day is today. */
export function blankPupilDevice(today: string): PupilDeviceAnswers {
  return { pupilName: '', classGroup: '', deviceKind: '', deviceDescription: '', reason: '', validFrom: today, validUntil: '' };
}

/** Those answers as learner.recordAgreement and learner.recordException take them; a kind not chosen yet goes as missing, for the contract to name. */
export function pupilDeviceInput(d: PupilDeviceAnswers) {
  return {
    pupilName: d.pupilName.trim(),
    classGroup: d.classGroup.trim(),
    deviceKind: (d.deviceKind || undefined) as DeviceKind,
    deviceDescription: d.deviceDescription.trim(),
    reason: d.reason.trim(),
    validFrom: d.validFrom,
    validUntil: d.validUntil,
  };
}

/** "Phone: red Nokia": a pupil's device, as agreements and exceptions both name it. */
export function deviceWords(a: { deviceKind: DeviceKind; deviceDescription: string }): string {
  return `${DEVICE_KIND_LABELS[a.deviceKind]}: ${a.deviceDescription}`;
}
