/**
 * Jobs shared between a few pool threads and the thread that waits for their results.
 *
 * Why the waiting thread works too: the backfill's writer spends most of its time waiting for the
 * next document (it writes one in a few milliseconds; extracting one takes tens). A pool of as many
 * threads as cores beside it left a core's worth of threads fighting for the CPU; a pool of one
 * thread fewer left the writer's core idle between documents. Here the writer, when the result it
 * needs is not there yet, takes a job that no thread has started and runs it itself: every core is
 * busy, with no more threads than cores.
 *
 * A job is handed to the pool only while fewer than `slots` are in flight: a thread is handed several
 * at once, so that it has work of its own while the writer is busy and cannot hand it more. A job
 * handed over is still the writer's to take until the thread starts it: each job carries a claim
 * flag in shared memory, and whichever thread claims it first runs it (`claim`); the other passes.
 * Without that, the jobs queued in a thread (a batch's reconciliation, handed over at once when
 * nothing else waited) left the writer idle a quarter of a backfill, waiting for them.
 */
export interface Job<T> {
  /**
   * Hands the job to a pool thread with its claim flag; the thread runs it only if it wins the flag
   * (`claim`), and answers `STOLEN` otherwise.
   */
  readonly send: (flag: Int32Array) => Promise<T | typeof STOLEN>;
  /** Runs the job in this thread. */
  readonly here: () => Promise<T>;
}

/** A pool thread's answer for a job another thread claimed first. */
export const STOLEN = 'cchc:stolen';

/** A job's claim flag: 0 while nobody runs it. Shared memory, so that a pool thread reads the writer's claim at once. */
const claimFlag = (): Int32Array => new Int32Array(new SharedArrayBuffer(4));

/** Takes the job for a pool thread: true for the first thread to ask, false ever after. */
export const claim = (flag: Int32Array): boolean => Atomics.compareExchange(flag, 0, 0, BY_POOL) === 0;

const BY_POOL = 1;
/** Claimed by the thread that waits (taken back, or dropped): whatever a pool thread answers for it is not its result. */
const HERE = 2;
const takeBack = (flag: Int32Array): boolean => Atomics.compareExchange(flag, 0, 0, HERE) === 0;
const takenBack = (flag: Int32Array): boolean => Atomics.load(flag, 0) === HERE;

/** A queued job's result, and whether it is in yet. */
export interface Ticket<T> {
  readonly result: Promise<T>;
  readonly settled: () => boolean;
}

interface Entry {
  readonly job: Job<unknown>;
  readonly flag: Int32Array;
  readonly resolve: (value: unknown) => void;
  readonly reject: (reason: unknown) => void;
}

export class WorkQueue {
  private readonly waiting: Entry[] = [];
  /** Jobs handed to a pool thread and not answered yet, in the order they were handed, with their answers. */
  private readonly sent = new Map<Entry, Promise<unknown>>();
  private readonly entries = new WeakMap<Ticket<unknown>, Entry>();

  constructor(private readonly slots: number) {}

  /** Queues a job (`first`: ahead of every waiting one, for a result someone already waits for). */
  add<T>(job: Job<T>, first = false): Ticket<T> {
    let done = false;
    let entry!: Entry;
    const result = new Promise<T>((resolve, reject) => {
      entry = {
        job,
        flag: claimFlag(),
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
    if (!entry || !takeBack(entry.flag)) return false;
    const at = this.waiting.indexOf(entry);
    if (at >= 0) this.waiting.splice(at, 1);
    entry.resolve(value);
    return true;
  }

  /**
   * Runs a job no thread has started in this thread, and resolves once it is done: the first waiting
   * one, or else the one handed to a thread last (it would start last there); false at once when
   * every job is under way or done.
   */
  async helpOne(): Promise<boolean> {
    const entry = this.take();
    if (!entry) return false;
    await entry.job.here().then(entry.resolve, entry.reject);
    return true;
  }

  private take(): Entry | undefined {
    for (let entry = this.waiting.shift(); entry; entry = this.waiting.shift()) if (takeBack(entry.flag)) return entry;
    for (const entry of [...this.sent.keys()].reverse()) if (takeBack(entry.flag)) return entry;
    return undefined;
  }

  /**
   * Waits for a ticket, running waiting jobs in this thread meanwhile. Between two jobs it lets the
   * event loop turn: a job that never waits for I/O (a reconciliation) would otherwise be followed by
   * the next at once, and the pool threads' results, and with them their next jobs, would wait until
   * none was left here.
   */
  async await<T>(ticket: Ticket<T>): Promise<T> {
    while (!ticket.settled()) {
      await new Promise((resolve) => setImmediate(resolve));
      if (ticket.settled() || !(await this.helpOne())) break;
    }
    return ticket.result;
  }

  /** Resolves once every job handed to a pool thread has its answer (before the pool is closed: a thread's late answer to a pool gone is an error). */
  async answered(): Promise<void> {
    while (this.sent.size) await Promise.allSettled([...this.sent.values()]);
  }

  private pump(): void {
    while (this.sent.size < this.slots && this.waiting.length) {
      const entry = this.waiting.shift()!;
      // The answer for a job this thread took back (STOLEN, or the thread's failure) is not the job's result.
      const answer = entry.job
        .send(entry.flag)
        .then(
          (value) => takenBack(entry.flag) || entry.resolve(value),
          (reason: unknown) => takenBack(entry.flag) || entry.reject(reason),
        )
        .finally(() => {
          this.sent.delete(entry);
          this.pump();
        });
      this.sent.set(entry, answer);
    }
  }
}
