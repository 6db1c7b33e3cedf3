/**
 * A concurrency limit with two lanes: list pages go before detail fetches, so the listing
 * keeps moving while details queue up behind it.
 *
 * @module
 */

/** Runs tasks with at most `limit` at a time. */
export interface Limiter {
  /** Queues `task` in its lane; resolves or rejects as the task does. */
  run<T>(lane: 'page' | 'detail', task: () => Promise<T>): Promise<T>;
}

/**
 * A {@link Limiter} allowing `limit` tasks at once; a free slot goes to the oldest waiting
 * page task, else to the oldest waiting detail task.
 *
 * @example
 * ```ts
 * const limiter = createLimiter(4);
 * const body = await limiter.run('page', () => getJson(url, settings));
 * ```
 */
export function createLimiter(limit: number): Limiter {
  let active = 0;
  const waiting = { page: [] as (() => void)[], detail: [] as (() => void)[] };
  const next = (): void => {
    while (active < limit) {
      const start = waiting.page.shift() ?? waiting.detail.shift();
      if (start === undefined) return;
      active += 1;
      start();
    }
  };
  return {
    run<T>(lane: 'page' | 'detail', task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        waiting[lane].push(() => {
          // A task that throws synchronously still frees its slot.
          Promise.resolve()
            .then(task)
            .then(resolve, reject)
            .finally(() => {
              active -= 1;
              next();
            });
        });
        next();
      });
    },
  };
}
