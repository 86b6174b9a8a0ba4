import type { CommandName } from '../../shared/contract/index.js';
import { adminHandlers } from '../services/admin/handlers.js';
import { custodyHandlers } from '../services/custody/handlers.js';
import { learnersHandlers } from '../services/learners/handlers.js';
import { operationsHandlers } from '../services/operations/handlers.js';
import { safeguardingHandlers } from '../services/safeguarding/handlers.js';
import { staffHandlers } from '../services/staff/handlers.js';
import { visitsHandlers } from '../services/visits/handlers.js';
import type { Handler } from './handler-types.js';

/**
 * Every command in the contract, implemented once, in the handlers.ts of its domain's folder. A command
 * missing from its domain is a compile error there; one missing from the table, a compile error here.
 */
export const handlers: { [N in CommandName]: Handler<N> } = {
  ...visitsHandlers,
  ...custodyHandlers,
  ...safeguardingHandlers,
  ...staffHandlers,
  ...operationsHandlers,
  ...adminHandlers,
  ...learnersHandlers,
};
