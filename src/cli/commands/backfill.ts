import type { Command } from 'commander';
import { ExitCode } from '../exit-codes.js';
import { DEFAULT_DB } from './ingest.js';

interface BackfillFlags {
  db: string;
  from?: string;
  to?: string;
  province?: string;
  workers?: string;
}

export function register(program: Command): void {
  program
    .command('backfill')
    .description('load a tree of past reports (province/district/commune/year/…) in parallel, resumably')
    .argument('<dir>', 'folder to walk')
    .option('--db <path>', 'warehouse file', DEFAULT_DB)
    .option('--from <year>', 'first year kept (from folder and file names; files that tell no year are kept)')
    .option('--to <year>', 'last year kept')
    .option('--province <name>', 'keep the folders of one province ("Bắc Kạn" or bac-kan); also tells namesake communes apart')
    .option('--workers <n>', 'threads extracting files, the writer\'s included (default: the machine\'s cores; 1: all in one thread)')
    .action(async (dir: string, flags: BackfillFlags) => {
      const year = (v: string | undefined, name: string) => {
        if (v === undefined) return undefined;
        if (!/^\d{4}$/.test(v)) throw new Error(`--${name} wants a year such as 2019, not "${v}"`);
        return Number(v);
      };
      const from = year(flags.from, 'from');
      const to = year(flags.to, 'to');
      if (flags.workers !== undefined && !/^\d+$/.test(flags.workers)) throw new Error(`--workers wants a number of threads, not "${flags.workers}"`);
      const { backfill } = await import('../../pipeline/backfill.js');
      const { progressReporter } = await import('../progress.js');
      const progress = progressReporter(process.stderr);
      const started = Date.now();
      let summary;
      try {
        summary = await backfill(dir, {
          dbPath: flags.db,
          ...(from !== undefined ? { from } : {}),
          ...(to !== undefined ? { to } : {}),
          ...(flags.province ? { province: flags.province } : {}),
          ...(flags.workers !== undefined ? { workers: Number(flags.workers) } : {}),
          onProgress: (p, o) => progress.update(p, o),
        });
      } finally {
        progress.stop();
      }
      const seconds = (Date.now() - started) / 1000;
      console.log(
        `backfill of ${dir}: ${summary.loaded} loaded, ${summary.skipped} skipped, ${summary.rejected} rejected${summary.failed ? `, ${summary.failed} failed (a bug in cchc-etl; stacks above)` : ''} of ${summary.total} files ` +
          `(${summary.filteredOut} left out by the filters), ${summary.observations} observations in ${seconds.toFixed(1)}s ` +
          `(${(summary.done / Math.max(seconds, 0.001)).toFixed(1)} files/s), ${summary.runIds.length} run(s) → ${flags.db}`,
      );
      process.exitCode = summary.failed ? ExitCode.failed : summary.rejected ? ExitCode.partial : ExitCode.ok;
    });
}
