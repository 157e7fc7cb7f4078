/**
 * Where a thread's time went, from a V8 .cpuprofile (`node --cpu-prof`): each sample is charged to
 * the innermost frame of cchc-etl's own code on its stack (its `src/` or `dist/` folder: reconcile,
 * warehouse, pipeline, extract …), or to idle / garbage collection / other. Used by bench/backfill.ts.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Milliseconds per part of the code, largest first, and the profile's length. */
export function timeByPart(path: string): { readonly totalMs: number; readonly parts: readonly (readonly [string, number])[] } {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const partOf = new Map<number, string>();
  const part = (id: number): string => {
    const known = partOf.get(id);
    if (known) return known;
    const { functionName, url } = byId.get(id)!.callFrame;
    let p: string;
    if (functionName === '(idle)' || /atomicsWaitLoop/.test(functionName)) p = 'idle';
    else if (functionName === '(garbage collector)') p = 'garbage collection';
    else {
      const own = url.includes('node_modules') ? null : /\/(?:src|dist)\/([a-z-]+)\/([a-z0-9-]+)\.[jt]s$/.exec(url);
      const up = parent.get(id);
      p = own ? `${own[1]}/${own[2]}` : up === undefined ? 'other' : part(up);
    }
    partOf.set(id, p);
    return p;
  };
  const ms = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const d = (profile.timeDeltas[i] ?? 0) / 1000;
    total += d;
    const p = part(id);
    ms.set(p, (ms.get(p) ?? 0) + d);
  });
  return { totalMs: total, parts: [...ms].sort((a, b) => b[1] - a[1]) };
}
