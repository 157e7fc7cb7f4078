import type { Command } from 'commander';
import { ExitCode } from '../exit-codes.js';
import { type LogFormat, logOption } from '../log-option.js';

export const DEFAULT_DB = 'output/cchc.sqlite';

export function register(program: Command): void {
  program
    .command('ingest')
    .description('load report files (.xlsx, .pdf) and one-stop exports (.csv, .tsv, .xlsx), or folders of them')
    .argument('<paths...>', 'files or folders')
    .option('--db <path>', 'warehouse file', DEFAULT_DB)
    .option('--province <name>', 'province the files come from (tells namesake communes apart)')
    .option('--commune <name>', 'commune the files come from, for files that name none (e.g. "xã Bản Thi, huyện Chợ Đồn")')
    .option('--period <key>', 'period for files that cannot tell their own, e.g. 2024 or 2024-Q3')
    .addOption(logOption())
    .action(async (paths: string[], opts: { db: string; province?: string; commune?: string; period?: string; log: LogFormat }) => {
      const { runIngest } = await import('../run-ingest.js');
      process.exitCode = await runIngest(paths, {
        dbPath: opts.db,
        pipeline: 'ingest',
        config: { ...(opts.province ? { province: opts.province } : {}), ...(opts.commune ? { commune: opts.commune } : {}), ...(opts.period ? { period: opts.period } : {}) },
      }, opts.log);
    });
}

export { ExitCode };
