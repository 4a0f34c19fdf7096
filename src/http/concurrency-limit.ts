/** Why a task did not run: too many already waiting, or its time ran out while it waited. */
export class NotRun extends Error {
  constructor(readonly reason: "queue-full" | "deadline") {
    super(reason);
  }
}

interface Waiter {
  start(): void;
  timer?: NodeJS.Timeout;
}

/**
 * At most `limit.current` tasks at a time (a number that may change between tasks); at most
 * `maxWaiting` more wait, in order, each no longer than its deadline. A slow upstream fills its
 * own queue and turns callers away at once, instead of holding every request behind it.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    private readonly limit: { readonly current: number },
    private readonly maxWaiting = Number.POSITIVE_INFINITY,
  ) {}

  /** Tasks running now. */
  get inFlight(): number {
    return this.running;
  }

  async run<T>(task: () => Promise<T>, deadline = Number.POSITIVE_INFINITY): Promise<T> {
    // A waiter's slot is taken for it when it is started; a newcomer does not pass those waiting.
    if (this.running >= this.limit.current || this.waiting.length > 0) await this.wait(deadline);
    else this.running += 1;
    try {
      return await task();
    } finally {
      this.running -= 1;
      this.startWaiters();
    }
  }

  /** As many waiters as the limit allows now: one when a task ended, more when the limit grew. */
  private startWaiters(): void {
    while (this.running < this.limit.current && this.waiting.length > 0) {
      this.running += 1;
      this.waiting.shift()!.start();
    }
  }

  private wait(deadline: number): Promise<void> {
    if (this.waiting.length >= this.maxWaiting) return Promise.reject(new NotRun("queue-full"));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
      };
      const left = deadline - Date.now();
      if (left <= 0) return reject(new NotRun("deadline"));
      if (Number.isFinite(left))
        waiter.timer = setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(new NotRun("deadline"));
        }, left);
      this.waiting.push(waiter);
    });
  }
}
