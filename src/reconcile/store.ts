import type SQLite from 'better-sqlite3';
import { prepareOnce } from '../warehouse/statements.js';
import type { ObservationsTable } from '../warehouse/schema.js';
import type { PrintedFraction } from './fraction.js';
import { stableJson } from './format.js';
import type { Conflict, Override, ReconObservation, ReconcileResult, ReconciledValue } from './types.js';

/**
 * The warehouse side of reconciliation: read the observations and overrides of a scope, and replace
 * the scope's reconciled values and conflicts in one transaction. A scope is one commune and one
 * year (every period of it), because the period checks compare the quarters with the half and the year.
 */
export interface Scope {
  readonly communeKey: string;
  /** "2024"; a period key that does not start with a year is its own scope. */
  readonly year: string;
}

export function scopeOf(communeKey: string, periodKey: string): Scope {
  return { communeKey, year: /^\d{4}/.exec(periodKey)?.[0] ?? periodKey };
}

/**
 * SQL for "the scope's periods": the year itself and every key that starts with "<year>-" (halves,
 * quarters, nine months), within a range the (commune, period) indexes answer; `LIKE '2024-%'` made
 * SQLite read every period of the commune. "<year>." is the first string after all of "<year>-…".
 */
const IN_YEAR = (column: string) => `(${column} >= ? AND ${column} < ? AND (${column} = ? OR ${column} >= ?))`;
const yearParams = (year: string) => [year, `${year}.`, year, `${year}-`] as const;

/** SQL for "this commune": by code, or by name while the code is unknown ("name:<name>"). */
function communeWhere(alias: string, key: string): { clause: string; param: string } {
  return key.startsWith('name:')
    ? { clause: `${alias}.commune_code IS NULL AND ${alias}.commune_name = ?`, param: key.slice(5) }
    : { clause: `${alias}.commune_code = ?`, param: key };
}

/**
 * An observation as the scope query returns it: the `observations` columns it selects (types from
 * the warehouse schema) plus the columns of its document, prefixed `d_`.
 */
type ObservationRow = Pick<
  ObservationsTable,
  | 'document_sha256' | 'seq' | 'method' | 'indicator_key' | 'commune_code' | 'commune_name' | 'period_key'
  | 'row_code' | 'row_label' | 'raw_text' | 'value_num' | 'value_text' | 'value_kind' | 'numerator'
  | 'denominator' | 'note' | 'quote' | 'sheet' | 'cell' | 'page' | 'line' | 'window_start' | 'window_end'
  | 'window_source' | 'details'
> & {
  id: number;
  coverage_days: number | null;
  period_days: number | null;
  fraction_from: PrintedFraction['from'] | null;
  fraction_text: string | null;
  fraction_scale: number | null;
  d_file_name: string;
  d_format: string;
  d_kind: string;
  d_title: string | null;
  d_commune_code: string | null;
  d_commune_name: string | null;
  d_period_key: string | null;
  d_is_estimate: number;
  d_stated_start: string | null;
  d_stated_end: string | null;
}

/** `details.doubtful` of an observation (JSON written by normalise from the figure's details). */
function isDoubtful(details: string | null): boolean {
  if (!details?.includes('doubtful')) return false;
  try {
    return (JSON.parse(details) as { doubtful?: unknown }).doubtful === true;
  } catch {
    return false;
  }
}

