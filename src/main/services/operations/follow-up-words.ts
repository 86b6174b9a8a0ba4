import { LADO_OUTCOME_LABELS } from '../../../shared/domain/concerns.js';
import { formatDay } from '../../../shared/domain/time.js';
import type { ConcernFollowUps } from '../../db/repositories/concern-follow-up-repo.js';

/**
 * What followed a concern, in one cell of the concerns report (PDF and CSV): parents or carers told or not,
 * the LADO referral and its outcome, police contacts and whether the debrief was held. The report is for
 * the DSL and administrators, who may also read why parents were not told; the debrief's own words stay on
 * the concern's card (a report row would be unreadable with them), the cell only says it was recorded. Short
 * words, as the PDF gives a cell twelve lines (the CSV keeps it whole).
 */
export function followUpWords(f: ConcernFollowUps): string {
  const parts: string[] = [];
  for (const p of f.parentsInformed) {
    parts.push(
      p.informed
        ? `Parents told ${formatDay(p.informedOn)}${p.informedTime ? ` ${p.informedTime}` : ''} by ${p.informedBy}${p.whoWasTold ? ` (${p.whoWasTold})` : ''}`
        : `Parents not told (DSL's decision)${p.reason ? `: ${p.reason}` : ''}`,
    );
  }
  const lado = f.ladoReferral;
  if (lado) {
    const outcome = lado.outcome ? `${LADO_OUTCOME_LABELS[lado.outcome].toLowerCase()} (${formatDay(lado.outcomeOn!)})` : 'no outcome yet';
    parts.push(`LADO ${formatDay(lado.referredOn)}, ref ${lado.ladoReference}: ${outcome}`);
  }
  for (const c of f.policeContacts) parts.push(`Police ${formatDay(c.contactedOn)}: ${c.policeForce}, ${c.officer}, ref ${c.reference}`);
  if (f.debrief) parts.push(`Debrief by ${f.debrief.recordedBy}`);
  return parts.join('. ');
}
