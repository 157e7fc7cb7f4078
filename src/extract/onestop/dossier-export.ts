import type { ExtractedDocument, SourceFile } from '../../model/index.js';
import { isExportTitle } from '../../normalize/document-header.js';
import { clean } from '../../text/fold.js';
import { RejectedInput } from '../errors.js';
import type { ExtractContext } from '../extractor.js';
import { columnCatalogue } from './columns.js';
import { CodeSet } from './code-set.js';
import { DossierBatcher } from './dossier-batch.js';
import { parseRow, type RowContext, type RowProblem } from './dossier.js';
import { findHeader, HEADER_SEARCH_ROWS, type HeaderMatch } from './header.js';
import { PII_KEY_ENV, redactPersonal } from './personal.js';
import { cellText, detach, type RawRow } from './raw-row.js';
import { countingRules } from './rules.js';
import { figuresFor, Tally } from './tally.js';
import { namesCommuneUnit, unitClues } from './unit.js';
import { vocabulary } from './vocabulary.js';
import { exportSpan, planWindows, type OnestopSettings } from './windows.js';

/** Row problems listed one by one before the rest are only counted. */
const WARNINGS_PER_KIND = 50;

export interface DossierExportStats {
  rows: number;
  counted: number;
  notCounted: number;
  /** Rows whose code an earlier line of the same export already had (not counted again). */
  duplicates: number;
}

/**
 * Reads a dossier-level export whose rows arrive one at a time (`push`), hands each dossier to the
 * context's sink in batches (the pipeline's writer stores them) and counts the indicators per unit
 * and window on the fly. The first rows are held until the header is found among them; after that
 * nothing is held per row but the dossier's code, to tell a repeated line.
 */
export class DossierExportReader {
  private readonly head: RawRow[] = [];
  private header: HeaderMatch | undefined;
  private counter: ((row: RawRow) => void) | undefined;
  private finishCounting: (() => ExtractedDocument) | undefined;

  constructor(
    private readonly file: Pick<SourceFile, 'path'>,
    private readonly format: () => ExtractedDocument['format'],
    private readonly ctx: ExtractContext,
    private readonly stats: Partial<DossierExportStats> = {},
  ) {}

  push(row: RawRow): void {
    if (this.counter) return this.counter(row);
    this.head.push(row);
    if (this.head.length >= HEADER_SEARCH_ROWS) this.start();
  }

  finish(): ExtractedDocument {
    if (!this.counter) {
      if (this.head.length === 0) throw new RejectedInput('empty_file', 'no rows: the export is empty');
      this.start();
    }
    return this.finishCounting!();
  }

  private start(): void {
    this.header = findHeader(this.head, columnCatalogue());
    const { handle, finish } = countRows(this.header, this.file, this.format(), this.ctx, this.stats);
    this.counter = handle;
    this.finishCounting = finish;
    for (const row of this.head) handle(row);
    this.head.length = 0;
  }
}

/** The same for rows that come as an async iterable (workbooks). */
export async function extractDossierRows(
  rows: AsyncIterable<RawRow>,
  file: Pick<SourceFile, 'path'>,
  format: ExtractedDocument['format'],
  ctx: ExtractContext,
  stats: Partial<DossierExportStats> = {},
): Promise<ExtractedDocument> {
  const reader = new DossierExportReader(file, () => format, ctx, stats);
  for await (const row of rows) reader.push(row);
  return reader.finish();
}

