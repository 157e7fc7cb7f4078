
import { type Indicator, type IndicatorCatalogue, type ValueType, indicatorCatalogue, unitScale, valueWords } from '../catalog/index.js';
import type { CommuneClues, ExtractedDocument, ExtractedFigure, Period, SourceFile } from '../model/index.js';
import { clean, foldAscii } from '../text/index.js';
import { type CommuneResolution, communeRegistry, eraOfPeriodEnd, resolveCommune, unitId } from './commune/index.js';
import { communeRows, declaredClues } from './commune/rows.js';
import { TableRowMatcher } from './match-indicator.js';
import type { CommuneCrosswalkTable, DocumentsTable } from '../warehouse/schema.js';
import type { CommuneRow, ObservationRow, PeriodRow } from './observation.js';
import { type ParsedValue, parseValue } from './parse-value.js';
import { regulationWindow } from './period.js';
import { type FoundFraction, findFraction } from './printed-fraction.js';

/** A document after normalisation: the rows to load, nothing more to decide. */
export interface NormalizedDocument {
  readonly document: Pick<
    DocumentsTable,
    | 'format' | 'kind' | 'title' | 'commune_code' | 'commune_name' | 'commune_candidates' | 'commune_era' | 'period_key' | 'stated_start' | 'stated_end' | 'is_estimate'
    | 'report_number' | 'report_date' | 'attached_number' | 'attached_date'
  >;
  readonly observations: ObservationRow[];
  /** The resolved communes with their counterparts across 2025, and the old → new pairs between them. */
  readonly communes: CommuneRow[];
  readonly crosswalk: CommuneCrosswalkTable[];
  readonly periods: PeriodRow[];
  /** The extractor's warnings, then normalisation's own (`stage` says which: `ingest_errors.stage`). */
  readonly warnings: { where: string; message: string; stage: 'extract' | 'normalize' }[];
}

export interface NormalizeOptions {
  readonly province?: string | undefined;
  /**
   * The commune the caller declares for documents that name none (a one-stop export without a unit
   * column): "xã Bản Thi, huyện Chợ Đồn" or a bare name, resolved like printed clues.
   */
  readonly commune?: string | undefined;
  /** Period the caller declares for files that cannot tell (key such as 2024-Q3). */
  readonly period?: Period | undefined;
  /** Day of the month regulation windows start on (the pipeline's `cutoff_day`; 15 by Nghị định 09/2019). */
  readonly cutoffDay?: number | undefined;
  readonly catalogue?: IndicatorCatalogue;
}

/**
 * Maps an extracted document onto the common schema: resolves communes to official codes, picks
 * the period, matches table rows to indicators (unmatched rows are kept as unmapped observations,
 * never dropped) and parses every value by its indicator's type. Pure apart from the registry and
 * catalogue look-ups.
 */
