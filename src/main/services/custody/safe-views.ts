import type { ParsedInput, ReceiptView, SafeOwnerGroup } from '../../../shared/contract/index.js';
import { heldPastEndOfDay, parseCollectionCode } from '../../../shared/domain/custody.js';
import { searchKey, typedNameKeys } from '../../../shared/domain/names.js';
import { findReceiptBy, receiptsInSafe, receiptsInSafeByOwnerName } from '../../db/repositories/custody-repo.js';
import { CommandError } from '../../core/command-error.js';
import type { ServiceContext } from '../../core/context.js';
import { readSetting } from '../admin/settings-store.js';
import { latestExceptionByVisit } from '../../db/repositories/exception-repo.js';
import { deviceUseMarker } from '../safeguarding/exception-state.js';
import { toReceiptView, toReceiptViews } from './receipt-view.js';

/** What a scanned QR code or typed receipt number refers to. */
export async function findReceipt(ctx: ServiceContext, input: ParsedInput<'custody.findReceipt'>): Promise<ReceiptView> {
  const code = parseCollectionCode(input.code);
  if (code.type === 'invalid') throw new CommandError('invalid_input', code.message, { code: code.message });
  const row = code.type === 'token' ? await findReceiptBy(ctx.db, 'token', code.token) : await findReceiptBy(ctx.db, 'number', code.number);
  if (!row) {
    throw new CommandError('not_found', code.type === 'token'
      ? 'No receipt has that QR code. It may be from another setting: search by name instead.'
      : `There is no receipt ${code.number}. Check the number, or search by name.`);
  }
  return toReceiptView(ctx.db, row);
}

/** The lost-receipt path: find what is held for someone by name. */
export async function searchByOwner(ctx: ServiceContext, input: ParsedInput<'custody.searchByOwner'>): Promise<{ receipts: ReceiptView[] }> {
  // "Zoë O'Brien", "O'Brien" and "brien" all find her, and "Nagy Ferenc" finds him whichever order he writes
  // it in: a visitor is matched when any word typed starts a word of the surname.
  const keys = typedNameKeys(input.name);
  if (keys.length === 0) return { receipts: [] };
  return { receipts: await toReceiptViews(ctx.db, await receiptsInSafeByOwnerName(ctx.db, keys, input.name, 20)) };
}

// The rule lives in shared code: the Confiscated page's release dialog asks it too.
export { heldPastEndOfDay };

/** Everything in the safe now, one group per owner, the longest-held first. */
export async function inSafe(ctx: ServiceContext): Promise<{ owners: SafeOwnerGroup[]; itemCount: number }> {
  const now = ctx.clock.now().toISOString();
  const endOfDay = await readSetting(ctx.db, 'day.endTime');
  const groups = new Map<string, SafeOwnerGroup>();
  const rows = await receiptsInSafe(ctx.db);
  const views = await toReceiptViews(ctx.db, rows);
  let itemCount = 0;
  views.forEach((receipt, index) => {
    const row = rows[index]!;
    const held = receipt.items.filter((i) => i.state === 'in_safe');
    const key = row.owner_type === 'visitor' ? `v${row.visit_id}` : row.owner_type === 'staff' ? `s${row.staff_owner}` : `l${searchKey(row.learner_name ?? '')}|${row.learner_group ?? ''}`;
    const group = groups.get(key) ?? {
      ownerType: receipt.ownerType,
      ownerName: receipt.ownerName,
      ownerDetail: receipt.ownerDetail,
      visitId: receipt.visitId,
      collectionRequestedAt: row.collection_requested_at,
      oldestLoggedAt: held[0]?.loggedAt ?? receipt.createdAt,
      pastEndOfDay: false,
      receipts: [],
      items: [],
      deviceUse: null,
    };
    group.receipts.push({ receiptId: receipt.receiptId, receiptNumber: receipt.receiptNumber, printCount: receipt.printCount, printProblem: receipt.printProblem, givenByHand: receipt.givenByHand });
    for (const item of held) {
      group.items.push(item);
      if (item.loggedAt < group.oldestLoggedAt) group.oldestLoggedAt = item.loggedAt;
      if (heldPastEndOfDay(item.loggedAt, now, endOfDay)) group.pastEndOfDay = true;
      itemCount += 1;
    }
    groups.set(key, group);
  });
  const owners = [...groups.values()].sort((a, b) => a.oldestLoggedAt.localeCompare(b.oldestLoggedAt));
  const visitIds = owners.flatMap((o) => (o.visitId === null ? [] : [o.visitId]));
  const exceptions = await latestExceptionByVisit(ctx.db, visitIds);
  for (const owner of owners) if (owner.visitId !== null) owner.deviceUse = deviceUseMarker(exceptions.get(owner.visitId), now);
  return { owners, itemCount };
}
