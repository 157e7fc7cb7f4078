import type { Generated } from 'kysely';

/**
 * The warehouse tables as kysely sees them. Table and column names are a contract with analysts
 * and other tools (docs/data-dictionary.md): add columns freely, never rename.
 * Booleans are 0/1 integers, dates ISO text (yyyy-mm-dd), timestamps ISO text in UTC.
 */
export interface RunsTable {
  id: string;
  pipeline: string;
  started_at: string;
  finished_at: string | null;
  /** 'crashed': the process died before it finished; the next run closed the row (migration 006). */
  status: 'running' | 'ok' | 'partial' | 'failed' | 'crashed';
  files_seen: number;
  files_loaded: number;
  files_skipped: number;
  files_rejected: number;
  observations: number;
  args: string | null;
  pid: number | null;
  host: string | null;
  conflicts: Generated<number>;
  /** Commune-periods reconciled, including those a crashed run had left. */
  reconciled: Generated<number>;
  /** What the run noticed about itself: a crashed run it finished, a WAL checkpoint a reader blocked. */
  note: string | null;
}

/** A file as the last run that loaded or skipped it saw it (migration 006): unchanged, it is not read again. */
export interface SourceFilesTable {
  path: string;
  size_bytes: number;
  mtime_ms: number;
  ctime_ms: number;
  inode: number;
  sha256: string;
  run_id: string;
  seen_at: string;
}

/** Fingerprints of what the warehouse was built from (migration 006), e.g. the indicator catalogue's hash. */
export interface WarehouseMetaTable {
  key: string;
  value: string;
}

/** Commune-periods whose documents changed and are not reconciled yet (migration 006). */
export interface PendingReconcileTable {
  commune_key: string;
  period_key: string;
  run_id: string;
  created_at: string;
}

/** Loaded documents whose bundle is not linked yet (migration 009). */
export interface PendingBundlesTable {
  document_sha256: string;
  run_id: string;
  created_at: string;
}

export interface DocumentsTable {
  sha256: string;
  path: string;
  file_name: string;
  format: string;
  kind: string;
  size_bytes: number;
  title: string | null;
  commune_code: string | null;
  commune_name: string | null;
  commune_candidates: string | null;
  period_key: string | null;
  stated_start: string | null;
  stated_end: string | null;
  is_estimate: number;
  status: 'loaded' | 'rejected';
  error: string | null;
  run_id: string;
  loaded_at: string;
  observation_count: number;
  /** From 004-communes: the era of `commune_code` ('pre2025' | 'post2025'); the same code may name a unit of each. */
  commune_era: 'pre2025' | 'post2025' | null;
  /** The report's own number ("125/BC-UBND") and date, when printed. */
  report_number: string | null;
  report_date: string | null;
  /** The report an appendix or export says it is attached to ("Kèm theo Báo cáo số …"). */
  attached_number: string | null;
  attached_date: string | null;
  /** The documents of one report share a key (the smallest sha256 among them); see `document_links`. */
  bundle_key: string | null;
}

export interface ObservationsTable {
  id: Generated<number>;
  document_sha256: string;
  run_id: string;
  seq: number;
  method: 'table' | 'narrative' | 'onestop';
  indicator_key: string | null;
  mapped: number;
  match: string | null;
  commune_code: string | null;
  commune_name: string | null;
  period_key: string | null;
  row_code: string | null;
  row_label: string | null;
  unit: string | null;
  raw_text: string;
  value_num: number | null;
  value_text: string | null;
  value_kind: string;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  warning: string | null;
  sheet: string | null;
  cell: string | null;
  page: number | null;
  x: number | null;
  y: number | null;
  line: number | null;
  quote: string | null;
  window_start: string | null;
  window_end: string | null;
  window_source: string | null;
  details: string | null;
}

export interface IndicatorsTable {
  key: string;
  code: string;
  name: string;
  section: string;
  parent_key: string | null;
  unit: string | null;
  value_type: string;
  aggregation: string;
  in_appendix: number;
  max_value: number | null;
  aliases: string;
  note: string | null;
}

