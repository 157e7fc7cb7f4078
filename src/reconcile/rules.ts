import { z } from 'zod';
import { indicatorCatalogue, loadCatalog, type IndicatorCatalogue } from '../catalog/index.js';

export const Severity = z.enum(['info', 'minor', 'major']);
export type Severity = z.infer<typeof Severity>;

const SourceEntry = z
  .object({
    id: z.string().min(1),
    method: z.enum(['table', 'narrative', 'onestop']).optional(),
    format: z.string().optional(),
    kind: z.enum(['report', 'onestop']).optional(),
    label: z.string().min(1),
  })
  .strict();

const Check = z.object({ check: z.string().min(1), severity: Severity.default('major') }).strict();
const PeriodToken = z.enum(['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2', '9M', 'Y']);
export type PeriodToken = z.infer<typeof PeriodToken>;

export const DecideStep = z.enum(['evidence', 'supersede_estimate', 'independent_votes', 'precedence']);
export type DecideStep = z.infer<typeof DecideStep>;
export const FamilyField = z.enum(['kind', 'commune', 'period', 'title']);
export type FamilyField = z.infer<typeof FamilyField>;

const MESSAGE_KEYS = [
  'sources_joiner', 'reason_joiner', 'agreed', 'single_source', 'evidence', 'evidence_tie', 'supersede_estimate',
  'independent_votes', 'precedence', 'unresolved', 'overridden', 'failed', 'ratio_ok', 'ratio_truncation',
  'ratio_rounding', 'ratio_wrong', 'sum_wrong', 'sum_at_least_wrong', 'bounds_negative', 'bounds_not_whole',
  'bounds_over_max', 'cross_source', 'period_sum', 'period_cumulative', 'estimate_superseded',
  'duplicate_code', 'missing_code', 'decision_chosen', 'decision_flag', 'decision_info', 'decision_other',
  'window_regulation', 'window_stated', 'window_form', 'window_unknown', 'window_label', 'window_differs',
  'window_conflict', 'decision_window', 'doubtful_reading',
] as const;
export type MessageKey = (typeof MESSAGE_KEYS)[number];

export const RulesFile = z
  .object({
    sources: z.array(SourceEntry).min(1),
    precedence: z.array(z.string()).min(1),
    decide: z.array(DecideStep).min(1),
    family: z.array(FamilyField).min(1),
    ratios: z.array(Check).default([]),
    printed_fraction: z.object({ severity: Severity }).strict(),
    sums: z.array(Check).default([]),
    bounds: z.object({ percent_max: z.number().positive(), severity: Severity }).strict(),
    cross_source: z.object({ severity: Severity, same_narrative_severity: Severity.default('info') }).strict(),
    window: z.object({ severity: Severity }).strict().default({ severity: 'info' }),
    doubtful: z.object({ severity: Severity }).strict().default({ severity: 'minor' }),
    periods: z
      .object({
        sums: z.array(z.object({ whole: PeriodToken, parts: z.array(PeriodToken).min(2) }).strict()),
        cumulative_order: z.array(PeriodToken),
        severity: Severity,
        estimate_severity: Severity,
      })
      .strict(),
    structure: z
      .object({ duplicate_code: z.object({ severity: Severity }).strict(), missing_code: z.object({ severity: Severity }).strict() })
      .strict(),
    messages: z.object(Object.fromEntries(MESSAGE_KEYS.map((k) => [k, z.string()])) as Record<MessageKey, z.ZodString>).strict(),
  })
  .strict();
export type RulesFile = z.infer<typeof RulesFile>;

export interface RatioRule {
  readonly id: string;
  readonly rate: string;
  readonly numerator: string;
  readonly denominator: string;
  readonly severity: Severity;
}

export interface SumRule {
  readonly id: string;
  readonly total: string;
  /** `eq`: the parts exhaust the total; `ge`: they may fall short of it. */
  readonly relation: 'eq' | 'ge';
  readonly parts: readonly string[];
  /** Parts that sources often leave out; when one is missing the check becomes `total >= parts`. */
  readonly optional: readonly string[];
  readonly severity: Severity;
}

export interface SourceClass {
  readonly id: string;
  readonly method?: string | undefined;
  readonly format?: string | undefined;
  readonly kind?: string | undefined;
  readonly label: string;
}

