const waiting: Array<() => void> = [];

/**
 * `shared`, settled for one more of its callers on an event-loop turn of its own. When a call that
 * many requests joined settles at once (a hung upstream's timeout), finishing all of them in one
 * chain of microtasks held every other request for a third of a second (measured in the soak);
 * one caller per turn lets the sockets of other requests be read in between.
 */
export function onTurnOfItsOwn<T>(shared: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    shared.then(
      (value) => enqueue(() => resolve(value)),
      (error: Error) => enqueue(() => reject(error)),
    );
  });
}

function enqueue(settle: () => void): void {
  waiting.push(settle);
  if (waiting.length === 1) setImmediate(next);
}

/** One settles per turn: an immediate set from an immediate runs on the next turn, after I/O. */
function next(): void {
  waiting.shift()?.();
  if (waiting.length > 0) setImmediate(next);
}
