import type { Command } from 'commander';
import { DEFAULT_DB } from './ingest.js';

/** `cchc reconcile`: rebuilds every reconciled value and conflict, e.g. after catalog/reconcile-rules.yaml changed. */
export function register(program: Command): void {
  program
    .command('reconcile')
    .description('reconcile everything the warehouse holds again (after a change of catalog/reconcile-rules.yaml)')
    .option('--db <path>', `warehouse file (default: the pipeline's, else ${DEFAULT_DB})`)
    .option('--pipeline <name>', "take the source precedence (and the warehouse) a pipeline declares, e.g. nightly")
    .action(async (opts: { db?: string; pipeline?: string }) => {
      const { existsSync } = await import('node:fs');
      const { loadPipeline } = await import('../../pipeline/index.js');
      const p = opts.pipeline ? await loadPipeline(opts.pipeline) : undefined;
      const db = opts.db ?? p?.db ?? DEFAULT_DB;
      // Reconciling an empty warehouse is never what was meant: a mistyped path would create one.
      if (db !== ':memory:' && !existsSync(db)) throw new Error(`no warehouse at ${db}`);
      const { openWarehouse, syncCodeLabels, syncIndicatorRatios } = await import('../../warehouse/index.js');
      const { labels } = await import('../../catalog/index.js');
      const { reconcileAll, reconcileRules } = await import('../../reconcile/index.js');
      const wh = await openWarehouse(db);
      try {
        // The rules may have changed: the rates SQL recomputes over merged communes follow them.
        syncIndicatorRatios(wh.sqlite, reconcileRules().ratios);
        syncCodeLabels(wh.sqlite, labels().codes);
        await reconcileAll(wh, p?.reconcile);
        const count = (table: string) => (wh.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
        console.log(`reconciled ${count('reconciled_values')} values, ${count('conflicts')} conflicts → ${db}`);
      } finally {
        await wh.close();
      }
    });
}
