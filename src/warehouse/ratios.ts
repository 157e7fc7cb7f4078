import type SQLite from 'better-sqlite3';

/** A rate the reconciliation rules define as numerator / denominator (catalog/reconcile-rules.yaml). */
export interface IndicatorRatio {
  readonly rate: string;
  readonly numerator: string;
  readonly denominator: string;
}

/**
 * Replaces `indicator_ratios` with the rules in force, so that SQL (indicator_values_current_units)
 * can recompute a rate over merged communes from its parts. Synced with the indicator catalogue.
 */
export function syncIndicatorRatios(sqlite: SQLite.Database, ratios: readonly IndicatorRatio[]): void {
  const insert = sqlite.prepare(`INSERT OR REPLACE INTO indicator_ratios (rate_key, numerator_key, denominator_key) VALUES (?, ?, ?)`);
  sqlite.transaction(() => {
    sqlite.prepare(`DELETE FROM indicator_ratios`).run();
    for (const r of ratios) insert.run(r.rate, r.numerator, r.denominator);
  })();
}
