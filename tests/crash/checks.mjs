// What must hold in the database after every crash and restart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_HEAD_FILE, AUDIT_KEY_FILE } from '../../dist/main/core/paths.js';
import { readKeyRing } from '../../dist/main/audit/audit-key.js';
import { checkAuditNow } from '../../dist/main/audit/audit-check.js';
import { SqliteStorage } from '../../dist/main/db/sqlite-storage.js';
import {
  checkStaffAndLearnerAcknowledged, checkStaffAndLearnerInDoubt, checkStaffAndLearnerWhole, settleStaffAndLearner,
} from './staff-learner-checks.mjs';

/**
 * Compares the database with the ledger. `lost` lists acknowledged changes the database does not hold;
 * `partial` lists changes that are there only in part; `broken` lists damage to the file, the custody
 * invariant or the audit chain.
 */
export async function checkDatabase(db, ledger, dataDir) {
  const lost = [];
  const partial = [];
  const broken = [];
  const ids = (sql) => db.prepare(sql).pluck().all();

  const integrity = db.prepare('PRAGMA integrity_check').pluck().all();
  if (integrity.length !== 1 || integrity[0] !== 'ok') broken.push(`integrity_check: ${integrity.slice(0, 3).join('; ')}`);
  const foreignKeys = db.prepare('PRAGMA foreign_key_check').all();
  if (foreignKeys.length > 0) broken.push(`foreign_key_check: ${foreignKeys.length} rows point nowhere`);
  // The whole audit check, as the app runs it: a crash at any point must leave the sealed trail, the head
  // file beside it and every record it vouches for agreeing.
  const keys = readKeyRing(join(dataDir, AUDIT_KEY_FILE));
  if (typeof keys === 'string') broken.push(`the audit key file is ${keys}`);
  else {
    const head = JSON.parse(readFileSync(join(dataDir, AUDIT_HEAD_FILE), 'utf8'));
    // One read transaction: the restarted host may write while this reads.
    const storage = new SqliteStorage(db);
    const audit = await storage.snapshot(() => checkAuditNow(storage, keys, [{ head, source: 'the head file' }]));
    for (const problem of audit.problems) broken.push(`audit check: ${problem}`);
  }

  // The custody invariant: each item in exactly one state, with who and when; nobody left at the kiosk
  // with something of theirs still in the safe.
  for (const id of ids(`SELECT id FROM custody_items WHERE state NOT IN ('in_safe', 'returned', 'handed_on')
      OR (state = 'in_safe') <> (closed_at IS NULL) OR (state <> 'in_safe' AND (closed_by IS NULL OR closed_to IS NULL))`)) {
    broken.push(`custody item ${id} is not in exactly one state`);
  }
  for (const id of ids(`SELECT v.id FROM visits v WHERE v.sign_out_method = 'kiosk' AND EXISTS (
      SELECT 1 FROM receipts r JOIN custody_items i ON i.receipt_id = r.id WHERE r.visit_id = v.id AND i.state = 'in_safe')`)) {
    broken.push(`visit ${id} signed out at the kiosk with items still in the safe`);
  }
  // Receipt numbers (migration 0028): each year's run 1..n without a gap, and the counter the next number is
  // taken from at n. A crash between taking a number and committing must leave neither a gap nor a used number.
  for (const r of db.prepare(`SELECT year, count(*) AS n, max(seq) AS top,
      (SELECT last_seq FROM receipt_numbers c WHERE c.year = receipts.year) AS counter FROM receipts GROUP BY year`).all()) {
    if (r.n !== r.top || r.counter !== r.top) broken.push(`receipt numbers for ${r.year}: ${r.n} receipts, the highest ${r.top}, the counter at ${r.counter}`);
  }

  checkWholeOperations(db, partial);
  checkStaffAndLearnerWhole(db, partial);
  checkInDoubt(db, ledger, partial);
  checkAcknowledged(db, ledger, lost);
  checkStaffAndLearnerAcknowledged(db, ledger, ledger.staffDay.staffId, lost);
  return { lost, partial, broken };
}