function countRows(
  header: HeaderMatch,
  file: Pick<SourceFile, 'path'>,
  format: ExtractedDocument['format'],
  ctx: ExtractContext,
  stats: Partial<DossierExportStats>,
): { handle: (row: RawRow) => void; finish: () => ExtractedDocument } {
  const settings = ctx.config as OnestopSettings;
  const rules = countingRules();
  const tally = new Tally(planWindows(settings), rules);
  const rowCtx: RowContext = {
    columns: header.columns,
    labels: header.labels,
    vocabulary: vocabulary(),
    rules,
    piiKey: process.env[PII_KEY_ENV] || undefined,
  };
  const warnings: ExtractedDocument['warnings'] = [];
  const problemCounts = new Map<ProblemKind, { n: number; fatal: boolean }>();
  const personalColumns = columnCatalogue()
    .entries.filter((e) => e.personal)
    .map((e) => header.columns[e.field])
    .filter((i): i is number => i !== undefined);
  const width = header.labels.length;
  // Workbook cells cannot shift (no delimiter to misread); a note right of the table is not a shift.
  const textExport = format === 'csv' || format === 'tsv';
  const units = new Set<string>();
  let rowCount = 0;
  let counted = 0;
  let notCounted = 0;
  let duplicates = 0;
  // Codes seen in this export: a line repeated inside one export is counted once. Counting never
  // asks the warehouse: an overlapping export counts its own rows, since its figures are what that
  // file says; the writer tells which codes another document already brought, and whether they agree.
  const seen = new CodeSet();
  const batcher = new DossierBatcher(ctx.dossiers ?? (() => {}));

  // Defined once, not per row: a closure per row is a million allocations in a long export.
  const problem = (row: RawRow, kind: ProblemKind, fatal: boolean, message: string) => {
    const pc = problemCounts.get(kind) ?? { n: 0, fatal };
    pc.n++;
    problemCounts.set(kind, pc);
    if (pc.n <= WARNINGS_PER_KIND) warnings.push({ where: `line ${row.line}`, message: detach(message) });
  };

  const handle = (row: RawRow) => {
    if (row.line <= header.line) return;
    if (isBlankOrFooter(row, header)) return;
    rowCount++;
    // More cells than the header has columns: a delimiter inside an unquoted cell (two names in one
    // applicant cell) moved everything after it, so no cell is where its column says, and any of
    // them may be a name or a phone. The row is not counted and no cell of it is quoted.
    const extra = textExport ? shiftedBy(row.cells, width) : 0;
    if (extra > 0) {
      problem(row, 'shifted_columns', true, `${width + extra} cells where the header has ${width} (an unquoted delimiter inside a cell?): columns shifted, row not counted`);
      notCounted++;
      return;
    }
    const parsed = parseRow(row.cells, row.line, rowCtx);
    if (parsed.problems.length) {
      // The personal cells are gathered only for a row with something to say.
      const personal = personalColumns.map((i) => cellText(row.cells[i]));
      for (const p of parsed.problems) problem(row, p.kind, p.fatal, redactPersonal(p.message, personal));
    }
    if (!parsed.dossier || !parsed.record) {
      notCounted++;
      return;
    }
    batcher.add(parsed.record);
    if (!seen.add(parsed.dossier.code)) {
      duplicates++;
      return;
    }
    counted++;
    if (units.size < 10_000 && !units.has(parsed.dossier.unit)) units.add(detach(parsed.dossier.unit));
    tally.add(parsed.dossier);
  };

  const finish = (): ExtractedDocument => {
    if (rowCount === 0) throw new RejectedInput('no_dossier_rows', `no dossier rows below the header at line ${header.line}`);
    batcher.flush();
    if (counted === 0) {
      throw new RejectedInput('uncountable_rows', `none of the ${rowCount} dossier rows could be counted: ${summary(problemCounts)}`);
    }
    for (const [kind, pc] of problemCounts) {
      if (pc.n > WARNINGS_PER_KIND) warnings.push({ where: 'file', message: `${pc.n} rows with ${kind.replace(/_/g, ' ')} (first ${WARNINGS_PER_KIND} listed by line)` });
    }
    if (notCounted) warnings.push({ where: 'file', message: `${notCounted} of ${rowCount} dossier rows not counted: ${summary(problemCounts)}` });

    // A yes/no "paid online" column tells who paid online, not who had fees to pay: no denominator then.
    const payment = header.columns.payment_method !== undefined || header.columns.payment_state !== undefined ? 'fees' : header.columns.paid_online !== undefined ? 'paid_only' : 'none';
    const { period, ...span } = exportSpan(tally.plan, header.preamble, file.path, tally.dataStart, tally.lastReceived);
    const results = tally.results(span.dataEnd);
    const figures = results.flatMap((r) => figuresFor(r.unit, r.window, r.counts, { rules, file: file.path, payment, ...span }));
    Object.assign(stats, { rows: rowCount, counted, notCounted, duplicates } satisfies DossierExportStats);

    const onlyUnit = units.size === 1 ? [...units][0] : undefined;
    return {
      format,
      title: header.preamble.find(isExportTitle) ?? header.preamble[0],
      commune: onlyUnit ? unitClues(onlyUnit) : { hints: [...header.preamble.filter((l) => namesCommuneUnit(l)).map(clean), file.path] },
      ...(period ? { period } : {}),
      figures,
      warnings,
      kind: 'onestop',
    };
  };
  return { handle, finish };
}

type ProblemKind = RowProblem['kind'] | 'shifted_columns';

/** How many non-empty cells a row has beyond the header's columns (trailing empty cells do not count). */
function shiftedBy(cells: readonly unknown[], width: number): number {
  let last = cells.length - 1;
  while (last >= width && cellText(cells[last]).trim() === '') last--;
  return Math.max(0, last + 1 - width);
}

function summary(counts: Map<ProblemKind, { n: number; fatal: boolean }>): string {
  return [...counts].filter(([, pc]) => pc.fatal).map(([k, pc]) => `${pc.n} ${k.replace(/_/g, ' ')}`).join(', ') || 'no readable rows';
}

/** Whether a cell holds anything but white space (a test, not a trimmed copy: it runs twice per row). */
function hasText(v: unknown): boolean {
  return NOT_BLANK.test(cellText(v));
}
const NOT_BLANK = /\S/;

/** Blank lines, and the "Người lập biểu" / "Tổng cộng" lines below the list that have no code and no date. */
function isBlankOrFooter(row: RawRow, header: HeaderMatch): boolean {
  const code = header.columns.code;
  const received = header.columns.received_at;
  const hasCode = code !== undefined && hasText(row.cells[code]);
  const hasDate = received !== undefined && hasText(row.cells[received]);
  return !hasCode && !hasDate;
}