export function loadObservations(sqlite: SQLite.Database, scope: Scope): ReconObservation[] {
  const c = communeWhere('o', scope.communeKey);
  const rows = prepareOnce(
    sqlite,
      `SELECT o.id, o.document_sha256, o.seq, o.method, o.indicator_key, o.commune_code, o.commune_name, o.period_key,
              o.row_code, o.row_label, o.raw_text, o.value_num, o.value_text, o.value_kind, o.numerator, o.denominator,
              o.note, o.quote, o.sheet, o.cell, o.page, o.line, o.window_start, o.window_end, o.window_source, o.details,
              json_extract(o.details, '$.coverage_days') AS coverage_days, json_extract(o.details, '$.period_days') AS period_days,
              json_extract(o.details, '$.fraction.from') AS fraction_from, json_extract(o.details, '$.fraction.text') AS fraction_text,
              json_extract(o.details, '$.fraction.scale') AS fraction_scale,
              d.file_name AS d_file_name, d.format AS d_format, d.kind AS d_kind, d.title AS d_title,
              d.commune_code AS d_commune_code, d.commune_name AS d_commune_name, d.period_key AS d_period_key,
              d.is_estimate AS d_is_estimate, d.stated_start AS d_stated_start, d.stated_end AS d_stated_end
       FROM observations o JOIN documents d ON d.sha256 = o.document_sha256
       WHERE d.status = 'loaded' AND ${c.clause} AND ${IN_YEAR('o.period_key')}
       ORDER BY o.document_sha256, o.seq`,
  ).all(c.param, ...yearParams(scope.year)) as ObservationRow[];
  return rows.map((r) => ({
    rowId: r.id,
    documentSha256: r.document_sha256,
    seq: r.seq,
    method: r.method,
    indicatorKey: r.indicator_key,
    communeCode: r.commune_code,
    communeName: r.commune_name,
    periodKey: r.period_key,
    rowCode: r.row_code,
    rowLabel: r.row_label,
    rawText: r.raw_text,
    valueNum: r.value_num,
    valueText: r.value_text,
    valueKind: r.value_kind,
    numerator: r.numerator,
    denominator: r.denominator,
    note: r.note,
    quote: r.quote,
    location: r.sheet && r.cell ? `!${r.sheet}!${r.cell}` : r.page ? ` p.${r.page}` : r.line ? ` line ${r.line}` : null,
    windowEnd: r.window_end,
    windowStart: r.window_start,
    windowSource: r.window_source,
    doubtful: isDoubtful(r.details),
    coverageDays: r.coverage_days,
    periodDays: r.period_days,
    ...(r.fraction_from && r.fraction_text ? { fraction: { from: r.fraction_from, text: r.fraction_text, scale: r.fraction_scale ?? 1 } } : {}),
    document: {
      sha256: r.document_sha256,
      fileName: r.d_file_name,
      format: r.d_format,
      kind: r.d_kind,
      title: r.d_title,
      communeKey: r.d_commune_code ?? (r.d_commune_name ? `name:${r.d_commune_name}` : null),
      periodKey: r.d_period_key,
      isEstimate: r.d_is_estimate === 1,
      statedEnd: r.d_stated_end,
      statedStart: r.d_stated_start,
    },
  }));
}

interface OverrideRow {
  id: number;
  commune_key: string;
  period_key: string;
  indicator_key: string;
  value_raw: string;
  value_num: number | null;
  value_text: string | null;
  reason: string;
  who: string;
  created_at: string;
}

export function loadOverrides(sqlite: SQLite.Database, scope: Scope): Override[] {
  const rows = prepareOnce(
    sqlite,
      `SELECT id, commune_key, period_key, indicator_key, value_raw, value_num, value_text, reason, who, created_at
       FROM overrides WHERE removed_at IS NULL AND commune_key = ? AND ${IN_YEAR('period_key')} ORDER BY id`,
  ).all(scope.communeKey, ...yearParams(scope.year)) as OverrideRow[];
  return rows.map((r) => ({
    id: r.id,
    communeKey: r.commune_key,
    periodKey: r.period_key,
    indicatorKey: r.indicator_key,
    valueNum: r.value_num,
    valueText: r.value_text,
    rawValue: r.value_raw,
    reason: r.reason,
    who: r.who,
    when: r.created_at,
  }));
}

/** Every scope the warehouse holds figures or decisions for. */
export function allScopes(sqlite: SQLite.Database): Scope[] {
  const rows = sqlite
    .prepare(
      `SELECT DISTINCT COALESCE(o.commune_code, 'name:' || o.commune_name) AS commune_key, o.period_key
       FROM observations o JOIN documents d ON d.sha256 = o.document_sha256
       WHERE d.status = 'loaded' AND o.period_key IS NOT NULL AND COALESCE(o.commune_code, o.commune_name) IS NOT NULL
       UNION SELECT commune_key, period_key FROM overrides WHERE removed_at IS NULL`,
    )
    .all() as { commune_key: string; period_key: string }[];
  return uniqueScopes(rows.map((r) => scopeOf(r.commune_key, r.period_key)));
}

export function uniqueScopes(scopes: readonly Scope[]): Scope[] {
  const map = new Map<string, Scope>();
  for (const s of scopes) map.set(`${s.communeKey}\u0000${s.year}`, s);
  return [...map.keys()].sort().map((k) => map.get(k)!);
}

function inScope(scope: Scope, communeKey: string, periodKey: string): boolean {
  return communeKey === scope.communeKey && (periodKey === scope.year || periodKey.startsWith(`${scope.year}-`));
}

