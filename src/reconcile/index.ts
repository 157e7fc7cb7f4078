import type { Warehouse } from '../warehouse/index.js';
import { reconcile } from './reconcile.js';
import { reconcileRules, withOverrides, type RuleOverrides, type Rules } from './rules.js';
import { type Scope, type ScopeRows, allScopes, loadObservations, loadOverrides, scopeOf, scopeRows, uniqueScopes, writeScopeRows } from './store.js';

export { reconcile, type ReconcileOptions } from './reconcile.js';
export { compileRules, reconcileRules, withOverrides, RulesFile, type RuleOverrides, type Rules } from './rules.js';
export { classifyRatio, printedDecimals, type RatioVerdict } from './precision.js';
export type * from './types.js';
export type { Scope, ScopeRows } from './store.js';

/** A commune × period whose observations changed in this run. */
export interface TouchedKey {
  /** The commune code, or "name:<name>" while the code is unknown. */
  readonly communeKey: string;
  readonly periodKey: string;
}

/** Settings from the pipeline config. */
export type ReconcileSettings = RuleOverrides;

/**
 * Reconciles commune-years elsewhere (worker threads with read-only connections of their own on the
 * warehouse at `dbPath`): reads each scope's observations and overrides there, reconciles, and hands
 * back the rows to write.
 */
export type ScopeReconciler = (dbPath: string, scopes: readonly Scope[], settings: ReconcileSettings | undefined) => Promise<ScopeRows[]>;

/**
 * Re-reconciles the touched commune-periods: each commune's whole year is read again (the period
 * checks need its quarters, halves and year together), reconciled, and its rows replaced in one
 * transaction, so analysts never see half a commune. Overrides live in their own table and are
 * applied on every run.
 *
 * With `compute`, the reading and reconciling happen off this thread, from what is committed when it
 * is called; this thread only writes the rows. Guarded: if another connection committed anything in
 * the meantime (an analyst's override), the rows may be stale, and every scope is reconciled again
 * here, under the write lock, as without `compute`.
 */
export async function reconcileTouched(wh: Warehouse, touched: readonly TouchedKey[], settings?: ReconcileSettings, compute?: ScopeReconciler): Promise<void> {
  const scopes = uniqueScopes(touched.map((t) => scopeOf(t.communeKey, t.periodKey)));
  if (!scopes.length) return;
  if (!compute || wh.path === ':memory:' || wh.sqlite.inTransaction) {
    runScopes(wh, scopes, settings);
    return;
  }
  const version = dataVersion(wh);
  // Threads that could not do it (the warehouse not readable there) leave it to this one; a bug in
  // reconciliation itself fails here the same way.
  const rows = await compute(wh.path, scopes, settings).catch(() => undefined);
  wh.sqlite
    .transaction(() => {
      if (!rows || dataVersion(wh) !== version || rows.length !== scopes.length) runScopesInline(wh, scopes, settings);
      else for (const r of rows) writeScopeRows(wh.sqlite, r);
    })
    .immediate();
}

/** Changes whenever another connection commits to the warehouse (never for this connection's own commits). */
const dataVersion = (wh: Warehouse) => wh.sqlite.pragma('data_version', { simple: true }) as number;

/** A scope reconciled from what the connection reads: its rows to write. */
export function reconcileScope(sqlite: Warehouse['sqlite'], scope: Scope, rules: Rules): ScopeRows {
  return scopeRows(scope, reconcile(loadObservations(sqlite, scope), rules, loadOverrides(sqlite, scope)));
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
  for (const scope of scopes) writeScopeRows(wh.sqlite, reconcileScope(wh.sqlite, scope, rules));
}
