// The mixed reception workload: sign-ins, handovers into the safe, returns, device exceptions and sign-outs,
// staff days with a phone into the safe, pupils' confiscated phones released to a parent and pupils' exceptions signed,
// sent by several callers at once from one console window until the host dies under them.
import { NoAnswer } from './kiosk-client.mjs';
import { staffAndLearnerOps } from './staff-learner-ops.mjs';

const RISK_CHECKLIST = ['The visitor knows devices must never photograph or record children.'];
const DEVICE_SETS = [[], [{ kind: 'phone', quantity: 1 }], [{ kind: 'phone', quantity: 1 }, { kind: 'smart_watch', quantity: 1 }], [{ kind: 'tablet', quantity: 2 }]];

/**
 * Runs `workers` callers at once, all in one unlocked console window, until the host stops answering. Returns
 * a list of unexpected refusals: answers that say the database does not hold what an earlier acknowledged
 * answer said it does. `onUnlocked` is called once the window's unlock has been answered (or not). With
 * `logReceiptFirst`, the first caller starts by signing in a visitor with a phone and logging a receipt, so a
 * run armed to die on a receipt's PDF reaches one early. With `writeFirst`, likewise for the staff or pupil
 * write whose audit action it names (write-kill-point.mjs).
 *
 * One window, unlocked once a run: a PIN check is a deliberately slow scrypt (about half a second), and a
 * window per caller made each run start with a second or two of nothing but PIN checks.
 */
