import type { WriteStream } from 'node:tty';
import cliProgress from 'cli-progress';
import type { BackfillProgress, FileOutcome } from '../pipeline/index.js';
import { internalReport } from './run-ingest.js';

export interface ProgressReporter {
  update(progress: BackfillProgress, outcome: FileOutcome): void;
  stop(): void;
}

/** How often a line is written when the output is not a terminal (a log file, a scheduler). */
const LOG_EVERY_MS = 5000;

/**
 * A progress bar (files done / total, files/s, time left) on a terminal; off a terminal, a line every
 * few seconds instead, so that a log stays readable. Rejected files are always named, above the bar.
 */
export function progressReporter(out: NodeJS.WriteStream | WriteStream): ProgressReporter {
  const started = Date.now();
  const rate = (done: number) => done / Math.max((Date.now() - started) / 1000, 0.001);
  const left = (p: BackfillProgress) => {
    const r = rate(p.done);
    return r > 0 ? formatSeconds((p.total - p.done) / r) : '?';
  };
  if (out.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: 'backfill [{bar}] {value}/{total} files | {speed} files/s | {left} left | {rejected} rejected', stream: out, hideCursor: true, etaBuffer: 200 },
      cliProgress.Presets.shades_classic,
    );
    let begun = false;
    return {
      update(p, o) {
        if (!begun) {
          bar.start(p.total, 0, { speed: '0', left: '?', rejected: 0 });
          begun = true;
        }
        if (o.status === 'rejected') out.write(`\nrejected  ${o.path}: ${o.reason}\n`);
        if (o.status === 'failed') out.write(`\n${internalReport(o)}\n`);
        bar.update(p.done, { speed: rate(p.done).toFixed(1), left: left(p), rejected: p.rejected });
      },
      stop: () => begun && bar.stop(),
    };
  }
  let last = Date.now();
  return {
    update(p, o) {
      if (o.status === 'rejected') out.write(`rejected  ${o.path}: ${o.reason}\n`);
      if (o.status === 'failed') out.write(`${internalReport(o)}\n`);
      if (Date.now() - last < LOG_EVERY_MS && p.done < p.total) return;
      last = Date.now();
      out.write(`backfill: ${p.done}/${p.total} files (${Math.floor((100 * p.done) / Math.max(p.total, 1))}%), ${rate(p.done).toFixed(1)} files/s, ${left(p)} left, ${p.loaded} loaded, ${p.skipped} skipped, ${p.rejected} rejected\n`);
    },
    stop() {},
  };
}

function formatSeconds(s: number): string {
  const t = Math.round(s);
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  return h ? `${h}h${String(m).padStart(2, '0')}m` : `${m}m${String(t % 60).padStart(2, '0')}s`;
}
