// What must hold after every crash for staff days and pupils' devices (issue 14), beside checks.mjs's rules
// for visits and the safe: each write and its audit entry together or neither, a request in flight whole or
// not at all, and every answer the harness saw still true.

const ACTIONS = [
  'staff_day.sign_in', 'staff_day.sign_out', 'staff_day.not_signed_out',
  'learner.release_confiscated', 'learner.record_exception', 'learner.record_exception_signed',
];

/** Every staff day, confiscated phone's release and pupil's exception agrees with its audit entries. */
export function checkStaffAndLearnerWhole(db, partial) {
  const entries = new Map();
  const signInReceipt = new Map();
  const releasedInEntries = new Map();
  const audited = db.prepare(`SELECT action, entity_id, detail_json FROM audit_log WHERE action IN (${ACTIONS.map(() => '?').join(', ')})`);
  for (const a of audited.iterate(...ACTIONS)) {
    const key = `${a.action}:${a.entity_id}`;
    entries.set(key, (entries.get(key) ?? 0) + 1);
    const detail = JSON.parse(a.detail_json);
    if (a.action === 'staff_day.sign_in') signInReceipt.set(a.entity_id, detail.receiptId ?? null);
    if (a.action === 'learner.release_confiscated') for (const id of detail.itemIds) releasedInEntries.set(id, (releasedInEntries.get(id) ?? 0) + 1);
  }
  const count = (action, id) => entries.get(`${action}:${id}`) ?? 0;
  const fail = (what, id) => partial.push(`${what}: ${id}`);

  const receiptOwner = db.prepare("SELECT staff_owner FROM receipts WHERE id = ? AND owner_type = 'staff'").pluck();
  for (const d of db.prepare('SELECT id, staff_id, signed_out_at FROM staff_days').iterate()) {
    if (count('staff_day.sign_in', d.id) !== 1) fail('staff day without exactly one sign-in entry', d.id);
    const outs = count('staff_day.sign_out', d.id) + count('staff_day.not_signed_out', d.id);
    if (outs !== (d.signed_out_at === null ? 0 : 1)) fail('staff sign-out and its entry disagree', d.id);
    // The phone went into the safe with the sign-in: its receipt is there, and it is theirs.
    const receiptId = signInReceipt.get(d.id);
    if (receiptId !== null && receiptId !== undefined && receiptOwner.get(receiptId) !== d.staff_id) fail('staff sign-in whose phone receipt is missing or not theirs', d.id);
  }

  const releases = new Map();
  for (const r of db.prepare('SELECT r.item_id, i.state FROM confiscation_releases r JOIN custody_items i ON i.id = r.item_id').iterate()) {
    releases.set(r.item_id, (releases.get(r.item_id) ?? 0) + 1);
    if (r.state !== 'handed_on') fail('confiscated phone released on paper but still in the safe', r.item_id);
  }
  for (const id of new Set([...releases.keys(), ...releasedInEntries.keys()])) {
    if (releases.get(id) !== 1 || releasedInEntries.get(id) !== 1) fail('confiscated phone whose release and its entry disagree', id);
  }

  for (const e of db.prepare('SELECT id, signed_on FROM learner_exceptions').iterate()) {
    if (count('learner.record_exception', e.id) !== 1) fail("pupil's exception without exactly one record entry", e.id);
    if (count('learner.record_exception_signed', e.id) !== (e.signed_on === null ? 0 : 1)) fail("pupil's exception signatures and their entry disagree", e.id);
  }
}

const OPS = new Set(['staffSignIn', 'staffSignOut', 'confiscate', 'release', 'recordException', 'signException']);

