import type { RetentionRun } from '../../shared/contract/index.js';

type Counted = Exclude<keyof RetentionRun, 'cutoff'>;

/**
 * What each count of a retention run means, in the words an administrator reads after "Remove old details
 * now". Every count main reports has its words: a new one left out here does not compile.
 */
const WORDS: Record<Counted, [one: string, many: string]> = {
  visitorsRemoved: ["visitor's details", "visitors' details"],
  visitsCleared: ['visit', 'visits'],
  bookingsCleared: ['expected visit', 'expected visits'],
  custodyCleared: ['item logged into the safe', 'items logged into the safe'],
  exceptionsCleared: ["visitor's device exception", "visitors' device exceptions"],
  agreementsCleared: ["pupil's device agreement", "pupils' device agreements"],
  searchesCleared: ["search of a pupil's device", "searches of pupils' devices"],
  learnerExceptionsCleared: ["pupil's exception", "pupils' exceptions"],
  confiscationsCleared: ['release or police handover of a confiscated device', 'releases and police handovers of confiscated devices'],
  staffPermissionsCleared: ["staff member's device permission", "staff members' device permissions"],
  signaturesCleared: ['signature drawn at the kiosk', 'signatures drawn at the kiosk'],
  exceptionRequestsCleared: ["visitor's request to keep a device", "visitors' requests to keep a device"],
  filesRemoved: ['document or old copy of the data removed', 'documents and old copies of the data removed'],
  filesNotRemoved: ['document that could not be removed (tried again tomorrow)', 'documents that could not be removed (tried again tomorrow)'],
};

/** "3 visitors' details", one line per count that is not zero, in the order above. */
export function retentionLines(run: RetentionRun): string[] {
  return (Object.keys(WORDS) as Counted[])
    .filter((key) => run[key] > 0)
    .map((key) => {
      const [one, many] = WORDS[key];
      return run[key] === 1 ? `1 ${one}` : `${run[key]} ${many}`;
    });
}
