import { type IngestOptions, ingestPaths } from '../pipeline/index.js';
import { ExitCode } from './exit-codes.js';

/** Runs an ingest, prints a line per file and a one-line summary, and returns the exit status. */
export async function runIngest(paths: readonly string[], options: IngestOptions): Promise<number> {
  const started = Date.now();
  const summary = await ingestPaths(paths, { ...options, log: (line) => console.log(line) });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `run ${summary.runId}: ${summary.loaded} loaded, ${summary.skipped} skipped, ${summary.rejected} rejected, ` +
      `${summary.observations} observations, ${summary.warnings} warnings in ${seconds}s → ${options.dbPath}`,
  );
  return summary.rejected ? ExitCode.partial : ExitCode.ok;
}