export async function runWorkload({ client, ledger, random, admin, workers, label, onUnlocked = () => {}, logReceiptFirst = false, writeFirst = null }) {
  const unexpected = [];
  let seq = 0;
  const stopped = { value: false };
  const call = client.window();
  let unlocking;

  async function worker(index) {
    const { value: unlocked } = await unlocking;
    if (!unlocked) return;
    if (logReceiptFirst && index === 0) {
      seq += 1;
      await signIn(call, `${label}x${seq}`, DEVICE_SETS[1]);
      if (!stopped.value) await logHandover(call);
    }
    const more = staffAndLearnerOps({ send, random, ledger, admin });
    const ops = { signIn, logHandover, returnItems, approveException, signOut, ...more.ops };
    // With `writeFirst` (an audit action), the first caller goes straight to that write, for a run armed to die in it.
    if (writeFirst && index === 0) {
      for (const step of more.stepsTo(writeFirst)) {
        seq += 1;
        if (!stopped.value) await ops[step](call, `${label}x${seq}`);
      }
    }
    const weights = [['signIn', 3], ['logHandover', 3], ['returnItems', 2], ['approveException', 1], ['signOut', 2], ...more.weights];
    const total = weights.reduce((s, [, w]) => s + w, 0);
    while (!stopped.value) {
      let roll = random() * total;
      const [name] = weights.find(([, w]) => (roll -= w) < 0) ?? weights[0];
      seq += 1;
      await ops[name](call, `${label}x${seq}`);
      // Yield to the event loop even when the chosen step had nothing to do, so answers keep arriving.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * Sends one command. `value` is the acknowledged answer, or null for a refusal (which the workload never
   * expects) or no answer (the host died: the request is in doubt).
   */
  async function send(call, name, input, doubt) {
    try {
      const answer = await call(name, input);
      if (!answer.ok) unexpected.push(`${name}: ${answer.error.code}: ${answer.error.message}`);
      else ledger.acknowledge(name);
      return { value: answer.ok ? answer.value : null, inDoubt: false };
    } catch (err) {
      if (!(err instanceof NoAnswer)) throw err;
      stopped.value = true;
      if (doubt) ledger.inDoubt.push(doubt);
      return { value: null, inDoubt: true };
    }
  }

  async function signIn(call, tag, devices = DEVICE_SETS[Math.floor(random() * DEVICE_SETS.length)]) {
    // Names fold to letters and digits for matching, so the tag keeps a letter between its numbers.
    // Names fold to letters and digits when matched, so the tag keeps a letter between its two numbers.
    const lastName = `Tester-${tag}`;
    const input = {
      firstName: 'Crash', lastName, organisation: null, visitorType: 'contractor', visiting: 'Boiler service',
      policyVersionId: admin.policyVersionId, devices,
    };
    const { value } = await send(call, 'visit.signInNew', input, { op: 'signIn', lastName, devices });
    if (!value) return;
    ledger.visits.set(value.visitId, { lastName, devices, state: 'open' });
    if (devices.length === 0) return;
    // The office sees the declared devices in its pending list, as the console does.
    const { value: pending } = await send(call, 'custody.pendingHandovers', {}, null);
    const handover = pending?.handovers.find((h) => h.visitId === value.visitId);
    if (handover) ledger.handovers.set(handover.handoverId, { visitId: value.visitId, state: 'pending' });
    else if (pending) unexpected.push(`visit ${value.visitId} declared devices but has no pending handover`);
  }

  async function logHandover(call) {
    const candidates = ledger.pendingHandovers();
    if (candidates.length === 0) return;
    const handoverId = candidates[Math.floor(random() * candidates.length)];
    const handover = ledger.handovers.get(handoverId);
    const visitKey = `visit:${handover.visitId}`;
    if (!ledger.claim(`handover:${handoverId}`, visitKey)) return;
    const items = ledger.visits.get(handover.visitId).devices.flatMap((d) =>
      Array.from({ length: d.quantity }, (_, n) => ({ kind: d.kind, description: `${d.kind} ${n + 1}`, marks: null, bagSlot: String(handoverId % 40) })),
    );
    const input = { handoverId, owner: { type: 'visitor', visitId: handover.visitId }, items };
    const { value, inDoubt } = await send(call, 'custody.log', input, { op: 'log', handoverId, itemCount: items.length });
    ledger.release(`handover:${handoverId}`, visitKey);
    if (inDoubt) handover.state = 'either';
    if (!value) return;
    handover.state = 'logged';
    const itemIds = value.receipt.items.map((i) => i.itemId);
    ledger.receipts.set(value.receipt.receiptId, { handoverId, visitId: handover.visitId, itemIds });
    for (const itemId of itemIds) ledger.items.set(itemId, { receiptId: value.receipt.receiptId, state: 'in_safe' });
  }

  async function returnItems(call) {
    const candidates = ledger.receiptsWithItemsInSafe();
    if (candidates.length === 0) return;
    const receiptId = candidates[Math.floor(random() * candidates.length)];
    const receipt = ledger.receipts.get(receiptId);
    const visitKey = `visit:${receipt.visitId}`;
    if (!ledger.claim(`receipt:${receiptId}`, visitKey)) return;
    const inSafe = receipt.itemIds.filter((i) => ledger.items.get(i).state === 'in_safe');
    // Usually everything at once; sometimes one item now and the rest later.
    const itemIds = random() < 0.7 ? inSafe : inSafe.slice(0, 1);
    const input = { receiptId, itemIds, returnedTo: 'Crash Tester', note: null };
    const { value, inDoubt } = await send(call, 'custody.return', input, { op: 'return', receiptId, itemIds, visitId: receipt.visitId });
    ledger.release(`receipt:${receiptId}`, visitKey);
    const visit = ledger.visits.get(receipt.visitId);
    if (inDoubt) {
      for (const i of itemIds) ledger.items.get(i).state = 'either';
      if (visit.state === 'open') visit.state = 'either';
    }
    if (!value) return;
    for (const i of itemIds) ledger.items.get(i).state = 'returned';
    if (value.visitSignedOut) visit.state = 'out';
  }

  async function approveException(call, tag) {
    const open = ledger.openVisits();
    if (open.length === 0) return;
    const visitId = open[Math.floor(random() * open.length)];
    if (!ledger.claim(`visit:${visitId}`)) return;
    const permittedUse = `Crash test ${tag}`;
    const input = {
      target: { type: 'visit', visitId }, purpose: 'inspection', purposeDetail: null, devices: [{ kind: 'laptop', quantity: 1 }],
      permittedUse, permittedAreas: 'The office', conditions: null,
      riskChecklist: RISK_CHECKLIST.map((item) => ({ item, checked: true })), riskNotes: null,
      approver: { staffId: admin.staffId, pin: admin.pin },
    };
    const { value } = await send(call, 'exception.approve', input, { op: 'exception', permittedUse });
    ledger.release(`visit:${visitId}`);
    if (value) ledger.exceptions.add(value.exceptionId);
  }

  async function signOut(call) {
    const open = ledger.openVisits();
    if (open.length === 0) return;
    const visitId = open[Math.floor(random() * open.length)];
    if (!ledger.claim(`visit:${visitId}`)) return;
    const { value, inDoubt } = await send(call, 'visit.signOut', { visitId }, { op: 'signOut', visitId });
    ledger.release(`visit:${visitId}`);
    const visit = ledger.visits.get(visitId);
    if (inDoubt) visit.state = 'either';
    if (!value) return;
    // A visitor with items in the safe stays signed in until the office returns them.
    if (value.status === 'signed_out') visit.state = 'out';
  }

  unlocking = send(call, 'staff.unlock', { staffId: admin.staffId, pin: admin.pin }, null).finally(onUnlocked);
  await Promise.all(Array.from({ length: workers }, (_, index) => worker(index)));
  return unexpected;
}