/** A staff-day or pupil request the host never answered: whole, or not at all. False for any other request. */
export function checkStaffAndLearnerInDoubt(db, doubt, adminId, partial) {
  if (!OPS.has(doubt.op)) return false;
  const openDays = () => db.prepare('SELECT id FROM staff_days WHERE staff_id = ? AND signed_out_at IS NULL').pluck().all(adminId);
  if (doubt.op === 'staffSignIn') {
    // Signed in only when the harness knew them to be out: a new open day and its phone's receipt, or neither.
    const receipts = phoneReceipts(db, doubt.description);
    const days = openDays();
    const whole = (receipts.length === 0 && days.length === 0) || (receipts.length === 1 && days.length === 1);
    if (!whole) partial.push(`staff sign-in with "${doubt.description}": ${days.length} open days, ${receipts.length} phone receipts`);
  } else if (doubt.op === 'staffSignOut') {
    const states = new Set(doubt.itemIds.map((id) => db.prepare('SELECT state FROM custody_items WHERE id = ?').pluck().get(id)));
    const open = openDays().length === 1;
    const whole = open ? [...states].every((s) => s === 'in_safe') : [...states].every((s) => s === 'returned');
    if (!whole) partial.push(`staff sign-out: day ${open ? 'open' : 'closed'}, phones ${[...states].join(', ') || 'none'}`);
  } else if (doubt.op === 'confiscate') {
    const receipts = db.prepare("SELECT count(*) FROM receipts WHERE owner_type = 'learner' AND learner_name = ?").pluck().get(doubt.name);
    if (receipts > 1) partial.push(`confiscation from ${doubt.name} stored ${receipts} times`);
  } else if (doubt.op === 'release') {
    const rows = doubt.itemIds.map((id) => db.prepare('SELECT count(*) FROM confiscation_releases WHERE item_id = ?').pluck().get(id));
    const states = new Set(doubt.itemIds.map((id) => db.prepare('SELECT state FROM custody_items WHERE id = ?').pluck().get(id)));
    const none = rows.every((n) => n === 0) && [...states].every((s) => s === 'in_safe');
    const all = rows.every((n) => n === 1) && [...states].every((s) => s === 'handed_on');
    if (!none && !all) partial.push(`release of confiscated items ${doubt.itemIds.join(', ')}: ${rows.join('/')} release rows, states ${[...states].join(', ')}`);
  } else if (doubt.op === 'recordException') {
    const rows = exceptionIds(db, doubt.pupilName).length;
    if (rows > 1) partial.push(`exception for ${doubt.pupilName} stored ${rows} times`);
  }
  // An unanswered signature is covered by the whole-operation rule: signed with its entry, or neither.
  return true;
}

/** Every answer the harness saw about staff days and pupils' devices is still true. */
export function checkStaffAndLearnerAcknowledged(db, ledger, adminId, lost) {
  const open = db.prepare('SELECT count(*) FROM staff_days WHERE staff_id = ? AND signed_out_at IS NULL').pluck().get(adminId);
  if (ledger.staffDay.state === 'in' && open !== 1) lost.push('the staff sign-in the harness saw answered');
  if (ledger.staffDay.state === 'out' && open !== 0) lost.push('the staff sign-out the harness saw answered');
  const state = db.prepare('SELECT state FROM custody_items WHERE id = ?').pluck();
  for (const [receiptId, p] of ledger.staffPhones) {
    for (const id of p.itemIds) {
      const found = state.get(id);
      if (!found) lost.push(`staff phone ${id} on receipt ${receiptId}`);
      else if (p.state !== 'either' && found !== p.state) lost.push(`staff phone ${id} is ${found}, not ${p.state}`);
    }
  }
  for (const [receiptId, c] of ledger.confiscations) {
    const expected = { held: 'in_safe', released: 'handed_on' }[c.state];
    for (const id of c.itemIds) {
      const found = state.get(id);
      if (!found) lost.push(`confiscated phone ${id} on receipt ${receiptId}`);
      else if (expected && found !== expected) lost.push(`confiscated phone ${id} is ${found}, not ${expected}`);
    }
  }
  const signed = db.prepare('SELECT signed_on FROM learner_exceptions WHERE id = ?');
  for (const [id, e] of ledger.learnerExceptions) {
    const row = signed.get(id);
    if (!row) lost.push(`pupil's exception ${id}`);
    else if (e.state === 'signed' && row.signed_on === null) lost.push(`signatures of pupil's exception ${id}`);
    else if (e.state === 'unsigned' && row.signed_on !== null) lost.push(`pupil's exception ${id} should still be unsigned`);
  }
}