/** Every change and its audit entry were written together, or neither was. */
function checkWholeOperations(db, partial) {
  // One pass over the audit trail; the tables are then checked against it.
  const entries = new Map();
  const returnedItems = new Set();
  const loggedItems = new Map();
  for (const a of db.prepare('SELECT action, entity_id, detail_json FROM audit_log').iterate()) {
    const key = `${a.action}:${a.entity_id}`;
    entries.set(key, (entries.get(key) ?? 0) + 1);
    if (a.action === 'custody.return') for (const id of JSON.parse(a.detail_json).itemIds) returnedItems.add(id);
    if (a.action === 'custody.log') loggedItems.set(a.entity_id, sortedIds(JSON.parse(a.detail_json).itemIds));
  }
  const count = (action, id) => entries.get(`${action}:${id}`) ?? 0;
  const fail = (what, id) => partial.push(`${what}: ${id}`);

  const visitIds = new Set();
  for (const v of db.prepare('SELECT id, signed_out_at, collection_requested_at FROM visits').iterate()) {
    visitIds.add(v.id);
    if (count('visit.sign_in', v.id) !== 1) fail('visit without exactly one sign-in entry', v.id);
    const signOuts = count('visit.sign_out', v.id) + count('visit.sign_out_override', v.id);
    if (signOuts !== (v.signed_out_at === null ? 0 : 1)) fail('sign-out and its entry disagree', v.id);
    if ((v.collection_requested_at !== null) !== count('visit.collection_requested', v.id) > 0) fail('collection request and its entry disagree', v.id);
  }
  for (const [key, n] of entries) {
    const [action, id] = key.split(':');
    if (action === 'visit.sign_in' && n > 0 && !visitIds.has(Number(id))) fail('sign-in entry without its visit', id);
  }
  for (const h of db.prepare(`SELECT h.id, h.status, (SELECT count(*) FROM handover_declared_items d WHERE d.handover_id = h.id) AS declared,
      EXISTS (SELECT 1 FROM receipts r WHERE r.handover_id = h.id) AS has_receipt FROM handovers h`).iterate()) {
    if (h.declared === 0 || count('handover.declare', h.id) !== 1) fail('handover without its declared devices or its entry', h.id);
    if ((h.status === 'logged') !== (h.has_receipt === 1)) fail('handover status and receipt disagree', h.id);
  }
  for (const r of db.prepare('SELECT r.id, (SELECT group_concat(i.id) FROM custody_items i WHERE i.receipt_id = r.id) AS items FROM receipts r').iterate()) {
    if (count('custody.log', r.id) !== 1) fail('receipt without exactly one log entry', r.id);
    else if (sortedIds((r.items ?? '').split(',').filter(Boolean).map(Number)) !== loggedItems.get(r.id)) fail('receipt whose items differ from its log entry', r.id);
  }
  for (const i of db.prepare('SELECT id, state FROM custody_items').iterate()) {
    if ((i.state === 'returned') !== returnedItems.has(i.id)) fail('item returned without its entry, or an entry whose item is not returned', i.id);
  }
  for (const e of db.prepare('SELECT id FROM device_exceptions').iterate()) {
    if (count('exception.approve', e.id) !== 1) fail('device exception without exactly one approval entry', e.id);
  }
}

function deviceCount(devices) {
  return devices.reduce((n, d) => n + d.quantity, 0);
}

function sortedIds(ids) {
  return [...ids].sort((a, b) => a - b).join();
}

/** Requests the host never answered: each happened whole, or not at all. */
function checkInDoubt(db, ledger, partial) {
  for (const doubt of ledger.inDoubt) {
    if (checkStaffAndLearnerInDoubt(db, doubt, ledger.staffDay.staffId, partial)) continue;
    if (doubt.op === 'signIn') {
      const visits = db.prepare('SELECT v.id FROM visits v JOIN visitors p ON p.id = v.visitor_id WHERE p.last_name = ?').pluck().all(doubt.lastName);
      const people = db.prepare('SELECT count(*) FROM visitors WHERE last_name = ?').pluck().get(doubt.lastName);
      if (visits.length !== people || visits.length > 1) partial.push(`sign-in of ${doubt.lastName}: ${people} visitors, ${visits.length} visits`);
      for (const visitId of visits) {
        const declared = db.prepare(
          'SELECT coalesce(sum(d.quantity), 0) FROM handovers h JOIN handover_declared_items d ON d.handover_id = h.id WHERE h.visit_id = ?',
        ).pluck().get(visitId);
        const expected = deviceCount(doubt.devices);
        if (declared !== expected) partial.push(`sign-in of ${doubt.lastName}: ${declared} devices declared, not ${expected}`);
      }
    } else if (doubt.op === 'log') {
      const status = db.prepare('SELECT status FROM handovers WHERE id = ?').pluck().get(doubt.handoverId);
      const items = db.prepare('SELECT count(*) FROM custody_items i JOIN receipts r ON r.id = i.receipt_id WHERE r.handover_id = ?').pluck().get(doubt.handoverId);
      const whole = (status === 'pending' && items === 0) || (status === 'logged' && items === doubt.itemCount);
      if (!whole) partial.push(`handover ${doubt.handoverId}: ${status} with ${items} of ${doubt.itemCount} items`);
    } else if (doubt.op === 'return') {
      const states = new Set(doubt.itemIds.map((id) => db.prepare('SELECT state FROM custody_items WHERE id = ?').pluck().get(id)));
      if (states.size !== 1) partial.push(`return of items ${doubt.itemIds.join(', ')}: states ${[...states].join(', ')}`);
    } else if (doubt.op === 'exception') {
      const rows = db.prepare('SELECT count(*) FROM device_exceptions WHERE permitted_use = ?').pluck().get(doubt.permittedUse);
      if (rows > 1) partial.push(`exception "${doubt.permittedUse}" stored ${rows} times`);
    }
    // An unanswered sign-out is covered by the whole-operation rules: signed out with its entry, or open.
  }
}

