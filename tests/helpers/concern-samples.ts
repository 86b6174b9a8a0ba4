import type { CommandInput } from '../../src/shared/contract/index.js';
import type { SampleContext } from './command-samples.js';
import type { TestApp } from './test-app.js';

/**
 * The sample world's concerns for what follows a concern (parents told, debrief, LADO, police), and one valid
 * input for each of those commands: kept here so command-samples.ts only joins them in.
 */

export interface ConcernSampleIds {
  /** Raised by the office member (about a pupil): the office may record that the parents were told. */
  officeConcernId: number;
  /** About a member of staff, referred to the LADO on 20 Nov 2026, the outcome still to come. */
  allegationConcernId: number;
  /** About a member of staff, closed, not referred and with no debrief yet. */
  closedConcernId: number;
}

type FollowUpCommand =
  | 'concern.recordParentsInformed' | 'concern.recordParentsNotInformed' | 'concern.recordDebrief'
  | 'concern.recordLadoReferral' | 'concern.recordLadoOutcome' | 'concern.recordPoliceContact';

export const CONCERN_FOLLOW_UP_SAMPLES: { [N in FollowUpCommand]: (ctx: SampleContext) => CommandInput<N> } = {
  'concern.recordParentsInformed': (ctx) => ({
    concernId: ctx.officeConcernId, informedOn: '2026-11-23', informedTime: '08:45', informedBy: 'Mrs Okafor, class teacher', whoWasTold: 'His mother',
  }),
  'concern.recordParentsNotInformed': (ctx) => ({
    concernId: ctx.concernId, reason: "Children's social care asked us not to tell the family until they have visited.",
  }),
  'concern.recordDebrief': (ctx) => ({
    concernId: ctx.closedConcernId,
    lessonsLearnt: 'Staff knew to report it at once, but nobody knew where the staff phone rules were written down.',
    practiceChange: 'The staff phone rules are now in the induction pack and on the staffroom wall.',
  }),
  'concern.recordLadoReferral': (ctx) => ({ concernId: ctx.closedConcernId, referredOn: '2026-11-20', ladoReference: 'LADO/26/0311' }),
  'concern.recordLadoOutcome': (ctx) => ({ concernId: ctx.allegationConcernId, outcome: 'unsubstantiated', outcomeOn: '2026-11-23', note: null }),
  'concern.recordPoliceContact': (ctx) => ({
    concernId: ctx.allegationConcernId, contactedOn: '2026-11-22', policeForce: 'Kent Police', officer: 'PC 4471 Adebayo', reference: '46/201144/26',
  }),
};

type Attempt = <T>(what: string, work: () => T | Promise<T>, standIn: () => T | Promise<T>) => Promise<T>;

const ABOUT_STAFF = {
  aboutType: 'staff' as const,
  visitId: null,
  location: 'Year 4 classroom',
  actionTaken: 'Told the DSL at once.',
};

/** Builds those concerns through the real commands: `owner` is a window unlocked as a DSL. */
export async function buildConcernSamples(
  app: TestApp,
  office: { staffId: number; pin: string },
  owner: string,
  attempt: Attempt,
  missingId: number,
): Promise<ConcernSampleIds> {
  const officeConcernId = await attempt(
    'concern.raise as office',
    async () => {
      await app.ok('staff.unlock', office, 'sample-office');
      return (await app.ok('concern.raise', {
        aboutType: 'learner', aboutName: 'A Year 5 boy', visitId: null, location: 'The playground',
        whatHappened: 'Showed other children a video on his phone that upset them.', actionTaken: 'Took the phone to the office.',
      }, 'sample-office')).concernId;
    },
    () => missingId,
  );
  const allegationConcernId = await attempt(
    'concern.recordLadoReferral',
    async () => {
      const { concernId } = await app.ok('concern.raise', {
        ...ABOUT_STAFF, aboutName: 'A teaching assistant', whatHappened: 'Was seen taking photos of pupils on a personal phone.',
      }, owner);
      await app.ok('concern.recordLadoReferral', { concernId, referredOn: '2026-11-20', ladoReference: 'LADO/26/0290' }, owner);
      return concernId;
    },
    () => missingId,
  );
  const closedConcernId = await attempt(
    'concern.review (closing)',
    async () => {
      const { concernId } = await app.ok('concern.raise', {
        ...ABOUT_STAFF, aboutName: 'A supply teacher', whatHappened: 'Used a personal phone in the lesson to message a parent.',
      }, owner);
      await app.ok('concern.review', { concernId, outcome: 'Spoken to; the agency was told.', close: true }, owner);
      return concernId;
    },
    () => missingId,
  );
  return { officeConcernId, allegationConcernId, closedConcernId };
}
