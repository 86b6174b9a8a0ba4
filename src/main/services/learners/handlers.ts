import type { LearnersOutputs } from '../../../shared/contract/learners.js';
import type { DomainHandlers } from '../../commands/handler-types.js';
import { agreementsFor, endAgreementEarly, listAllAgreements, recordAgreement } from './agreements.js';
import { devicesHeld } from './devices-held.js';

/** The learners commands (src/shared/contract/learners.ts), each implemented once: a missing one is a compile error. */
export const learnersHandlers: DomainHandlers<LearnersOutputs> = {
  'learner.agreements': (ctx) => listAllAgreements(ctx),
  'learner.agreementsFor': (ctx, input) => agreementsFor(ctx, input),
  'learner.recordAgreement': (ctx, input) => recordAgreement(ctx, input),
  'learner.endAgreement': (ctx, input) => endAgreementEarly(ctx, input),
  'learner.devicesHeld': (ctx) => devicesHeld(ctx),
};