/** Communes of both eras (004-communes): the key is (code, era), since a new unit reuses a predecessor's code. */
export interface CommunesTable {
  code: string;
  era: 'pre2025' | 'post2025';
  name: string;
  unit_type: string | null;
  /** Null after 2025: there is no district level any more. */
  district: string | null;
  province: string | null;
  /** For a pre-2025 unit, its main successor; null for post-2025 units. */
  new_code: string | null;
  new_name: string | null;
  new_province: string | null;
  /** JSON array of the codes across the reorganisation: successors of an old unit, predecessors of a new one. */
  counterparts: string;
}

/** Old → new unit, one row per pair (a split old unit has several rows, a merged new one too). */
export interface CommuneCrosswalkTable {
  old_code: string;
  new_code: string;
}

/** Why two documents belong to one report (004-communes); one row per pair, `document_sha256` < `linked_sha256`. */
export interface DocumentLinksTable {
  document_sha256: string;
  linked_sha256: string;
  reason: string;
  bundle_key: string;
}

export interface PeriodsTable {
  key: string;
  kind: string;
  number: number | null;
  year: number;
  start_date: string;
  end_date: string;
  reported_start: string | null;
  reported_end: string | null;
  is_estimate: number;
}

export interface IngestErrorsTable {
  id: Generated<number>;
  run_id: string;
  document_sha256: string | null;
  path: string;
  /** read, extract, normalize, load, reconcile (Stage, src/model/errors.ts); bundle for a bundle's warnings. */
  stage: string;
  /** Why it failed (ErrorCode, src/model/errors.ts; migration 008); NULL for a warning. */
  code: string | null;
  severity: 'error' | 'warning';
  location: string | null;
  message: string;
  created_at: string;
}

/** One-stop-shop dossiers (migration 002): no personal field; dates ISO, local to Asia/Ho_Chi_Minh. */
export interface DossiersTable {
  code: string;
  procedure: string | null;
  sector: string | null;
  unit_name: string | null;
  channel: 'direct' | 'online' | 'postal' | null;
  online_level: 'information' | 'partial' | 'full' | null;
  status: string;
  status_class: string;
  received_date: string;
  promised_date: string | null;
  finished_date: string | null;
  working_days: number | null;
  outcome: 'early' | 'on_time' | 'late' | 'in_progress' | 'excluded';
  paid_online: number | null;
  applicant_hmac: string | null;
  source_line: number | null;
  document_sha256: string;
  run_id: string;
}

export interface IndicatorValuesView {
  commune_code: string | null;
  commune_name: string | null;
  period_key: string;
  indicator_key: string;
  indicator_code: string;
  indicator_name: string;
  value_num: number | null;
  value_text: string | null;
  unit: string | null;
  status: string;
  source: string;
  /** From 003-reconcile: the chosen observation's row id and its stable "<sha256>#<seq>" reference. */
  chosen_observation_id: number | null;
  chosen_observation: string | null;
  rivals: string;
  rule: string;
  explanation: string;
  failed_checks: string;
  override_id: number | null;
  raw_text: string | null;
  quote: string | null;
  document_sha256: string | null;
  n_observations: number;
  commune_key: string;
  coverage_days: number | null;
  period_days: number | null;
  coverage: Coverage;
}

/**
 * From 005-coverage: `partial` when a one-stop figure's data covers fewer days of its counting window
 * (`coverage_days`) than the window has (`period_days`), `full`, or null for figures that are not counted.
 */
export type Coverage = 'partial' | 'full' | null;

/** One trusted value per commune × period × indicator (003-reconcile); rewritten by every reconciliation. */
export interface ReconciledValuesTable {
  commune_key: string;
  commune_code: string | null;
  commune_name: string | null;
  period_key: string;
  indicator_key: string;
  value_num: number | null;
  value_text: string | null;
  status: 'agreed' | 'single_source' | 'resolved' | 'unresolved' | 'overridden';
  chosen_document_sha256: string | null;
  chosen_seq: number | null;
  source: string;
  printed: string | null;
  /** JSON array of { value, printed, label, source, observation }. */
  rivals: string;
  rule: string;
  explanation: string;
  /** JSON array of check ids the chosen value breaks. */
  failed_checks: string;
  n_observations: number;
  override_id: number | null;
}

