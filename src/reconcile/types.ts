import type { Severity } from './rules.js';

/** The document an observation came from, as far as reconciliation cares. */
export interface ReconDocument {
  readonly sha256: string;
  readonly fileName: string;
  readonly format: string;
  readonly kind: string;
  readonly title: string | null;
  /** The commune and period the document as a whole reports on (its own key, not the figure's). */
  readonly communeKey: string | null;
  readonly periodKey: string | null;
  readonly isEstimate: boolean;
  readonly statedEnd: string | null;
  /** Start of the window the report states ("từ ngày 01/12/2023"), when known. */
  readonly statedStart?: string | null | undefined;
}

/**
 * One figure as the warehouse holds it. `documentSha256` + `seq` identify it stably across
 * warehouses; the row id is carried for display only and never orders anything.
 */
export interface ReconObservation {
  readonly rowId?: number | undefined;
  readonly documentSha256: string;
  readonly seq: number;
  readonly method: 'table' | 'narrative' | 'onestop';
  readonly indicatorKey: string | null;
  readonly communeCode: string | null;
  readonly communeName: string | null;
  readonly periodKey: string | null;
  readonly rowCode: string | null;
  readonly rowLabel: string | null;
  readonly rawText: string;
  readonly valueNum: number | null;
  readonly valueText: string | null;
  readonly valueKind: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly note: string | null;
  readonly quote: string | null;
  /** "Sheet1!C12", "p.3", "line 14": where in the document. */
  readonly location: string | null;
  /** End of the data window the figure was computed over (one-stop derivations), when known. */
  readonly windowEnd?: string | null | undefined;
  /** Start of that window, when known. */
  readonly windowStart?: string | null | undefined;
  /** How the window was set: regulation (Nghị định 09) | stated (the report's own) | form (printed on Biểu 06). */
  readonly windowSource?: string | null | undefined;
  /** The extractor's reading of the figure is doubtful (`details.doubtful`: several numbers in one cell). */
  readonly doubtful?: boolean | undefined;
  /** Days of that window the figure's data covers, and the window's length (one-stop figures; 005-coverage). */
  readonly coverageDays?: number | null | undefined;
  readonly periodDays?: number | null | undefined;
  /**
   * Where normalise read `numerator`/`denominator` of a rate (`details.fraction`): its own cell, its
   * note or its sentence, the text they were read from, and the money scale they were printed in.
   */
  readonly fraction?: { readonly from: 'columns' | 'note' | 'quote'; readonly text: string; readonly scale: number } | undefined;
  readonly document: ReconDocument;
}

/** An analyst's decision for one commune × period × indicator. */
export interface Override {
  readonly id: number;
  readonly communeKey: string;
  readonly periodKey: string;
  readonly indicatorKey: string;
  readonly valueNum: number | null;
  readonly valueText: string | null;
  readonly rawValue: string;
  readonly reason: string;
  readonly who: string;
  readonly when: string;
}

export type ValueStatus = 'agreed' | 'single_source' | 'resolved' | 'unresolved' | 'overridden';

/** The data window a figure was counted over (one-stop derivations). */
export interface FigureWindow {
  /** regulation | stated | form, or null when the warehouse does not say. */
  readonly source: string | null;
  readonly start: string | null;
  readonly end: string;
}

/** A competing figure shown beside the chosen one. */
export interface Rival {
  readonly value: number | string | null;
  readonly printed: string;
  readonly label: string;
  readonly source: string;
  readonly observation: string;
  /** Only for a one-stop figure counted over another window than the reports state: that window. */
  readonly window?: FigureWindow;
  /** 'window': the figure differs only because it covers another window; it was not a candidate. */
  readonly cause?: 'window';
}

export interface ReconciledValue {
  readonly communeKey: string;
  readonly communeCode: string | null;
  readonly communeName: string | null;
  readonly periodKey: string;
  readonly indicatorKey: string;
  readonly valueNum: number | null;
  readonly valueText: string | null;
  readonly status: ValueStatus;
  /** Stable reference "<document sha256>#<seq>" of the chosen observation; null for an override without one. */
  readonly chosenObservation: string | null;
  readonly source: string;
  /** The chosen figure as printed (a value read off a fraction shows the fraction). */
  readonly printed: string | null;
  readonly rivals: readonly Rival[];
  /** What decided: agreed | single_source | evidence:<check> | supersede_estimate | independent_votes | precedence | unresolved | override:<id>. */
  readonly rule: string;
  readonly explanation: string;
  /** Checks the chosen value breaks (major and minor). */
  readonly failedChecks: readonly string[];
  /** How many figures stated this indicator (a rate's printed fraction counts for its parts). */
  readonly observations: number;
  readonly overrideId: number | null;
}

export interface ConflictValue {
  readonly indicator: string;
  readonly value: number | string | null;
  readonly printed: string;
  /** The source's label from the rules catalogue ("Bảng phụ lục (Excel)", "Thuyết minh"). */
  readonly label: string;
  readonly source: string;
  readonly observation: string | null;
  readonly quote: string | null;
  /** The window a one-stop figure was counted over (window conflicts only). */
  readonly window?: FigureWindow;
}

export type ConflictKind = 'ratio' | 'printed_fraction' | 'sum' | 'bounds' | 'cross_source' | 'period' | 'estimate' | 'structure' | 'window';

export interface Conflict {
  /** A hash of what the conflict is about: stable whatever the order of ingestion. */
  readonly id: string;
  readonly communeKey: string;
  readonly communeCode: string | null;
  readonly communeName: string | null;
  readonly periodKey: string;
  readonly indicators: readonly string[];
  readonly rule: string;
  readonly kind: ConflictKind;
  readonly severity: Severity;
  /** mismatch | truncation | rounding | differ | superseded | duplicate_code | missing_code | … */
  readonly verdict: string;
  readonly values: readonly ConflictValue[];
  readonly message: string;
  readonly decision: string;
}

export interface ReconcileResult {
  readonly values: readonly ReconciledValue[];
  readonly conflicts: readonly Conflict[];
}
