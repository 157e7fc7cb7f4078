import type { Warehouse } from '../warehouse/index.js';
import { reconcile } from './reconcile.js';
import { reconcileRules, withOverrides, type RuleOverrides } from './rules.js';
import { allScopes, loadObservations, loadOverrides, scopeOf, uniqueScopes, writeScope, type Scope } from './store.js';

export { reconcile, type ReconcileOptions } from './reconcile.js';
export { compileRules, reconcileRules, withOverrides, RulesFile, type RuleOverrides, type Rules } from './rules.js';
export { classifyRatio, printedDecimals, type RatioVerdict } from './precision.js';
export type * from './types.js';

/** A commune × period whose observations changed in this run. */
export interface TouchedKey {
  /** The commune code, or "name:<name>" while the code is unknown. */
  readonly communeKey: string;
  readonly periodKey: string;
}

/** Settings from the pipeline config. */
export type ReconcileSettings = RuleOverrides;

/**
 * Re-reconciles the touched commune-periods: each commune's whole year is read again (the period
 * checks need its quarters, halves and year together), reconciled, and its rows replaced in one
 * transaction, so analysts never see half a commune. Overrides live in their own table and are
 * applied on every run.
 */
export async function reconcileTouched(wh: Warehouse, touched: readonly TouchedKey[], settings?: ReconcileSettings): Promise<void> {
  runScopes(wh, uniqueScopes(touched.map((t) => scopeOf(t.communeKey, t.periodKey))), settings);
}

/** Reconciles everything the warehouse holds (after a rules change, or to rebuild). */
export async function reconcileAll(wh: Warehouse, settings?: ReconcileSettings): Promise<void> {
  const scopes = allScopes(wh.sqlite);
  wh.sqlite.transaction(() => {
    // Scopes that no longer have figures (a document removed) must not keep stale rows.
    wh.sqlite.exec('DELETE FROM reconciled_values; DELETE FROM conflicts;');
    runScopesInline(wh, scopes, settings);
  })();
}

function runScopes(wh: Warehouse, scopes: readonly Scope[], settings: ReconcileSettings | undefined): void {
  if (!scopes.length) return;
  wh.sqlite.transaction(() => runScopesInline(wh, scopes, settings))();
}

function runScopesInline(wh: Warehouse, scopes: readonly Scope[], settings: ReconcileSettings | undefined): void {
  const rules = withOverrides(reconcileRules(), settings);
  for (const scope of scopes) {
    const result = reconcile(loadObservations(wh.sqlite, scope), rules, loadOverrides(wh.sqlite, scope));
    writeScope(wh.sqlite, scope, result);
  }
}
