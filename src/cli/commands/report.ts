import type { Command } from 'commander';
import { placeOptions } from './export.js';
import { DEFAULT_DB } from './ingest.js';

interface ReportOptions {
  out: string;
  province?: string;
  district?: string;
  commune?: string;
  from?: string;
  to?: string;
  db: string;
}

const year = (flag: string) => (value: string): number => {
  if (!/^\d{4}$/.test(value)) throw new Error(`${flag} needs a year (2019), not "${value}"`);
  return Number(value);
};

export function register(program: Command): void {
  placeOptions(
    program
      .command('report')
      .description('write a data-quality report: one self-contained HTML page (coverage, conflicts, unmapped labels, key indicators over time)')
      .option('--out <path>', 'HTML file to write', 'output/report.html'),
  )
    .option('--from <year>', 'from this year')
    .option('--to <year>', 'up to this year')
    .option('--db <path>', 'warehouse file', DEFAULT_DB)
    .action(async (opts: ReportOptions, cmd: Command) => {
      let from: number | undefined;
      let to: number | undefined;
      try {
        from = opts.from === undefined ? undefined : year('--from')(opts.from);
        to = opts.to === undefined ? undefined : year('--to')(opts.to);
      } catch (err) {
        cmd.error((err as Error).message, { exitCode: 2, code: 'cchc.usage' });
      }
      const { mkdir, writeFile } = await import('node:fs/promises');
      const { dirname } = await import('node:path');
      const { openWarehouseReadOnly } = await import('../../warehouse/index.js');
      const { resolveFilters } = await import('../../export/index.js');
      const { buildReport } = await import('../../report/index.js');
      const wh = await openWarehouseReadOnly(opts.db);
      try {
        const { communes } = resolveFilters(wh, opts);
        const scope = [opts.province, opts.district, opts.commune, from || to ? `${from ?? '…'}–${to ?? '…'}` : undefined].filter(Boolean).join(', ') || 'tất cả';
        const html = await buildReport(wh, { communes, fromYear: from, toYear: to }, scope);
        try {
          await mkdir(dirname(opts.out), { recursive: true });
          await writeFile(opts.out, html);
        } catch (err) {
          throw new Error(`${opts.out}: ${(err as Error).message}`);
        }
        console.log(`report of ${opts.db} → ${opts.out}`);
      } finally {
        await wh.close();
      }
    });
}