/** What was in doubt is read back, and writes that happened unanswered join the ledger, so the next run starts exact. */
export function settleStaffAndLearner(db, ledger, adminId) {
  const state = db.prepare('SELECT state FROM custody_items WHERE id = ?').pluck();
  for (const doubt of ledger.inDoubt) {
    if (doubt.op === 'staffSignIn') {
      for (const receiptId of phoneReceipts(db, doubt.description)) ledger.staffPhones.set(receiptId, { itemIds: itemsOf(db, receiptId), state: 'in_safe' });
    } else if (doubt.op === 'confiscate') {
      const receiptId = db.prepare("SELECT id FROM receipts WHERE owner_type = 'learner' AND learner_name = ?").pluck().get(doubt.name);
      if (receiptId !== undefined) ledger.confiscations.set(receiptId, { itemIds: itemsOf(db, receiptId), state: 'either' });
    } else if (doubt.op === 'recordException') {
      for (const id of exceptionIds(db, doubt.pupilName)) {
        const recordedAt = db.prepare('SELECT recorded_at FROM learner_exceptions WHERE id = ?').pluck().get(id);
        ledger.learnerExceptions.set(id, { signedOn: ukDayOf(recordedAt), state: 'either' });
      }
    }
  }
  if (ledger.staffDay.state === 'either') {
    const open = db.prepare('SELECT count(*) FROM staff_days WHERE staff_id = ? AND signed_out_at IS NULL').pluck().get(adminId);
    ledger.staffDay.state = open === 1 ? 'in' : 'out';
  }
  for (const p of ledger.staffPhones.values()) {
    if (p.state === 'either') p.state = state.get(p.itemIds[0]) === 'in_safe' ? 'in_safe' : 'returned';
  }
  for (const c of ledger.confiscations.values()) {
    if (c.state === 'either') c.state = state.get(c.itemIds[0]) === 'in_safe' ? 'held' : 'released';
  }
  for (const [id, e] of ledger.learnerExceptions) {
    if (e.state === 'either') e.state = db.prepare('SELECT signed_on FROM learner_exceptions WHERE id = ?').pluck().get(id) === null ? 'unsigned' : 'signed';
  }
}

function ukDayOf(iso) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

function phoneReceipts(db, description) {
  return db.prepare("SELECT DISTINCT i.receipt_id FROM custody_items i JOIN receipts r ON r.id = i.receipt_id WHERE r.owner_type = 'staff' AND i.description = ?")
    .pluck().all(description);
}

function itemsOf(db, receiptId) {
  return db.prepare('SELECT id FROM custody_items WHERE receipt_id = ? ORDER BY id').pluck().all(receiptId);
}

function exceptionIds(db, pupilName) {
  return db.prepare('SELECT id FROM learner_exceptions WHERE pupil_name = ?').pluck().all(pupilName);
}

/**
 * The write the host killed itself in, just before its audit entry (write-kill-point.mjs): nothing of it may
 * have survived the restart, as its transaction never committed.
 */
export function checkKilledWrite(db, action, entityId) {
  const id = Number(entityId);
  if (action === 'staff_day.sign_in') {
    const day = db.prepare('SELECT count(*) FROM staff_days WHERE id = ?').pluck().get(id);
    return day === 0 ? [] : [`staff day ${id} is there, though its sign-in died before committing`];
  }
  if (action === 'learner.release_confiscated') {
    const released = db.prepare(`SELECT count(*) FROM custody_items i WHERE i.receipt_id = ?
      AND (i.state <> 'in_safe' OR EXISTS (SELECT 1 FROM confiscation_releases r WHERE r.item_id = i.id))`).pluck().get(id);
    return released === 0 ? [] : [`${released} confiscated phone(s) on receipt ${id} released, though the release died before committing`];
  }
  if (action === 'learner.record_exception_signed') {
    const signed = db.prepare('SELECT signed_on FROM learner_exceptions WHERE id = ?').pluck().get(id);
    return signed === null ? [] : [`pupil's exception ${id} is signed, though the signing died before committing`];
  }
  return [`the harness has no check for a write killed in ${action}`];
}
