import type { LeafletText } from '../../../shared/contract/index.js';
import type { SettingKind } from '../../../shared/domain/setting.js';
import { currentPolicy } from '../../db/repositories/policy-repo.js';
import { listActiveStaff } from '../../db/repositories/staff-repo.js';
import type { ServiceContext } from '../../core/context.js';
import { readSetting } from '../admin/settings-store.js';

/** Where no DSL could be named: a line the setting fills in before publishing. */
export const DSL_TO_FILL = 'Our Designated Safeguarding Lead (DSL) is: ____________________ (write their name here).';

function andList(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Who the DSL is, from the staff accounts that hold the role now. */
function dslLine(names: readonly string[]): string {
  if (names.length === 0) return DSL_TO_FILL;
  return names.length === 1
    ? `Our Designated Safeguarding Lead (DSL) is ${names[0]}. They make sure that every worry about a child is acted on.`
    : `Our Designated Safeguarding Leads (DSLs) are ${andList(names)}. They make sure that every worry about a child is acted on.`;
}

/**
 * The words Safe Hands offers as a first leaflet, in plain English: who the DSL is, what to do when worried
 * about a child or an adult, and the setting's device rules in brief (its own expectations' summary, so the
 * two never disagree). Only a starting point: the DSL reads and changes it in the editor, and nothing is
 * published until they do.
 */
export function suggestedLeaflet(input: { settingName: string; settingKind: SettingKind; dslNames: readonly string[]; deviceRules: readonly string[] }): LeafletText {
  const head = input.settingKind === 'nursery' ? 'the nursery manager' : 'the headteacher';
  const place = input.settingName.trim() || 'our setting';
  const sections = [
    `### Welcome to ${place}`,
    'Everyone who comes here shares the job of keeping children safe. Please read this leaflet and keep it with you during your visit.',
    '',
    '### Who to talk to',
    dslLine(input.dslNames),
    'If they are not here, ask at the office: another member of staff will help you straight away.',
    '',
    '### If you are worried about a child',
    'A child may tell you something, or you may see or hear something, that worries you. If this happens:',
    '- stay calm and listen',
    '- do not ask leading questions, and do not promise to keep it a secret',
    '- write down what you saw or heard, in the words that were used, as soon as you can',
    '- tell the DSL or the office before you leave',
    '',
    'If a child is in immediate danger, call 999, then tell the office.',
    '',
    '### If you are worried about an adult',
    `If you are worried about how a member of staff, a volunteer or another visitor behaves towards children, tell the DSL or ${head} straight away. Do not try to look into it yourself.`,
  ];
  if (input.deviceRules.length > 0) {
    sections.push('', '### Phones and smart devices', ...input.deviceRules.map((rule) => `- ${rule}`));
  }
  sections.push('', '### Before you leave', 'Please collect anything you handed in to the office, and sign out at the screen by the entrance.');
  return { title: 'Keeping children safe: a guide for visitors', body: sections.join('\n') };
}

/** The suggested leaflet for this setting as it is now. */
export async function suggestedLeafletFor(ctx: ServiceContext): Promise<LeafletText> {
  return suggestedLeaflet({
    settingName: await readSetting(ctx.db, 'setting.name') ?? '',
    settingKind: await readSetting(ctx.db, 'setting.kind'),
    dslNames: (await listActiveStaff(ctx.db)).filter((s) => s.roles.includes('dsl')).map((s) => s.displayName),
    deviceRules: (await currentPolicy(ctx.db))?.summary ?? [],
  });
}