/** Every answer the client saw is still true. */
function checkAcknowledged(db, ledger, lost) {
  const visit = db.prepare('SELECT signed_out_at FROM visits WHERE id = ?');
  for (const [id, v] of ledger.visits) {
    const row = visit.get(id);
    if (!row) lost.push(`visit ${id} (${v.lastName})`);
    else if (v.state === 'open' && row.signed_out_at !== null) lost.push(`visit ${id} should still be open`);
    else if (v.state === 'out' && row.signed_out_at === null) lost.push(`sign-out of visit ${id}`);
    const declared = db.prepare(
      'SELECT coalesce(sum(d.quantity), 0) FROM handovers h JOIN handover_declared_items d ON d.handover_id = h.id WHERE h.visit_id = ?',
    ).pluck().get(id);
    if (declared !== deviceCount(v.devices)) lost.push(`visit ${id} declared ${deviceCount(v.devices)} devices; ${declared} stored`);
  }
  const handover = db.prepare('SELECT status FROM handovers WHERE id = ?');
  for (const [id, h] of ledger.handovers) {
    const status = handover.get(id)?.status;
    if (!status) lost.push(`handover ${id}`);
    else if (h.state !== 'either' && status !== h.state) lost.push(`handover ${id} is ${status}, not ${h.state}`);
  }
  const receiptItems = db.prepare('SELECT id FROM custody_items WHERE receipt_id = ? ORDER BY id');
  for (const [id, r] of ledger.receipts) {
    const found = receiptItems.pluck().all(id);
    if (found.join() !== sortedIds(r.itemIds)) lost.push(`receipt ${id}: items ${found.join()} not ${r.itemIds.join()}`);
  }
  const item = db.prepare('SELECT state FROM custody_items WHERE id = ?');
  for (const [id, i] of ledger.items) {
    const state = item.pluck().get(id);
    if (!state) lost.push(`custody item ${id}`);
    else if (i.state !== 'either' && state !== i.state) lost.push(`custody item ${id} is ${state}, not ${i.state}`);
  }
  const exception = db.prepare('SELECT 1 FROM device_exceptions WHERE id = ?');
  for (const id of ledger.exceptions) if (!exception.get(id)) lost.push(`device exception ${id}`);
}

/**
 * After the checks, what was in doubt is read back from the database, so the next run starts from exact
 * expectations (and can go on returning those items or signing out those visits).
 */
export function settleInDoubt(db, ledger) {
  for (const [id, v] of ledger.visits) {
    if (v.state !== 'either') continue;
    const row = db.prepare('SELECT signed_out_at FROM visits WHERE id = ?').get(id);
    v.state = row?.signed_out_at ? 'out' : 'open';
  }
  for (const [id, i] of ledger.items) {
    if (i.state === 'either') i.state = db.prepare('SELECT state FROM custody_items WHERE id = ?').pluck().get(id);
  }
  // A sign-in answered just before the host died: its handover was never looked up.
  const known = new Set([...ledger.handovers.values()].map((h) => h.visitId));
  for (const [visitId, v] of ledger.visits) {
    if (v.devices.length === 0 || known.has(visitId)) continue;
    const h = db.prepare('SELECT id FROM handovers WHERE visit_id = ?').get(visitId);
    if (h) ledger.handovers.set(h.id, { visitId, state: 'either' });
  }
  for (const [id, h] of ledger.handovers) {
    if (h.state !== 'either') continue;
    h.state = db.prepare('SELECT status FROM handovers WHERE id = ?').pluck().get(id);
    const receipt = db.prepare('SELECT id FROM receipts WHERE handover_id = ?').pluck().get(id);
    if (receipt !== undefined) {
      const itemIds = db.prepare('SELECT id FROM custody_items WHERE receipt_id = ? ORDER BY id').pluck().all(receipt);
      ledger.receipts.set(receipt, { handoverId: id, visitId: h.visitId, itemIds });
      for (const itemId of itemIds) {
        ledger.items.set(itemId, { receiptId: receipt, state: db.prepare('SELECT state FROM custody_items WHERE id = ?').pluck().get(itemId) });
      }
    }
  }
  settleStaffAndLearner(db, ledger, ledger.staffDay.staffId);
  ledger.inDoubtTotal += ledger.inDoubt.length;
  ledger.inDoubt = [];
}