export function normalizeDocument(doc: ExtractedDocument, file: SourceFile, options: NormalizeOptions = {}): NormalizedDocument {
  const catalogue = options.catalogue ?? indicatorCatalogue();
  const warnings = [...doc.warnings];
  const communes = new Map<string, CommuneRow>();
  const crosswalk = new Map<string, CommuneCrosswalkTable>();
  const periods = new Map<string, PeriodRow>();
  const resolutions = new Map<string, CommuneResolution>();
  const registry = communeRegistry();
  const docPeriod = doc.period ?? options.period;

  // The era tried first follows the period (a 2026 report names a post-2025 unit); both are candidates.
  const resolve = (clues: CommuneClues, period: Period | undefined): CommuneResolution => {
    const era = period ? eraOfPeriodEnd(regulationWindow(period).end) : undefined;
    const key = JSON.stringify([clues.name, clues.unitType, clues.district, clues.province, clues.hints, era]);
    let r = resolutions.get(key);
    if (!r) {
      r = resolveCommune(registry, { ...clues, hints: [...clues.hints, file.path] }, { province: options.province, era });
      resolutions.set(key, r);
      if (r.warning) warnings.push({ where: 'commune', message: r.warning });
      if (r.unit) {
        const rows = communeRows(registry, r.unit);
        for (const c of rows.communes) communes.set(unitId(c), c);
        for (const x of rows.crosswalk) crosswalk.set(`${x.old_code}>${x.new_code}`, x);
      }
    }
    return r;
  };

  const namesNoCommune = !doc.commune.name && !doc.commune.hints.some((h) => /\.gov\.vn$/.test(h));
  let docCommune = resolve(doc.commune, docPeriod);
  if (!docCommune.unit && !docCommune.printedName && namesNoCommune && options.commune) {
    docCommune = resolve(declaredClues(options.commune), docPeriod);
    if (docCommune.unit) warnings.push({ where: 'commune', message: `the document names no commune: the declared one is used, ${docCommune.reason}` });
  }
  if (!docCommune.unit && doc.kind === 'report') warnings.push({ where: 'commune', message: `commune unresolved: ${docCommune.reason}` });
  if (!docCommune.unit && doc.kind === 'onestop' && doc.figures.some((f) => !f.scope?.commune)) {
    warnings.push({
      where: 'commune',
      message: `one-stop export without a unit of its own and commune unresolved (${docCommune.reason}): its figures load without a commune code until a report of its bundle or a declared commune (--commune, pipeline "commune") gives one`,
    });
  }
  if (!docPeriod && doc.kind === 'report') warnings.push({ where: 'period', message: 'no reporting period found in the title rows or the file name' });

  const addPeriod = (p: Period | undefined, stated?: { start?: string | undefined; end?: string | undefined; estimate: boolean }) => {
    if (!p) return;
    const w = regulationWindow(p, options.cutoffDay);
    const prev = periods.get(p.key);
    periods.set(p.key, {
      key: p.key,
      kind: p.kind,
      number: p.number,
      year: p.year,
      start_date: w.start,
      end_date: w.end,
      reported_start: stated?.start ?? prev?.reported_start ?? null,
      reported_end: stated?.end ?? prev?.reported_end ?? null,
      is_estimate: stated?.estimate ? 1 : (prev?.is_estimate ?? 0),
    });
  };
  addPeriod(docPeriod, doc.window);

  const matcher = new TableRowMatcher(catalogue);
  const observations: ObservationRow[] = [];
  doc.figures.forEach((figure, i) => {
    const where = figureWhere(figure, i);
    let indicator: Indicator | undefined;
    let match: string | null = null;
    if (figure.indicatorKey) {
      indicator = catalogue.get(figure.indicatorKey);
      match = 'pattern';
      if (!indicator) warnings.push({ where, message: `unknown indicator key "${figure.indicatorKey}"` });
    } else if (figure.method === 'table') {
      const m = matcher.match(figure.rowCode ?? '', figure.rowLabel ?? '');
      indicator = m?.indicator;
      match = m?.method ?? null;
    }
    // Section and group headings carry no figure: skip them when nothing is printed in the value cell.
    const blank = clean(figure.raw) === '' && figure.number === undefined;
    if (blank && (!indicator || indicator.type === 'section' || indicator.type === 'group') && !figure.note) {
      if (!indicator && figure.rowLabel && !figure.unit) return;
      if (indicator) return;
    }

    const type: ValueType = indicator?.type ?? guessType(figure.unit);
    const parsed = parseFigure(figure, type, indicator);
    const p = figure.provenance;
    const fraction = type === 'percent' ? rateFraction(figure, parsed) : undefined;
    const details = fraction ? { ...figure.details, fraction: { from: fraction.from, text: fraction.text, scale: fraction.scale } } : figure.details;
    if (parsed.warning) warnings.push({ where, message: `${parsed.warning}: "${figure.raw}"` });

    const period = figure.scope?.period ?? docPeriod;
    const scopeCommune = figure.scope?.commune ? resolve(figure.scope.commune, period) : docCommune;
    if (figure.scope?.period) addPeriod(figure.scope.period);
    const window = figure.scope?.window ?? (doc.window?.start && doc.window.end ? { start: doc.window.start, end: doc.window.end, source: 'stated' } : undefined);
    observations.push({
      seq: i,
      method: figure.method,
      indicator_key: indicator?.key ?? null,
      mapped: indicator ? 1 : 0,
      match: indicator ? match : null,
      commune_code: scopeCommune.unit?.code ?? null,
      commune_name: scopeCommune.unit?.fullName ?? scopeCommune.printedName ?? null,
      period_key: period?.key ?? null,
      row_code: figure.rowCode ?? (typeof figure.details?.printedCode === 'string' ? figure.details.printedCode : null) ?? null,
      row_label: figure.rowLabel ?? null,
      unit: figure.unit ?? null,
      raw_text: figure.raw,
      value_num: parsed.num,
      value_text: parsed.text,
      value_kind: parsed.kind,
      numerator: parsed.numerator ?? fraction?.numerator ?? null,
      denominator: parsed.denominator ?? fraction?.denominator ?? null,
      note: figure.note ?? null,
      warning: parsed.warning ?? null,
      sheet: p.sheet ?? null,
      cell: p.cell ?? null,
      page: p.page ?? null,
      x: p.x ?? null,
      y: p.y ?? null,
      line: p.line ?? null,
      quote: p.quote ?? null,
      window_start: window?.start ?? null,
      window_end: window?.end ?? null,
      window_source: window?.source ?? null,
      details: details ? JSON.stringify(details) : null,
    });
  });

  return {
    document: {
      format: doc.format,
      kind: doc.kind,
      title: doc.title ?? null,
      commune_code: docCommune.unit?.code ?? null,
      commune_name: docCommune.unit?.fullName ?? docCommune.printedName ?? null,
      commune_candidates: docCommune.candidates.length
        ? JSON.stringify(docCommune.candidates.map((c) => ({ code: c.code, era: c.era, name: c.fullName, district: c.district, province: c.province })))
        : null,
      commune_era: docCommune.unit?.era ?? null,
      report_number: doc.commune.report?.number ?? null,
      report_date: doc.commune.report?.date ?? null,
      attached_number: doc.commune.attachedTo?.number ?? null,
      attached_date: doc.commune.attachedTo?.date ?? null,
      period_key: docPeriod?.key ?? null,
      stated_start: doc.window?.start ?? null,
      stated_end: doc.window?.end ?? null,
      is_estimate: doc.window?.estimate ? 1 : 0,
    },
    observations,
    communes: [...communes.values()],
    crosswalk: [...crosswalk.values()],
    periods: [...periods.values()],
    warnings: warnings.map((w, i) => ({ ...w, stage: i < doc.warnings.length ? 'extract' : 'normalize' })),
  };
}

