import type { Command } from 'commander';
import { DEFAULT_DB } from './ingest.js';

interface OverrideOptions {
  reason?: string;
  by?: string;
  list?: boolean;
  all?: boolean;
  remove?: string;
  format: string;
  db: string;
}

export function register(program: Command): void {
  program
    .command('override')
    .description('overrule the reconciled value of an indicator for a commune and period; the decision survives every re-run')
    .argument('[commune]', 'commune code (02035) or name (Bản Thi)')
    .argument('[period]', 'period key: 2024, 2024-H1, 2024-Q3, 2024-9M, 2024-M10')
    .argument('[indicator]', 'indicator key or code (1.4.1.province, 7.2.4)')
    .argument('[value]', 'the value as it should read, in the indicator unit (11, 30,02%, Có)')
    .option('--reason <text>', 'why (required when recording)')
    .option('--by <name>', 'who decides (default: $USER)')
    .option('--list', 'list the overrides in force')
    .option('--all', 'with --list: include removed overrides')
    .option('--remove <id>', 'withdraw an override')
    .option('--format <format>', 'with --list: table, csv or json', 'table')
    .option('--db <path>', 'warehouse file', DEFAULT_DB)
    .action(async (commune: string | undefined, period: string | undefined, indicator: string | undefined, value: string | undefined, opts: OverrideOptions) => {
      const { openWarehouse } = await import('../../warehouse/index.js');
      const { addOverride, listOverrides, removeOverride } = await import('../../reconcile/overrides.js');
      const { render, parseFormat } = await import('../output.js');
      const format = parseFormat(opts.format);
      if (!opts.list && !opts.remove && (!commune || !period || !indicator || value === undefined || !opts.reason)) {
        throw new Error('usage: cchc override <commune> <period> <indicator> <value> --reason "…" [--by name] | --list | --remove <id>');
      }
      const wh = await openWarehouse(opts.db);
      try {
        if (opts.list) {
          console.log(render(listOverrides(wh, opts.all ?? false) as unknown as Record<string, unknown>[], format));
        } else if (opts.remove) {
          const id = Number(opts.remove);
          if (!Number.isInteger(id)) throw new Error(`--remove needs an override id, not "${opts.remove}"`);
          await removeOverride(wh, id, opts.by);
          console.log(`override #${id} removed`);
        } else {
          const id = await addOverride(wh, { commune: commune!, period: period!, indicator: indicator!, value: value!, reason: opts.reason!, who: opts.by });
          console.log(`override #${id} recorded`);
        }
      } finally {
        await wh.close();
      }
    });
}
