import type { Warehouse } from '../warehouse/index.js';

/** What the report covers: commune keys (none: all) and a range of years. */
export interface ReportScope {
  readonly communes?: readonly string[] | undefined;
  readonly fromYear?: number | undefined;
  readonly toYear?: number | undefined;
}

/** A WHERE fragment for a commune-key column and a period-key column, with its parameters. */
function scopeWhere(scope: ReportScope, communeExpr: string, periodExpr: string): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (scope.communes) {
    parts.push(`${communeExpr} IN (${scope.communes.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...scope.communes);
  }
  if (scope.fromYear !== undefined) {
    parts.push(`CAST(substr(${periodExpr}, 1, 4) AS INTEGER) >= ?`);
    params.push(scope.fromYear);
  }
  if (scope.toYear !== undefined) {
    parts.push(`CAST(substr(${periodExpr}, 1, 4) AS INTEGER) <= ?`);
    params.push(scope.toYear);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

export interface DocumentCell {
  readonly communeKey: string | null;
  readonly communeName: string | null;
  readonly periodKey: string | null;
  readonly fileName: string;
  readonly kind: string;
  readonly format: string;
  readonly status: 'loaded' | 'rejected';
  readonly error: string | null;
}

/** Every document that arrived in scope, loaded or rejected; rejected ones may lack a commune or period. */
export function documents(wh: Warehouse, scope: ReportScope): DocumentCell[] {
  const key = `COALESCE(commune_code, 'name:' || commune_name)`;
  const w = scopeWhere(scope, key, 'period_key');
  // A rejected file whose commune or period could not be read still belongs on the page.
  return wh.sqlite
    .prepare(
      `SELECT ${key} AS communeKey, commune_name AS communeName, period_key AS periodKey, file_name AS fileName, kind, format, status, error
       FROM documents WHERE (${w.sql}) OR (status = 'rejected' AND (commune_code IS NULL AND commune_name IS NULL OR period_key IS NULL))
       ORDER BY communeKey, periodKey, fileName`,
    )
    .all(...w.params) as DocumentCell[];
}

/** Communes of the scope the registry rows name, so that one that sent nothing still gets a row. */
export function scopedCommunes(wh: Warehouse, scope: ReportScope): { key: string; name: string }[] {
  if (!scope.communes) return [];
  const rows = wh.sqlite.prepare(`SELECT code, name FROM communes`).all() as { code: string; name: string }[];
  const names = new Map(rows.map((r) => [r.code, r.name]));
  return scope.communes.map((key) => ({ key, name: names.get(key) ?? key.replace(/^name:/, '') }));
}

export interface ConflictRow {
  readonly id: string;
  readonly communeKey: string;
  readonly communeName: string | null;
  readonly periodKey: string;
  readonly rule: string;
  readonly kind: string;
  readonly severity: 'info' | 'minor' | 'major';
  readonly verdict: string;
  readonly message: string;
  readonly decision: string;
  readonly values: readonly { indicator?: string; value?: unknown; printed?: string; label?: string; source?: string; quote?: string | null }[];
}

export function conflicts(wh: Warehouse, scope: ReportScope): ConflictRow[] {
  const w = scopeWhere(scope, 'commune_key', 'period_key');
  const rows = wh.sqlite
    .prepare(
      `SELECT id, commune_key AS communeKey, commune_name AS communeName, period_key AS periodKey, rule, kind, severity, verdict, message, decision, values_json
       FROM conflicts WHERE ${w.sql}
       ORDER BY CASE severity WHEN 'major' THEN 0 WHEN 'minor' THEN 1 ELSE 2 END, kind, rule, commune_key, period_key, id`,
    )
    .all(...w.params) as (Omit<ConflictRow, 'values'> & { values_json: string })[];
  return rows.map(({ values_json, ...r }) => ({ ...r, values: JSON.parse(values_json) as ConflictRow['values'] }));
}

export interface UnmappedRow {
  readonly method: string;
  readonly rowCode: string | null;
  readonly rowLabel: string | null;
  readonly seen: number;
  readonly example: string;
  readonly file: string;
}

export function unmapped(wh: Warehouse, scope: ReportScope, limit = 100): UnmappedRow[] {
  const w = scopeWhere(scope, `COALESCE(o.commune_code, 'name:' || o.commune_name)`, 'o.period_key');
  return wh.sqlite
    .prepare(
      `SELECT o.method, o.row_code AS rowCode, o.row_label AS rowLabel, COUNT(*) AS seen, MIN(o.raw_text) AS example, MIN(d.file_name) AS file
       FROM observations o JOIN documents d ON d.sha256 = o.document_sha256
       WHERE o.mapped = 0 AND d.status = 'loaded' AND ${w.sql}
       GROUP BY o.method, o.row_code, o.row_label ORDER BY seen DESC, o.row_label LIMIT ?`,
    )
    .all(...w.params, limit) as UnmappedRow[];
}

export interface SeriesPoint {
  readonly communeKey: string;
  readonly communeName: string;
  readonly periodKey: string;
  readonly indicatorKey: string;
  readonly value: number;
}

/** Reconciled values of the given indicators and of the parts of those that are rates. */
export function series(wh: Warehouse, scope: ReportScope, indicators: readonly string[]): SeriesPoint[] {
  const w = scopeWhere(scope, 'v.commune_key', 'v.period_key');
  const keys = [...new Set([...indicators, ...ratioParts(wh, indicators).flatMap((r) => [r.numerator, r.denominator])])];
  return wh.sqlite
    .prepare(
      `SELECT v.commune_key AS communeKey, COALESCE(v.commune_name, v.commune_key) AS communeName, v.period_key AS periodKey,
              v.indicator_key AS indicatorKey, v.value_num AS value
       FROM indicator_values v WHERE v.value_num IS NOT NULL AND v.indicator_key IN (${keys.map(() => '?').join(', ')}) AND ${w.sql}
       ORDER BY v.period_key, v.commune_key`,
    )
    .all(...keys, ...w.params) as SeriesPoint[];
}

export function ratioParts(wh: Warehouse, rates: readonly string[]): { rate: string; numerator: string; denominator: string }[] {
  if (!rates.length) return [];
  return wh.sqlite
    .prepare(`SELECT rate_key AS rate, numerator_key AS numerator, denominator_key AS denominator FROM indicator_ratios WHERE rate_key IN (${rates.map(() => '?').join(', ')})`)
    .all(...rates) as { rate: string; numerator: string; denominator: string }[];
}
