import { pendingHandovers } from './pending-handovers.js';
import { logItems, markNotHandedIn } from './log-items.js';
import { outputReceipt } from './receipt-output.js';
import { markGivenByHand } from './given-by-hand.js';
import { correctItem, handOn, returnItems } from './release.js';
import { findReceipt, inSafe, searchByOwner } from './safe-views.js';
import type { CustodyOutputs } from '../../../shared/contract/custody.js';
import type { DomainHandlers } from '../../commands/handler-types.js';

/** The custody commands (src/shared/contract/custody.ts), each implemented once: a missing one is a compile error. */
export const custodyHandlers: DomainHandlers<CustodyOutputs> = {
  'custody.pendingHandovers': (ctx) => pendingHandovers(ctx),
  'custody.log': async (ctx, input) => outputReceipt(ctx, (await logItems(ctx, input)).receiptId),
  'custody.markNotHandedIn': (ctx, input) => markNotHandedIn(ctx, input),
  'custody.findReceipt': (ctx, input) => findReceipt(ctx, input),
  'custody.searchByOwner': (ctx, input) => searchByOwner(ctx, input),
  'custody.return': (ctx, input) => returnItems(ctx, input),
  'custody.handOn': (ctx, input) => handOn(ctx, input),
  'custody.correct': (ctx, input) => correctItem(ctx, input),
  'custody.inSafe': (ctx) => inSafe(ctx),
  'custody.reprint': (ctx, input) => outputReceipt(ctx, input.receiptId, input.layout),
  'custody.markGivenByHand': (ctx, input) => markGivenByHand(ctx, input),
};
