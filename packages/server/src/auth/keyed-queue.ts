/**
 * Runs tasks one at a time per key (e.g. login attempts of one account in this process), so that
 * the outcome of one attempt is known before the next is counted. Keys vanish when their queue
 * drains: memory is bounded by the keys in flight.
 */
export class KeyedQueue {
  readonly #tails = new Map<string, Promise<unknown>>();

  /** Runs `task` after every earlier task of `key` has settled. */
  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const before = this.#tails.get(key) ?? Promise.resolve();
    const mine = before.then(task, task);
    const tail = mine.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    try {
      return await mine;
    } finally {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }

  /** Keys with tasks queued or running. */
  get size(): number {
    return this.#tails.size;
  }
}
