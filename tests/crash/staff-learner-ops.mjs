// The workload's steps for the multi-step writes of staff days and pupils' devices (issue 14): a member of
// staff signing in with their phone into the safe (the day and the phone's receipt in one transaction) and out
// again taking it back, a pupil's phone confiscated and released to a named parent, and a pupil's device
// exception recorded and its signed agreement recorded. Each request's outcome goes into the ledger as the
// visitors' steps do: known when answered, `either` when the host died with it in flight.

/** The UK calendar day of an ISO instant, read from the host's answer, so the harness never reads its own clock. */
export function ukDayOf(iso) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/**
 * `send(call, name, input, doubt)` is the workload's own: it records the answer or the doubt. The console
 * window is unlocked by the harness's administrator, who is also the DSL, so the staff day is theirs and their
 * PIN approves the exceptions and agrees to a release before the end of the day.
 */
export function staffAndLearnerOps({ send, random, ledger, admin }) {
  async function staffSignIn(call, tag) {
    const day = ledger.staffDay;
    if (day.state !== 'out' || !ledger.claim('staffDay')) return;
    const description = `Staff phone ${tag}`;
    const { value, inDoubt } = await send(call, 'staffDay.signIn', { phone: { bagSlot: 'ST', description } }, { op: 'staffSignIn', description });
    ledger.release('staffDay');
    if (inDoubt) day.state = 'either';
    if (!value) return;
    day.state = 'in';
    const receipt = value.phone?.receipt;
    if (receipt) ledger.staffPhones.set(receipt.receiptId, { itemIds: receipt.items.map((i) => i.itemId), state: 'in_safe' });
  }

  async function staffSignOut(call) {
    const day = ledger.staffDay;
    if (day.state !== 'in' || !ledger.claim('staffDay')) return;
    const held = [...ledger.staffPhones].filter(([, p]) => p.state === 'in_safe');
    const itemIds = held.flatMap(([, p]) => p.itemIds);
    const { value, inDoubt } = await send(call, 'staffDay.signOut', { collectPhone: true }, { op: 'staffSignOut', itemIds });
    ledger.release('staffDay');
    if (inDoubt) {
      day.state = 'either';
      for (const [, p] of held) p.state = 'either';
    }
    if (!value) return;
    day.state = 'out';
    for (const [, p] of held) p.state = 'returned';
  }

  async function confiscate(call, tag) {
    const name = `Pupil ${tag}`;
    const input = {
      owner: { type: 'learner', name, group: '6B', reason: 'confiscated', confiscationReason: 'Used in a lesson' },
      items: [{ kind: 'phone', description: null, marks: null, bagSlot: 'C1' }],
    };
    const { value } = await send(call, 'custody.log', input, { op: 'confiscate', name });
    if (value) ledger.confiscations.set(value.receipt.receiptId, { itemIds: value.receipt.items.map((i) => i.itemId), state: 'held' });
  }

  async function releaseConfiscated(call) {
    const held = [...ledger.confiscations].filter(([id, c]) => c.state === 'held' && !ledger.busy.has(`confiscation:${id}`));
    if (held.length === 0) return;
    const [receiptId, confiscation] = held[Math.floor(random() * held.length)];
    if (!ledger.claim(`confiscation:${receiptId}`)) return;
    // The DSL agrees, with their PIN, in case it is still the school day the phone was taken on.
    const input = {
      receiptId, itemIds: confiscation.itemIds, parentName: 'Dawn Tester', relationship: 'mother', relationshipOther: null,
      identityCheck: 'photo_id', identityNote: null, note: null,
      early: { staffId: admin.staffId, pin: admin.pin, reason: 'A hospital appointment' },
    };
    const { value, inDoubt } = await send(call, 'learner.releaseConfiscated', input, { op: 'release', receiptId, itemIds: confiscation.itemIds });
    ledger.release(`confiscation:${receiptId}`);
    if (inDoubt) confiscation.state = 'either';
    if (value) confiscation.state = 'released';
  }

  async function recordLearnerException(call, tag) {
    const pupilName = `Pupil ${tag}`;
    const input = {
      pupilName, classGroup: '4R', deviceKind: 'phone', deviceDescription: 'White phone', reason: 'Reads a glucose monitor',
      permittedUse: 'Glucose readings only', expectations: 'On silent in her tray', sanctions: 'Kept at the office for the day',
      // Wide days, so the exception is never refused as run out whatever the date the harness runs on.
      validFrom: '2020-01-01', validUntil: '2099-12-31',
      approvedBy: { staffId: admin.staffId, pin: admin.pin },
    };
    const { value } = await send(call, 'learner.recordException', input, { op: 'recordException', pupilName });
    if (value) ledger.learnerExceptions.set(value.exceptionId, { signedOn: ukDayOf(value.recordedAt), state: 'unsigned' });
  }

  async function signLearnerException(call, tag) {
    const unsigned = [...ledger.learnerExceptions].filter(([id, e]) => e.state === 'unsigned' && !ledger.busy.has(`learnerException:${id}`));
    if (unsigned.length === 0) return;
    const [exceptionId, exception] = unsigned[Math.floor(random() * unsigned.length)];
    if (!ledger.claim(`learnerException:${exceptionId}`)) return;
    const input = { exceptionId, learnerName: `Pupil ${tag}`, parentName: 'Anita Tester', parentRelationship: 'Mother', signedOn: exception.signedOn };
    const { value, inDoubt } = await send(call, 'learner.recordExceptionSigned', input, { op: 'signException', exceptionId });
    ledger.release(`learnerException:${exceptionId}`);
    if (inDoubt) exception.state = 'either';
    if (value) exception.state = 'signed';
  }

  return {
    /** The steps that lead to the write whose audit action is given, ending with that write, for a run armed to die in it. */
    stepsTo: (action) => ({
      'staff_day.sign_in': ['staffSignOut', 'staffSignIn'],
      'learner.release_confiscated': ['confiscate', 'releaseConfiscated'],
      'learner.record_exception_signed': ['recordLearnerException', 'signLearnerException'],
    })[action],
    ops: { staffSignIn, staffSignOut, confiscate, releaseConfiscated, recordLearnerException, signLearnerException },
    weights: [['staffSignIn', 1], ['staffSignOut', 1], ['confiscate', 1], ['releaseConfiscated', 1], ['recordLearnerException', 1], ['signLearnerException', 1]],
  };
}
