import { type FileOutcome, type IngestOptions, type IngestSummary, WarehouseBusy, describeOutcome, ingestPaths } from '../pipeline/index.js';
import { ExitCode } from './exit-codes.js';
import type { LogFormat } from './log-option.js';


interface RunLog {
  line(text: string): void;
  file(o: FileOutcome): void;
  summary(s: IngestSummary, seconds: number, dbPath: string | undefined): void;
  busy(err: WarehouseBusy): void;
}

/** Runs an ingest, reports each file and the run, and returns the exit status. */
export async function runIngest(paths: readonly string[], options: IngestOptions, format: LogFormat = 'text'): Promise<number> {
  const started = Date.now();
  const log = format === 'json' ? await jsonLog(options.pipeline ?? 'ingest') : textLog();
  let summary;
  try {
    summary = await ingestPaths(paths, { ...options, log: (line) => log.line(line), onFile: (o) => log.file(o) });
  } catch (err) {
    if (!(err instanceof WarehouseBusy)) throw err;
    log.busy(err);
    return ExitCode.locked;
  }
  log.summary(summary, (Date.now() - started) / 1000, options.dbPath);
  // A bug met on a file fails the run (the others still loaded): a scheduler must see it.
  return summary.failed ? ExitCode.failed : summary.rejected ? ExitCode.partial : ExitCode.ok;
}

function textLog(): RunLog {
  return {
    line: (text) => console.log(text),
    file: (o) => {
      console.log(describeOutcome(o));
      if (o.status === 'failed') console.error(internalReport(o));
    },
    summary: (s, seconds, dbPath) => {
      const extra = [s.recovered ? `${s.recovered} commune-periods finished for a crashed run` : '', s.conflicts ? `${s.conflicts} conflicts` : ''].filter(Boolean);
      console.log(
        `run ${s.runId}: ${s.loaded} loaded, ${s.skipped} skipped, ${s.rejected} rejected, ${s.failed ? `${s.failed} failed (a bug in cchc-etl), ` : ''}` +
          `${s.observations} observations, ${s.warnings} warnings in ${seconds.toFixed(1)}s → ${dbPath}${extra.length ? `; ${extra.join(', ')}` : ''}`,
      );
      if (s.checkpointNote) console.log(`warning: ${s.checkpointNote}`);
    },
    busy: (err) => console.error(`cchc: ${err.message}`),
  };
}

async function jsonLog(pipeline: string): Promise<RunLog> {
  const { pino } = await import('pino');
  // Synchronous writes to stderr: a line is out before the process can be killed, and in order.
  const logger = pino({ base: { pipeline }, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination({ fd: 2, sync: true }));
  return {
    line: (text) => logger.warn({ event: 'notice' }, text),
    file: (o) => {
      const level = o.status === 'failed' ? 'error' : o.status === 'rejected' ? 'warn' : 'info';
      logger[level]({ event: 'file', path: o.path, status: o.status, sha256: o.sha256, observations: o.observations, warnings: o.warnings, reason: o.reason, movedTo: o.movedTo, stack: o.stack }, describeOutcome(o));
    },
    summary: (s, seconds, dbPath) => {
      const { files: _files, ...counts } = s;
      logger[s.failed ? 'error' : 'info']({ event: 'run', ...counts, seconds, db: dbPath }, `run ${s.runId}: ${s.loaded} loaded, ${s.skipped} skipped, ${s.rejected} rejected${s.failed ? `, ${s.failed} failed` : ''}`);
      if (s.checkpointNote) logger.warn({ event: 'checkpoint', runId: s.runId }, s.checkpointNote);
    },
    busy: (err) => logger.error({ event: 'locked', db: err.dbPath, holder: err.holder }, err.message),
  };
}

/** What stderr gets for a file that met a bug of ours: the file and the stack, to report or fix. */
export function internalReport(o: FileOutcome): string {
  return `cchc: ${o.path}: ${o.reason}\n${o.stack ?? '(no stack)'}`;
}
