/**
 * What `cchc export` can write: warehouse views and tables analysts ask for, each as one SELECT with
 * the filters it understands. Columns come from the warehouse itself (`SELECT v.*`), so a column a
 * migration adds is exported without a change here; Vietnamese text for coded columns is added beside
 * them (`status` → `status_vi`, catalog/labels.yaml).
 */
export const EXPORT_VIEWS = ['indicator_values', 'published_values', 'conflicts', 'dossiers', 'observations'] as const;
export type ExportView = (typeof EXPORT_VIEWS)[number];

/** Filters already resolved to warehouse keys (see filters.ts). */
export interface ExportFilters {
  /** Commune keys (`02035`, or `name:<printed name>` for unresolved communes). */
  readonly communes?: readonly string[] | undefined;
  readonly period?: { readonly key: string; readonly start: string; readonly end: string } | undefined;
  readonly indicator?: string | undefined;
}

interface ViewDefinition {
  readonly from: string;
  readonly select: string;
  /** SQL expressions the filters compare with; absent when the filter does not apply. */
  readonly commune?: string;
  readonly period?: string;
  /** A condition on `?` (the indicator key). */
  readonly indicator?: string;
  /** A condition on two `?` (the period's first and last day), for rows dated by day. */
  readonly periodRange?: string;
  readonly orderBy?: string;
  /** `<column>_vi` columns: the coded column they translate and its domain in catalog/labels.yaml. */
  readonly labels: Readonly<Record<string, readonly [column: string, domain: string]>>;
}

/** Rows that are observations (as loaded, or beside their reconciled value): keyed like observations. */
function observationRows(table: string): Pick<ViewDefinition, 'from' | 'select' | 'commune' | 'period' | 'indicator'> {
  return {
    from: `${table} v LEFT JOIN indicator_labels l ON l.key = v.indicator_key`,
    select: `v.*, l.label AS indicator_label`,
    commune: `COALESCE(v.commune_code, 'name:' || v.commune_name)`,
    period: 'v.period_key',
    indicator: 'v.indicator_key = ?',
  };
}

const DEFINITIONS: Record<ExportView, ViewDefinition> = {
  indicator_values: {
    from: `indicator_values v LEFT JOIN indicator_labels l ON l.key = v.indicator_key`,
    select: `v.*, l.label AS indicator_label`,
    commune: 'v.commune_key',
    period: 'v.period_key',
    indicator: 'v.indicator_key = ?',
    orderBy: 'v.commune_key, v.period_key, v.indicator_key',
    labels: { status_vi: ['status', 'status'], rule_vi: ['rule', 'rule'], source_vi: ['source', 'source'] },
  },
  published_values: {
    ...observationRows('published_values'),
    orderBy: 'v.document_sha256, v.seq',
    labels: { method_vi: ['method', 'method'], reconciled_status_vi: ['reconciled_status', 'status'] },
  },
  observations: { ...observationRows('observations'), orderBy: 'v.id', labels: { method_vi: ['method', 'method'] } },
  conflicts: {
    from: 'conflicts v',
    select: 'v.*',
    commune: 'v.commune_key',
    period: 'v.period_key',
    indicator: 'EXISTS (SELECT 1 FROM json_each(v.indicators) WHERE json_each.value = ?)',
    orderBy: `v.commune_key, v.period_key, CASE v.severity WHEN 'major' THEN 0 WHEN 'minor' THEN 1 ELSE 2 END, v.kind, v.rule, v.id`,
    labels: { severity_vi: ['severity', 'severity'], kind_vi: ['kind', 'kind'], verdict_vi: ['verdict', 'verdict'], rule_vi: ['rule', 'rule'] },
  },
  dossiers: {
    // A dossier's commune is that of the export it came from; its period, the day it was received.
    from: 'dossiers v JOIN documents d ON d.sha256 = v.document_sha256',
    select: 'v.*, d.commune_code, d.commune_name',
    commune: `COALESCE(d.commune_code, 'name:' || d.commune_name)`,
    periodRange: 'v.received_date BETWEEN ? AND ?',
    labels: { channel_vi: ['channel', 'channel'], online_level_vi: ['online_level', 'online_level'], outcome_vi: ['outcome', 'outcome'] },
  },
};

export interface ExportQuery {
  readonly sql: string;
  readonly params: readonly unknown[];
  readonly labels: ViewDefinition['labels'];
}

/** The SELECT for a view and filters; throws when a filter does not apply to the view. */
export function exportQuery(view: ExportView, filters: ExportFilters): ExportQuery {
  const def = DEFINITIONS[view];
  const where: string[] = [];
  const params: unknown[] = [];
  if (filters.communes) {
    if (!def.commune) throw new Error(`--commune does not apply to ${view}`);
    where.push(`${def.commune} IN (${filters.communes.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...filters.communes);
  }
  if (filters.period) {
    if (def.period) {
      where.push(`${def.period} = ?`);
      params.push(filters.period.key);
    } else if (def.periodRange) {
      where.push(def.periodRange);
      params.push(filters.period.start, filters.period.end);
    } else throw new Error(`--period does not apply to ${view}`);
  }
  if (filters.indicator) {
    if (!def.indicator) throw new Error(`--indicator does not apply to ${view}`);
    where.push(def.indicator);
    params.push(filters.indicator);
  }
  const sql = `SELECT ${def.select} FROM ${def.from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}${def.orderBy ? ` ORDER BY ${def.orderBy}` : ''}`;
  return { sql, params, labels: def.labels };
}
