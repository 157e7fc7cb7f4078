/**
 * Jobs shared between a few pool threads and the thread that waits for their results.
 *
 * Why the waiting thread works too: the backfill's writer spends most of its time waiting for the
 * next document (it writes one in a few milliseconds; extracting one takes tens). A pool of as many
 * threads as cores beside it left a core's worth of threads fighting for the CPU; a pool of one
 * thread fewer left the writer's core idle between documents. Here the writer, when the result it
 * needs is not there yet, takes the next job that no thread has started and runs it itself: every
 * core is busy, with no more threads than cores.
 *
 * A job is handed to the pool only while fewer than `slots` are in flight (a few a thread, so that a
 * thread has work of its own while the writer is busy and cannot hand it more); the others wait
 * here, where the writer can still take them or drop them.
 */
export interface Job<T> {
  /** Runs the job in a pool thread. */
  readonly send: () => Promise<T>;
  /** Runs the job in this thread. */
  readonly here: () => Promise<T>;
}

/** A queued job's result, and whether it is in yet. */
export interface Ticket<T> {
  readonly result: Promise<T>;
  readonly settled: () => boolean;
}

interface Entry {
  readonly job: Job<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (reason: unknown) => void;
}

export class WorkQueue {
  private readonly waiting: Entry[] = [];
  private readonly entries = new WeakMap<Ticket<unknown>, Entry>();
  private inFlight = 0;

  constructor(private readonly slots: number) {}

  /** Queues a job (`first`: ahead of every waiting one, for a result someone already waits for). */
  add<T>(job: Job<T>, first = false): Ticket<T> {
    let done = false;
    let entry!: Entry;
    const result = new Promise<T>((resolve, reject) => {
      entry = {
        job,
        // Settled as the value arrives, not a microtask later: `await` must not take one job too many.
        resolve: (value) => {
          done = true;
          resolve(value as T);
        },
        reject: (reason) => {
          done = true;
          reject(reason);
        },
      };
    });
    const ticket: Ticket<T> = { result, settled: () => done };
    this.entries.set(ticket, entry);
    if (first) this.waiting.unshift(entry);
    else this.waiting.push(entry);
    this.pump();
    return ticket;
  }

  /** Drops a job no thread has started, its ticket resolving to `value`; false when it is under way or done. */
  cancel<T>(ticket: Ticket<T>, value: T): boolean {
    const entry = this.entries.get(ticket);
    const at = entry ? this.waiting.indexOf(entry) : -1;
    if (at < 0) return false;
    this.waiting.splice(at, 1);
    entry!.resolve(value);
    return true;
  }

  /**
   * Runs the first waiting job in this thread and resolves once it is done; false at once when no job
   * waits (every one is in a pool thread or done).
   */
  async helpOne(): Promise<boolean> {
    const entry = this.waiting.shift();
    if (!entry) return false;
    await entry.job.here().then(entry.resolve, entry.reject);
    return true;
  }

  /** Waits for a ticket, running waiting jobs in this thread meanwhile. */
  async await<T>(ticket: Ticket<T>): Promise<T> {
    while (!ticket.settled() && (await this.helpOne()));
    return ticket.result;
  }

  private pump(): void {
    while (this.inFlight < this.slots && this.waiting.length) {
      const entry = this.waiting.shift()!;
      this.inFlight++;
      entry.job
        .send()
        .then(entry.resolve, entry.reject)
        .finally(() => {
          this.inFlight--;
          this.pump();
        });
    }
  }
}
