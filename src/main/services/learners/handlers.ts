import type { LearnersOutputs } from '../../../shared/contract/learners.js';
import type { DomainHandlers } from '../../commands/handler-types.js';
import { agreementsFor, endAgreementEarly, listAllAgreements, recordAgreement } from './agreements.js';
import { handToPolice, releaseConfiscated } from './confiscation.js';
import { devicesHeld } from './devices-held.js';
import {
  endException, exceptionsForPupil, listAllExceptions, printExceptionAgreement, recordException, recordExceptionSigned,
} from './exceptions.js';
import { allSearches, recordSearch } from './searches.js';

/** The learners commands (src/shared/contract/learners.ts), each implemented once: a missing one is a compile error. */
export const learnersHandlers: DomainHandlers<LearnersOutputs> = {
  'learner.agreements': (ctx) => listAllAgreements(ctx),
  // At hand-in the office sees both: whether the device may come in, and whether the pupil may keep it.
  'learner.agreementsFor': async (ctx, input) => ({ ...await agreementsFor(ctx, input), exceptions: await exceptionsForPupil(ctx, input.pupilName) }),
  'learner.recordAgreement': (ctx, input) => recordAgreement(ctx, input),
  'learner.endAgreement': (ctx, input) => endAgreementEarly(ctx, input),
  'learner.devicesHeld': (ctx) => devicesHeld(ctx),
  'learner.exceptions': (ctx) => listAllExceptions(ctx),
  'learner.recordException': (ctx, input) => recordException(ctx, input),
  'learner.printExceptionAgreement': (ctx, input) => printExceptionAgreement(ctx, input.exceptionId),
  'learner.recordExceptionSigned': (ctx, input) => recordExceptionSigned(ctx, input),
  'learner.endException': (ctx, input) => endException(ctx, input),
  'learner.recordSearch': (ctx, input) => recordSearch(ctx, input),
  'learner.searches': (ctx) => allSearches(ctx),
  'learner.releaseConfiscated': (ctx, input) => releaseConfiscated(ctx, input),
  'learner.handToPolice': (ctx, input) => handToPolice(ctx, input),
};
