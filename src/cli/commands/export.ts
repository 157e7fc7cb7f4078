import { type Command, Option } from 'commander';
import { DEFAULT_DB } from './ingest.js';

// The names are listed here, not imported, so that `cchc --help` loads no export code.
const VIEWS = ['indicator_values', 'published_values', 'conflicts', 'dossiers', 'observations', 'all'] as const;
const FORMATS = ['csv', 'xlsx', 'parquet'] as const;

interface ExportOptions {
  view: (typeof VIEWS)[number];
  format: (typeof FORMATS)[number];
  commune?: string;
  province?: string;
  district?: string;
  period?: string;
  indicator?: string;
  out?: string;
  db: string;
}

/** --commune, --province, --district: which communes a command covers (export, report). */
export function placeOptions(command: Command): Command {
  return command
    .option('--commune <code|name>', 'only this commune')
    .option('--province <name>', 'only the communes of this province')
    .option('--district <name>', 'only the communes of this district');
}

export function register(program: Command): void {
  placeOptions(
    program
      .command('export')
      .description('write a view of the warehouse as CSV (UTF-8 with BOM), XLSX (a sheet per view) or Parquet, for analysts\' own tools')
      .addOption(new Option('--view <view>', 'what to export ("all": every view, XLSX only)').choices(VIEWS).default('indicator_values'))
      .addOption(new Option('--format <format>', 'file format').choices(FORMATS).default('csv')),
  )
    .option('--period <key>', 'only this period (2024, 2024-Q3, …; dossiers: received in it)')
    .option('--indicator <key|code>', 'only this indicator')
    .option('--out <path>', 'file to write (CSV: standard output if omitted)')
    .option('--db <path>', 'warehouse file', DEFAULT_DB)
    .action(async (opts: ExportOptions, cmd: Command) => {
      if (opts.view === 'all' && opts.format !== 'xlsx') cmd.error(`--view all needs --format xlsx (a ${opts.format} file holds one view)`, { exitCode: 2, code: 'cchc.usage' });
      if (!opts.out && opts.format !== 'csv') cmd.error(`--format ${opts.format} needs --out <file>`, { exitCode: 2, code: 'cchc.usage' });
      const { openWarehouseReadOnly } = await import('../../warehouse/index.js');
      const { EXPORT_VIEWS, exportSheet, resolveFilters, writeExport } = await import('../../export/index.js');
      const wh = await openWarehouseReadOnly(opts.db);
      try {
        const filters = resolveFilters(wh, opts);
        const views = opts.view === 'all' ? EXPORT_VIEWS : [opts.view];
        // With every view, one a filter cannot apply to (dossiers have no indicator) is left out, said so.
        const sheets = views.flatMap((v) => {
          try {
            return [exportSheet(wh, v, filters)];
          } catch (err) {
            if (opts.view !== 'all') throw err;
            console.error(`cchc: ${v} left out: ${(err as Error).message}`);
            return [];
          }
        });
        await writeExport(sheets, opts.format, opts.out ?? process.stdout);
        if (opts.out) console.error(`exported ${sheets.map((s) => s.name).join(', ')} from ${opts.db} → ${opts.out}`);
      } catch (err) {
        // Name the file being written when writing is what failed.
        if (opts.out && err instanceof Error && 'code' in err && typeof err.code === 'string' && err.code.startsWith('E')) throw new Error(`${opts.out}: ${err.message}`);
        throw err;
      } finally {
        await wh.close();
      }
    });
}
