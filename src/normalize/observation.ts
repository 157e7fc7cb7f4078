/**
 * An observation ready for the warehouse: one figure as found, mapped or unmapped, with its parsed
 * value, provenance and scope. Field names are the `observations` columns.
 */
export interface ObservationRow {
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
