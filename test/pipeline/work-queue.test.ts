import { describe, expect, it } from 'vitest';
import { STOLEN, WorkQueue, claim } from '../../src/pipeline/work-queue.js';

/**
 * A pool thread stand-in: every job sent waits until the test lets it finish. It starts (claims) a
 * job as it receives it, or with `queued`, only when the test says `start`, as a real thread does with
 * the jobs queued behind the one it runs; a job claimed elsewhere first, it answers STOLEN.
 */
function fakePool(options: { queued?: boolean } = {}) {
  const sent: { name: string; start: () => boolean; finish: () => void }[] = [];
  const job = (name: string, ran: string[]) => ({
    send: (flag: Int32Array) =>
      new Promise<string>((resolve) => {
        const start = () => claim(flag);
        if (!options.queued) start();
        sent.push({ name, start, finish: () => resolve(Atomics.load(flag, 0) === 1 ? `${name} in pool` : STOLEN) });
      }),
    here: async () => {
      ran.push(name);
      return `${name} here`;
    },
  });
  return { sent, job };
}

describe('WorkQueue', () => {
  it('hands the pool only as many jobs as it has slots; the waiting thread runs the others while it waits', async () => {
    const { sent, job } = fakePool();
    const ranHere: string[] = [];
    const q = new WorkQueue(2);
    const tickets = ['a', 'b', 'c', 'd'].map((n) => q.add(job(n, ranHere)));
    expect(sent.map((s) => s.name)).toEqual(['a', 'b']);
    // Waiting for "a" (in the pool): this thread runs c and d meanwhile, then a arrives.
    const a = q.await(tickets[0]!);
    await new Promise((r) => setTimeout(r, 20));
    expect(ranHere).toEqual(['c', 'd']);
    sent[0]!.finish();
    expect(await a).toBe('a in pool');
    expect(await tickets[2]!.result).toBe('c here');
    expect(tickets[1]!.settled()).toBe(false);
    sent[1]!.finish();
    expect(await tickets[1]!.result).toBe('b in pool');
  });

  it('runs the awaited job itself when it is still queued, and sends the next one as a slot frees', async () => {
    const { sent, job } = fakePool();
    const ranHere: string[] = [];
    const q = new WorkQueue(1);
    const [a, b, c] = ['a', 'b', 'c'].map((n) => q.add(job(n, ranHere)));
    expect(await q.await(b!)).toBe('b here');
    expect(ranHere).toEqual(['b']);
    sent[0]!.finish();
    await a!.result;
    await new Promise((r) => setTimeout(r, 20));
    expect(sent.map((s) => s.name)).toEqual(['a', 'c']);
    expect(c!.settled()).toBe(false);
  });

  it('puts a job marked first ahead of the waiting ones', async () => {
    const { job } = fakePool();
    const ranHere: string[] = [];
    const q = new WorkQueue(0); // no pool thread: this thread runs everything, in queue order
    const late = q.add(job('late', ranHere));
    const urgent = q.add(job('urgent', ranHere), true);
    expect(await q.await(urgent)).toBe('urgent here');
    expect(ranHere).toEqual(['urgent']);
    expect(late.settled()).toBe(false);
  });

  it('drops a job no thread has started, never one under way', async () => {
    const { sent, job } = fakePool();
    const ranHere: string[] = [];
    const q = new WorkQueue(1);
    const a = q.add(job('a', ranHere));
    const b = q.add(job('b', ranHere));
    expect(q.cancel(b, 'dropped')).toBe(true);
    expect(await b.result).toBe('dropped');
    expect(q.cancel(a, 'dropped')).toBe(false);
    expect(await q.helpOne()).toBe(false);
    sent[0]!.finish();
    expect(await a.result).toBe('a in pool');
    expect(ranHere).toEqual([]);
  });

  it('takes back a job handed to a thread that has not started it, and ignores what the thread answers for it', async () => {
    const { sent, job } = fakePool({ queued: true });
    const ranHere: string[] = [];
    const q = new WorkQueue(3);
    const [a, b, c] = ['a', 'b', 'c'].map((n) => q.add(job(n, ranHere)));
    expect(sent.map((s) => s.name)).toEqual(['a', 'b', 'c']);
    expect(sent[0]!.start()).toBe(true); // the thread runs a; b and c wait behind it there
    // Waiting for b: nothing waits here, so this thread takes back the job handed over last (c), then b.
    expect(await q.await(b!)).toBe('b here');
    expect(ranHere).toEqual(['c', 'b']);
    expect(await c!.result).toBe('c here');
    // The thread reaches b and c: it may not run them, and its answers change nothing.
    expect(sent[1]!.start()).toBe(false);
    expect(sent[2]!.start()).toBe(false);
    sent[1]!.finish();
    sent[2]!.finish();
    sent[0]!.finish();
    expect(await a!.result).toBe('a in pool');
    expect(await b!.result).toBe('b here');
  });

  it('drops a job handed to a thread that has not started it', async () => {
    const { sent, job } = fakePool({ queued: true });
    const q = new WorkQueue(1);
    const a = q.add(job('a', []));
    expect(q.cancel(a, 'dropped')).toBe(true);
    expect(await a.result).toBe('dropped');
    expect(sent[0]!.start()).toBe(false);
    // The thread still answers for it: the pool may close only after that.
    let answered = false;
    void q.answered().then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(answered).toBe(false);
    sent[0]!.finish();
    await q.answered();
    expect(answered).toBe(true);
  });
});