/**
 * A stored number is taken as stored (already in display scale), money scaled from its unit to
 * đồng; text is parsed the Vietnamese way by the indicator's type.
 */
export function parseFigure(figure: ExtractedFigure, type: ValueType, indicator: Indicator | undefined): ParsedValue {
  const unit = figure.unit ?? indicator?.unit;
  if (figure.number !== undefined && (type === 'count' || type === 'percent' || type === 'money')) {
    const scaled = type === 'money' ? figure.number * unitScale(unit) : figure.number;
    const warning = type === 'count' && !Number.isInteger(figure.number) ? 'a count that is not a whole number' : undefined;
    return { kind: 'number', num: scaled, text: null, ...(warning ? { warning } : {}) };
  }
  return parseValue(figure.raw, { type, unit, values: indicator?.values });
}

/**
 * The fraction a rate states: its own parts ("61/196" in the cell), else its note's or its sentence's
 * (printed-fraction.ts). Reconciliation checks the rate against it and derives the parts' figures.
 */
function rateFraction(figure: ExtractedFigure, parsed: ParsedValue): (Omit<FoundFraction, 'from'> & { from: FoundFraction['from'] | 'columns' }) | undefined {
  if (parsed.numerator !== undefined && parsed.denominator !== undefined) {
    const text = figure.raw.includes('/') ? figure.raw : `${parsed.numerator}/${parsed.denominator}`;
    return { numerator: parsed.numerator, denominator: parsed.denominator, from: 'columns', text, scale: valueWords().moneyScale(text) };
  }
  return findFraction({ raw: figure.raw, note: figure.note, quote: figure.provenance.quote, narrative: figure.method === 'narrative' });
}

/** For rows the catalogue does not know, the printed unit tells how to read the value. */
function guessType(unit: string | undefined): ValueType {
  const words = valueWords();
  if (words.isPercentUnit(unit)) return 'percent';
  if (words.isMoneyUnit(unit)) return 'money';
  if (words.isBooleanUnit(unit)) return 'boolean';
  return 'count';
}

function figureWhere(f: ExtractedFigure, i: number): string {
  const p = f.provenance;
  if (p.sheet && p.cell) return `sheet '${p.sheet}' cell ${p.cell}`;
  if (p.page) return `page ${p.page}`;
  if (p.line) return `line ${p.line}`;
  return `figure ${i + 1}`;
}