/** The rules catalogue, parsed and checked against the indicator catalogue. */
export interface Rules {
  readonly sources: readonly SourceClass[];
  readonly precedence: readonly string[];
  readonly decide: readonly DecideStep[];
  readonly family: readonly FamilyField[];
  readonly ratios: readonly RatioRule[];
  readonly sums: readonly SumRule[];
  readonly printedFraction: { readonly severity: Severity };
  readonly bounds: { readonly percentMax: number; readonly severity: Severity };
  readonly crossSource: { readonly severity: Severity; readonly same_narrative_severity: Severity };
  /** One-stop figures that differ only by the window they were counted over. */
  readonly window: { readonly severity: Severity };
  /** The most a conflict is worth when one of its figures was read doubtfully (extraction artefact?). */
  readonly doubtful: { readonly severity: Severity };
  readonly periods: RulesFile['periods'];
  readonly structure: RulesFile['structure'];
  readonly messages: Readonly<Record<MessageKey, string>>;
}

const KEY = String.raw`[0-9A-Za-z_.]+`;
const RATIO = new RegExp(String.raw`^\s*(${KEY})\s*=\s*(${KEY})\s*/\s*(${KEY})\s*$`);
const SUM = new RegExp(String.raw`^\s*(${KEY})\s*(=|>=)\s*(.+)$`);
const PART = new RegExp(String.raw`^(\[)?\s*(${KEY})\s*(\])?$`);

export function parseRatio(check: string, severity: Severity): RatioRule {
  const m = RATIO.exec(check);
  if (!m) throw new Error(`not a ratio check "rate = numerator / denominator": ${check}`);
  return { id: normaliseCheck(check), rate: m[1]!, numerator: m[2]!, denominator: m[3]!, severity };
}

export function parseSum(check: string, severity: Severity): SumRule {
  const m = SUM.exec(check);
  if (!m) throw new Error(`not a sum check "total = part + part": ${check}`);
  const parts: string[] = [];
  const optional: string[] = [];
  for (const token of m[3]!.split('+')) {
    const p = PART.exec(token.trim());
    if (!p || Boolean(p[1]) !== Boolean(p[3])) throw new Error(`bad part "${token.trim()}" in ${check}`);
    parts.push(p[2]!);
    if (p[1]) optional.push(p[2]!);
  }
  if (parts.length - optional.length < 1) throw new Error(`a sum needs at least one required part: ${check}`);
  return { id: normaliseCheck(check), total: m[1]!, relation: m[2] === '>=' ? 'ge' : 'eq', parts, optional, severity };
}

function normaliseCheck(check: string): string {
  return check.replace(/\s+/g, ' ').trim();
}

/** Parses and validates a rules document; every key must name an indicator of the catalogue. */
export function compileRules(file: RulesFile, catalogue: IndicatorCatalogue): Rules {
  const ratios = file.ratios.map((r) => parseRatio(r.check, r.severity));
  const sums = file.sums.map((s) => parseSum(s.check, s.severity));
  const unknown: string[] = [];
  const need = (key: string, where: string) => {
    if (!catalogue.get(key)) unknown.push(`${key} (${where})`);
  };
  for (const r of ratios) for (const k of [r.rate, r.numerator, r.denominator]) need(k, r.id);
  for (const s of sums) for (const k of [s.total, ...s.parts]) need(k, s.id);
  if (unknown.length) throw new Error(`catalog/reconcile-rules.yaml: unknown indicator keys: ${unknown.join(', ')}`);
  const ids = new Set(file.sources.map((s) => s.id));
  for (const p of file.precedence) {
    if (!ids.has(p)) throw new Error(`catalog/reconcile-rules.yaml: precedence names unknown source "${p}"`);
  }
  return {
    sources: file.sources,
    precedence: file.precedence,
    decide: file.decide,
    family: file.family,
    ratios,
    sums,
    printedFraction: file.printed_fraction,
    bounds: { percentMax: file.bounds.percent_max, severity: file.bounds.severity },
    crossSource: file.cross_source,
    window: file.window,
    doubtful: file.doubtful,
    periods: file.periods,
    structure: file.structure,
    messages: file.messages,
  };
}

/** Options the pipeline config may set on top of the catalogue. */
export interface RuleOverrides {
  /** Source ids, most trusted first (see `sources` in the catalogue). */
  readonly precedence?: readonly string[] | undefined;
}

/** Applies pipeline-level settings; unknown source ids fail loudly. */
export function withOverrides(rules: Rules, overrides: RuleOverrides | undefined): Rules {
  if (!overrides?.precedence?.length) return rules;
  const ids = new Set(rules.sources.map((s) => s.id));
  const bad = overrides.precedence.filter((p) => !ids.has(p));
  if (bad.length) throw new Error(`reconcile precedence: unknown sources ${bad.join(', ')} (known: ${[...ids].join(', ')})`);
  return { ...rules, precedence: [...overrides.precedence] };
}

let cached: Rules | undefined;

/** The rules from `catalog/reconcile-rules.yaml`, loaded once per process. */
export function reconcileRules(): Rules {
  cached ??= compileRules(loadCatalog('reconcile-rules.yaml', RulesFile), indicatorCatalogue());
  return cached;
}
