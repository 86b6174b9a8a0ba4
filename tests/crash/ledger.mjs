// What the harness (the client) knows: every answer it saw, and every request that got no answer.
//
// A state is what the database must hold. `either` marks a change whose request was in flight when the host
// died: it may or may not have happened, but it must have happened whole. After each restart the harness
// reads what happened and the state becomes known again.

export class Ledger {
  /** visitId -> { lastName, devices, state: 'open' | 'out' | 'either' } */
  visits = new Map();
  /** handoverId -> { visitId, state: 'pending' | 'logged' | 'either' } */
  handovers = new Map();
  /** receiptId -> { handoverId, itemIds } */
  receipts = new Map();
  /** itemId -> { receiptId, state: 'in_safe' | 'returned' | 'either' } */
  items = new Map();
  /** Device exceptions the host approved. */
  exceptions = new Set();
  /** The administrator's own staff day (the console's session signs in and out): 'out' | 'in' | 'either'. */
  staffDay = { staffId: null, state: 'out' };
  /** receiptId -> { itemIds, state: 'in_safe' | 'returned' | 'either' }: the phone each staff sign-in put in the safe. */
  staffPhones = new Map();
  /** receiptId -> { itemIds, state: 'held' | 'released' | 'either' }: pupils' confiscated phones. */
  confiscations = new Map();
  /** exceptionId -> { signedOn, state: 'unsigned' | 'signed' | 'either' }: pupils' device exceptions. */
  learnerExceptions = new Map();
  /** Requests of this run that got no answer; checked to be all-or-nothing after the restart. */
  inDoubt = [];
  /** Things a request in flight is changing, so two workers never race for the same visit or receipt. */
  busy = new Set();
  /** Answers seen, by command; and how many requests were in flight when the host died. */
  acknowledged = new Map();
  inDoubtTotal = 0;

  acknowledge(command) {
    this.acknowledged.set(command, (this.acknowledged.get(command) ?? 0) + 1);
  }

  acknowledgedTotal() {
    return [...this.acknowledged.values()].reduce((a, b) => a + b, 0);
  }

  claim(...keys) {
    if (keys.some((k) => this.busy.has(k))) return false;
    for (const k of keys) this.busy.add(k);
    return true;
  }

  release(...keys) {
    for (const k of keys) this.busy.delete(k);
  }

  openVisits() {
    return [...this.visits].filter(([id, v]) => v.state === 'open' && !this.busy.has(`visit:${id}`)).map(([id]) => id);
  }

  pendingHandovers() {
    // A visitor who has signed out took the declared devices with them: the office cannot log those.
    return [...this.handovers]
      .filter(([id, h]) => h.state === 'pending' && !this.busy.has(`handover:${id}`) && this.visits.get(h.visitId).state === 'open')
      .map(([id]) => id);
  }

  /** Receipts with something still in the safe and nothing in doubt, so the expected result is exact. */
  receiptsWithItemsInSafe() {
    return [...this.receipts]
      .filter(([id, r]) => !this.busy.has(`receipt:${id}`) && r.itemIds.every((i) => this.items.get(i).state !== 'either'))
      .filter(([, r]) => r.itemIds.some((i) => this.items.get(i).state === 'in_safe'))
      .map(([id]) => id);
  }
}