/**
 * A scope's reconciled rows as they are written: plain data, so that reconciliation can run in a
 * worker thread and hand the writer only what it must store.
 */
export interface ScopeRows {
  readonly scope: Scope;
  readonly values: readonly ReturnType<typeof valueRow>[];
  readonly conflicts: readonly ReturnType<typeof conflictRow>[];
}

/** The rows of a reconciliation result that belong to the scope (a document restating another year is reconciled there). */
export function scopeRows(scope: Scope, result: ReconcileResult): ScopeRows {
  return {
    scope,
    values: result.values.filter((v) => inScope(scope, v.communeKey, v.periodKey)).map(valueRow),
    conflicts: result.conflicts.filter((c) => inScope(scope, c.communeKey, c.periodKey)).map(conflictRow),
  };
}

const DELETE_VALUES = `DELETE FROM reconciled_values WHERE commune_key = ? AND ${IN_YEAR('period_key')}`;
const DELETE_CONFLICTS = `DELETE FROM conflicts WHERE commune_key = ? AND ${IN_YEAR('period_key')}`;
const INSERT_VALUE = `INSERT INTO reconciled_values (commune_key, commune_code, commune_name, period_key, indicator_key, value_num, value_text,
       status, chosen_document_sha256, chosen_seq, source, printed, rivals, rule, explanation, failed_checks, n_observations, override_id)
     VALUES (@commune_key, @commune_code, @commune_name, @period_key, @indicator_key, @value_num, @value_text,
       @status, @chosen_document_sha256, @chosen_seq, @source, @printed, @rivals, @rule, @explanation, @failed_checks, @n_observations, @override_id)`;
// A conflict seen from two scopes (a document restating another year) is the same row.
const INSERT_CONFLICT = `INSERT OR REPLACE INTO conflicts (id, commune_key, commune_code, commune_name, period_key, indicators, rule, kind, severity,
       verdict, values_json, message, decision)
     VALUES (@id, @commune_key, @commune_code, @commune_name, @period_key, @indicators, @rule, @kind, @severity,
       @verdict, @values_json, @message, @decision)`;

/** Replaces the scope's reconciled values and conflicts. Call inside a transaction. */
export function writeScope(sqlite: SQLite.Database, scope: Scope, result: ReconcileResult): void {
  writeScopeRows(sqlite, scopeRows(scope, result));
}

/** Replaces the scope's reconciled values and conflicts with rows made elsewhere. Call inside a transaction. */
export function writeScopeRows(sqlite: SQLite.Database, rows: ScopeRows): void {
  const { scope } = rows;
  const args = [scope.communeKey, ...yearParams(scope.year)];
  prepareOnce(sqlite, DELETE_VALUES).run(...args);
  prepareOnce(sqlite, DELETE_CONFLICTS).run(...args);
  const insertValue = prepareOnce(sqlite, INSERT_VALUE);
  const insertConflict = prepareOnce(sqlite, INSERT_CONFLICT);
  for (const v of rows.values) insertValue.run(v);
  for (const c of rows.conflicts) insertConflict.run(c);
}

function valueRow(v: ReconciledValue) {
  const [sha, seq] = v.chosenObservation ? v.chosenObservation.split('#') : [null, null];
  return {
    commune_key: v.communeKey,
    commune_code: v.communeCode,
    commune_name: v.communeName,
    period_key: v.periodKey,
    indicator_key: v.indicatorKey,
    value_num: v.valueNum,
    value_text: v.valueText,
    status: v.status,
    chosen_document_sha256: sha ?? null,
    chosen_seq: seq === null || seq === undefined ? null : Number(seq),
    source: v.source,
    printed: v.printed,
    rivals: stableJson(v.rivals),
    rule: v.rule,
    explanation: v.explanation,
    failed_checks: stableJson(v.failedChecks),
    n_observations: v.observations,
    override_id: v.overrideId,
  };
}

function conflictRow(c: Conflict) {
  return {
    id: c.id,
    commune_key: c.communeKey,
    commune_code: c.communeCode,
    commune_name: c.communeName,
    period_key: c.periodKey,
    indicators: stableJson(c.indicators),
    rule: c.rule,
    kind: c.kind,
    severity: c.severity,
    verdict: c.verdict,
    values_json: stableJson(c.values),
    message: c.message,
    decision: c.decision,
  };
}