export interface ConflictsTable {
  /** Hash of the conflict's content: the same facts give the same id in every warehouse. */
  id: string;
  commune_key: string;
  commune_code: string | null;
  commune_name: string | null;
  period_key: string;
  /** JSON array of indicator keys. */
  indicators: string;
  rule: string;
  kind: string;
  severity: 'info' | 'minor' | 'major';
  verdict: string;
  /** JSON array of { indicator, value, printed, label, source, observation, quote }. */
  values_json: string;
  message: string;
  decision: string;
}

export interface OverridesTable {
  id: Generated<number>;
  commune_key: string;
  period_key: string;
  indicator_key: string;
  value_raw: string;
  value_num: number | null;
  value_text: string | null;
  reason: string;
  who: string;
  created_at: string;
  removed_at: string | null;
  removed_by: string | null;
  /** 007: the override that replaced this one (a second decision on the same cell). */
  superseded_by: number | null;
}

export interface PublishedValuesView {
  document_sha256: string;
  file_name: string;
  format: string;
  document_kind: string;
  title: string | null;
  is_estimate: number;
  document_period_key: string | null;
  observation_id: number;
  seq: number;
  method: string;
  commune_code: string | null;
  commune_name: string | null;
  period_key: string | null;
  indicator_key: string | null;
  indicator_code: string | null;
  indicator_name: string | null;
  unit: string | null;
  row_code: string | null;
  row_label: string | null;
  raw_text: string;
  value_num: number | null;
  value_text: string | null;
  value_kind: string;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  quote: string | null;
  sheet: string | null;
  cell: string | null;
  page: number | null;
  line: number | null;
  reconciled_value_num: number | null;
  reconciled_value_text: string | null;
  reconciled_status: string | null;
  is_chosen: number;
  coverage_days: number | null;
  period_days: number | null;
  coverage: Coverage;
}

/** 007: rate = numerator / denominator, from catalog/reconcile-rules.yaml. */
export interface IndicatorRatiosTable {
  rate_key: string;
  numerator_key: string;
  denominator_key: string;
}

/** 007: every value in today's (post-2025) units; docs/data-dictionary.md. */
export interface IndicatorValuesCurrentUnitsView {
  commune_code: string;
  commune_name: string | null;
  period_key: string;
  indicator_key: string;
  indicator_code: string;
  indicator_label: string | null;
  unit: string | null;
  value_num: number | null;
  method: 'sum' | 'recomputed' | 'as_reported';
  units_reported: number;
  units_total: number;
  coverage: string;
  units_with_value: number;
  reporting_codes: string;
}

export interface Database {
  runs: RunsTable;
  pending_reconcile: PendingReconcileTable;
  pending_bundles: PendingBundlesTable;
  source_files: SourceFilesTable;
  warehouse_meta: WarehouseMetaTable;
  documents: DocumentsTable;
  observations: ObservationsTable;
  indicators: IndicatorsTable;
  communes: CommunesTable;
  commune_crosswalk: CommuneCrosswalkTable;
  document_links: DocumentLinksTable;
  periods: PeriodsTable;
  ingest_errors: IngestErrorsTable;
  indicator_values: IndicatorValuesView;
  reconciled_values: ReconciledValuesTable;
  conflicts: ConflictsTable;
  overrides: OverridesTable;
  published_values: PublishedValuesView;
  dossiers: DossiersTable;
  indicator_ratios: IndicatorRatiosTable;
  indicator_labels: { key: string; label: string };
  code_labels: { domain: string; code: string; label: string };
  indicator_values_current_units: IndicatorValuesCurrentUnitsView;
}
