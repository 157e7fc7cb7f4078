import { type IngestOptions, WarehouseBusy, ingestPaths } from '../pipeline/index.js';
import { ExitCode } from './exit-codes.js';

/** Runs an ingest, prints a line per file and a one-line summary, and returns the exit status. */
export async function runIngest(paths: readonly string[], options: IngestOptions): Promise<number> {
  const started = Date.now();
  let summary;
  try {
    summary = await ingestPaths(paths, { ...options, log: (line) => console.log(line) });
  } catch (err) {
    if (!(err instanceof WarehouseBusy)) throw err;
    console.error(`cchc: ${err.message}`);
    return ExitCode.locked;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const extra = [
    summary.recovered ? `${summary.recovered} commune-periods finished for a crashed run` : '',
    summary.conflicts ? `${summary.conflicts} conflicts` : '',
  ].filter(Boolean);
  console.log(
    `run ${summary.runId}: ${summary.loaded} loaded, ${summary.skipped} skipped, ${summary.rejected} rejected, ` +
      `${summary.observations} observations, ${summary.warnings} warnings in ${seconds}s → ${options.dbPath}${extra.length ? `; ${extra.join(', ')}` : ''}`,
  );
  if (summary.checkpointNote) console.log(`warning: ${summary.checkpointNote}`);
  return summary.rejected ? ExitCode.partial : ExitCode.ok;
}
