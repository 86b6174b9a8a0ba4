/**
 * Work for the same key run one piece after another, in the order asked, even when each piece waits on
 * something (a PIN being hashed). Pieces for different keys run side by side.
 */
export class OneAtATime<K> {
  private readonly tails = new Map<K, Promise<unknown>>();

  run<T>(key: K, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const mine = before.then(work);
    // The next waits for this one however it finishes: a failure is its own caller's answer, not the next's.
    const tail = mine.then(() => undefined, () => undefined);
    this.tails.set(key, tail);
    // Forgotten once nothing is waiting behind it, so keys used once do not pile up.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return mine;
  }
}
