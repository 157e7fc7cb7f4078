import type SQLite from 'better-sqlite3';

// Catalogue facts SQL needs, copied into the warehouse whenever the catalogue is synced.

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

/** Replaces `code_labels` with catalog/labels.yaml's codes: SQL users join it beside a coded column. */
export function syncCodeLabels(sqlite: SQLite.Database, codes: Readonly<Record<string, Readonly<Record<string, string>>>>): void {
  const insert = sqlite.prepare(`INSERT INTO code_labels (domain, code, label) VALUES (?, ?, ?)`);
  sqlite.transaction(() => {
    sqlite.prepare(`DELETE FROM code_labels`).run();
    for (const [domain, texts] of Object.entries(codes)) for (const [code, label] of Object.entries(texts)) insert.run(domain, code, label);
  })();
}
