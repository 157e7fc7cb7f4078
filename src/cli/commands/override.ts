import type { Command } from 'commander';
import { formatOption, type OutputFormat } from '../output.js';
import { DEFAULT_DB } from './ingest.js';

interface OverrideOptions {
  reason?: string;
  by?: string;
  list?: boolean;
  all?: boolean;
  remove?: string;
  force?: boolean;
  format: OutputFormat;
  db: string;
}

const USAGE = 'usage: cchc override <commune> <period> <indicator> <value> --reason "…" [--by name] [--force] | --list [--all] | --remove <id>';

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
    .option('--force', 'record it even for a commune-period with no figure yet')
    .option('--list', 'list the overrides in force')
    .option('--all', 'with --list: include removed and superseded overrides')
    .option('--remove <id>', 'withdraw an override')
    .addOption(formatOption('with --list: output format'))
    .option('--db <path>', 'warehouse file', DEFAULT_DB)
    .action(async (commune: string | undefined, period: string | undefined, indicator: string | undefined, value: string | undefined, opts: OverrideOptions, cmd: Command) => {
      if (!opts.list && !opts.remove && (!commune || !period || !indicator || value === undefined || !opts.reason)) {
        cmd.error(USAGE, { exitCode: 2, code: 'cchc.usage' });
      }
      const id = opts.remove === undefined ? undefined : Number(opts.remove);
      if (id !== undefined && !Number.isInteger(id)) cmd.error(`--remove needs an override id, not "${opts.remove}"`, { exitCode: 2, code: 'cchc.usage' });
      const { openWarehouse, openWarehouseReadOnly } = await import('../../warehouse/index.js');
      const { addOverride, listOverrides, removeOverride } = await import('../../reconcile/overrides.js');
      if (opts.list) {
        const { render } = await import('../output.js');
        const { codeLabel } = await import('../../export/index.js');
        const wh = await openWarehouseReadOnly(opts.db);
        try {
          const rows = listOverrides(wh, opts.all ?? false).map((o) => ({ ...o, status_vi: codeLabel('override_status', o.status) }));
          console.log(render(rows, opts.format));
        } finally {
          await wh.close();
        }
        return;
      }
      // A decision goes into an existing warehouse: a mistyped --db must not create an empty one.
      const { existsSync } = await import('node:fs');
      if (!existsSync(opts.db)) throw new Error(`no warehouse at ${opts.db}`);
      const wh = await openWarehouse(opts.db);
      try {
        if (id !== undefined) {
          await removeOverride(wh, id, opts.by);
          console.log(`override #${id} removed`);
        } else {
          const newId = await addOverride(wh, { commune: commune!, period: period!, indicator: indicator!, value: value!, reason: opts.reason!, who: opts.by, force: opts.force });
          const replaced = (wh.sqlite.prepare(`SELECT id FROM overrides WHERE superseded_by = ? ORDER BY id`).all(newId) as { id: number }[]).map((r) => `#${r.id}`);
          console.log(`override #${newId} recorded${replaced.length ? ` (supersedes ${replaced.join(', ')})` : ''}`);
        }
      } finally {
        await wh.close();
      }
    });
}
