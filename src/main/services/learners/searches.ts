import type { ParsedInput } from '../../../shared/contract/index.js';
import type { SearchView } from '../../../shared/domain/learner-searches.js';
import { formatDate, ukDay, ukTime, ukWallTimeToIso } from '../../../shared/domain/time.js';
import { findSearch, findSearchableItem, insertSearch, listSearches, type SearchRow } from '../../db/repositories/learner-search-repo.js';
import { CommandError } from '../../core/command-error.js';
import { actingStaffId, audit, nowIso, type ServiceContext } from '../../core/context.js';

/**
 * Searches of a pupil's confiscated device (school policy, learners' section): "searched by a member of the
 * leadership team, with the consent of the learner or a parent/carer; content may be deleted or requested to
 * be deleted". The leader who searched records it from their own console (the contract gives the command to
 * the head role), as it happens: the time of the search is the clock's, consent is typed as it was given.
 *
 * Only a confiscated device still in the safe: a device held for the day is the pupil's and is not searched,
 * and once a confiscated one has gone home or to the police the school no longer has it to search. A search
 * recorded after the device left would carry a time at which nobody could have done it.
 */

function refuse(code: 'invalid_input' | 'conflict' | 'not_found', field: string, message: string, fieldMessage = message): never {
  throw new CommandError(code, message, { [field]: fieldMessage });
}

function toSearchView(row: SearchRow): SearchView {
  return {
    searchId: row.id,
    itemId: row.item_id,
    receiptId: row.receipt_id,
    receiptNumber: row.receipt_number,
    pupilName: row.learner_name ?? 'Removed',
    classGroup: row.learner_group,
    deviceKind: row.device_kind,
    deviceDescription: row.device_description,
    searchedAt: row.searched_at,
    searchedBy: row.searched_by_name,
    consentFrom: row.consent_from,
    consentName: row.consent_name,
    consentRelationship: row.consent_relationship,
    consentGivenAt: row.consent_given_at,
    lookedAt: row.looked_at,
    found: row.found,
    content: row.content_action,
    contentDetail: row.content_detail,
    witness: row.witness,
  };
}

/** "10:15 on Mon, 23 Nov 2026", on the UK clock. */
function whenWords(iso: string): string {
  return `${ukTime(iso)} on ${formatDate(iso)}`;
}

/**
 * When consent was given, as an instant: refused when that time does not exist (the clocks went forward),
 * has not come yet, or is before the device was logged (the form has minutes; the item's time has seconds,
 * so the minute it was logged counts).
 */
function consentInstant(ctx: ServiceContext, input: { consentOn: string; consentTime: string }, loggedAt: string): string {
  const at = ukWallTimeToIso(input.consentOn, input.consentTime);
  if (at === null) {
    refuse('invalid_input', 'consentTime', `${input.consentTime} did not happen on that day: the clocks went forward an hour. Check the time.`);
  }
  const now = nowIso(ctx);
  if (input.consentOn > ukDay(now)) refuse('invalid_input', 'consentOn', 'The day consent was given cannot be in the future.');
  if (at > now) refuse('invalid_input', 'consentTime', `That time has not come yet today (it is ${ukTime(now)} now).`);
  if (at < loggedAt.slice(0, 16)) {
    const message = `The device was logged as confiscated at ${whenWords(loggedAt)}, so consent cannot have been given before then.`;
    refuse('invalid_input', input.consentOn < ukDay(loggedAt) ? 'consentOn' : 'consentTime', message);
  }
  return at;
}

export function recordSearch(ctx: ServiceContext, input: ParsedInput<'learner.recordSearch'>): Promise<SearchView> {
  const searchedBy = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const item = await findSearchableItem(ctx.db, input.itemId);
    if (!item) refuse('not_found', 'itemId', 'That device could not be found. Refresh the list.', 'Choose the device that was searched.');
    if (item.reason !== 'confiscated') {
      refuse('invalid_input', 'itemId', 'Only a confiscated device can be searched. This one is not confiscated.', 'Only a confiscated device can be searched.');
    }
    if (item.state !== 'in_safe') {
      refuse(
        'conflict', 'itemId',
        `That device left the safe at ${whenWords(item.closed_at!)}. A search is recorded as it is done, while the school holds the device.`,
        'This device is no longer held by the school.',
      );
    }
    const consentGivenAt = consentInstant(ctx, input, item.logged_at);
    const id = await insertSearch(ctx.db, {
      itemId: item.id,
      searchedAt: nowIso(ctx),
      searchedBy,
      consentFrom: input.consentFrom,
      consentName: input.consentName,
      consentRelationship: input.consentRelationship,
      consentGivenAt,
      lookedAt: input.lookedAt,
      found: input.found,
      content: input.content,
      contentDetail: input.contentDetail,
      witness: input.witness,
    });
    // No names and no free text: the trail is kept for good, and retention removes the words from the record.
    await audit(ctx, 'learner.record_search', 'learner_search', id, {
      itemId: item.id, consentFrom: input.consentFrom, consentGivenAt, content: input.content, witnessPresent: input.witness !== null,
    });
    return toSearchView((await findSearch(ctx.db, id))!);
  });
}

export async function allSearches(ctx: ServiceContext): Promise<{ searches: SearchView[] }> {
  return { searches: (await listSearches(ctx.db)).map(toSearchView) };
}
