import type { PersonRecords } from '../../shared/contract/index.js';
import { ukDay } from '../../shared/domain/time.js';
import { now } from '../lib/clock.js';
import { fullName } from '../../shared/domain/names.js';

/** "amira-khan", "tomas-o-neill": a name as it can safely sit in a file name on any system. */
export function fileNamePart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** subject-access-amira-khan-2026-11-22.json; a name with no Latin letters falls back to the visitor's number. */
export function subjectAccessFileName(records: PersonRecords, at: Date = now()): string {
  const name = fileNamePart(fullName(records.visitor)) || `visitor-${records.visitor.visitorId}`;
  return `subject-access-${name}-${ukDay(at.toISOString())}.json`;
}

/** The file handed to the person: who prepared it, when, for which setting, and every record as main gave it. */
export function subjectAccessJson(records: PersonRecords, context: { settingName: string; preparedBy: string; now?: Date }): string {
  const file = {
    about: 'A subject access request: every record this setting holds about the visitor below.',
    setting: context.settingName,
    preparedAt: (context.now ?? now()).toISOString(),
    preparedBy: context.preparedBy,
    ...records,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
