/**
 * Named points of a run where a test can freeze it (`CCHC_TEST_PAUSE_AT=<point>`) and kill it with
 * SIGKILL, to check that the next run finishes the work (test/pipeline/crash.test.ts). The point is
 * announced on stderr ("paused at <point>") and the process then waits for ever. Unset, it costs one
 * environment lookup.
 *
 * Points: `document` (inside the first document's transaction, before commit), `loaded:<n>` (after the
 * n-th document committed), `recount` (before the stated-window recount), `recount-step` (after the
 * first recounted report), `reconcile` (before reconciling), `reconciled` (after reconciling, before
 * the pending list is cleared), `finish` (before the run row is closed).
 */
export async function pausePoint(point: string): Promise<void> {
  if (process.env.CCHC_TEST_PAUSE_AT !== point) return;
  process.stderr.write(`paused at ${point}\n`);
  await new Promise<never>(() => setInterval(() => {}, 60_000));
}
