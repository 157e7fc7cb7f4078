import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ExtractContext } from '../../../src/extract/extractor.js';
import { extractPdf } from '../../../src/extract/pdf/index.js';
import type { ExtractedDocument, ExtractedFigure } from '../../../src/model/index.js';

/**
 * Scores the PDF corpus (fixtures/pdf/corpus/, scripts/fixtures/pdf/corpus.ts) against its truth, the
 * structured sources: every appendix cell (STT, label, unit, value, note) of every row. Shared by
 * the corpus test and bench/pdf-corpus.ts.
 */
export const CORPUS_DIR = 'fixtures/pdf/corpus';

const Entry = z.object({
  file: z.string(),
  report: z.string(),
  producer: z.string(),
  style: z.string(),
  form: z.enum(['NFC', 'NFD']),
  encoding: z.enum(['unicode', 'tcvn3', 'vni']),
  truth: z.string(),
});
export type CorpusEntry = z.infer<typeof Entry>;

const TruthRow = z.object({ code: z.string(), label: z.string(), unit: z.string(), value: z.string(), note: z.string() });
type Cells = [string, string, string, string, string];
const COLUMNS = ['code', 'label', 'unit', 'value', 'note'] as const;

export function corpusManifest(root = '.'): CorpusEntry[] {
  return z.array(Entry).parse(JSON.parse(readFileSync(join(root, CORPUS_DIR, 'manifest.json'), 'utf8')));
}

export interface FileScore {
  readonly entry: CorpusEntry;
  readonly cells: number;
  readonly right: number;
  /** "row 12 value: 150807 (truth 15)": the first wrong cells. */
  readonly wrong: readonly string[];
  /** Values that only a concatenation of printed numbers explains. */
  readonly concatenated: readonly string[];
  readonly doubtful: number;
  readonly document: ExtractedDocument | undefined;
  /** Why the extractor refused the file, if it did. */
  readonly rejected?: string;
}

const ctx: ExtractContext = { config: { maxBytes: 50_000_000 } };

export async function scoreFile(entry: CorpusEntry, root = '.'): Promise<FileScore> {
  const path = join(root, CORPUS_DIR, entry.file);
  let document: ExtractedDocument | undefined;
  let rejected: string | undefined;
  try {
    document = await extractPdf({ path, bytes: readFileSync(path), sha256: '' }, ctx);
  } catch (err) {
    rejected = err instanceof Error ? err.message : String(err);
  }
  const truth = z
    .array(TruthRow)
    .parse(JSON.parse(readFileSync(join(root, entry.truth), 'utf8')))
    .map((r) => COLUMNS.map((c) => r[c].normalize('NFC')) as Cells);
  const table = (document?.figures ?? []).filter((f) => f.method === 'table');
  const read = table.map(cellsOf);
  const pairs = align(truth, read);
  let right = 0;
  const wrong: string[] = [];
  for (const [t, r] of pairs) {
    const got = r === undefined ? undefined : read[r];
    truth[t]!.forEach((want, c) => {
      if (got && got[c] === want) right++;
      else wrong.push(`row ${t + 1} ${COLUMNS[c]}: ${JSON.stringify(got?.[c] ?? null)} (truth ${JSON.stringify(want)})`);
    });
  }
  // Rows read that are no row of the truth count as wrong cells too.
  const extra = read.length - pairs.filter(([, r]) => r !== undefined).length;
  return {
    entry,
    cells: (truth.length + extra) * COLUMNS.length,
    right,
    wrong,
    concatenated: concatenations(truth, read),
    doubtful: table.filter((f) => f.details?.['doubtful'] === true).length,
    document,
    ...(rejected ? { rejected } : {}),
  };
}

const cellsOf = (f: ExtractedFigure): Cells => [
  f.rowCode || (typeof f.details?.['printedCode'] === 'string' ? f.details['printedCode'] : ''),
  f.rowLabel ?? '',
  f.unit ?? '',
  f.raw,
  f.note ?? '',
];

/**
 * Truth rows matched to read rows in order (longest common subsequence on the label without its
 * spaces and after its first 24 letters), so that a row read with a wrong cell is scored cell by cell.
 */
function align(truth: readonly Cells[], read: readonly Cells[]): [number, number | undefined][] {
  const key = (c: Cells) => c[1].replace(/\s+/g, '').slice(0, 24);
  const same = (a: Cells, b: Cells) => key(a) === key(b);
  const n = truth.length;
  const m = read.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = same(truth[i]!, read[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: [number, number | undefined][] = [];
  let [i, j] = [0, 0];
  while (i < n) {
    if (j < m && same(truth[i]!, read[j]!)) out.push([i++, j++]);
    else if (j < m && lcs[i]![j + 1]! >= lcs[i + 1]![j]!) j++;
    else out.push([i++, undefined]);
  }
  return out;
}

/**
 * A read value made of the digits of two or more printed values of nearby rows ("150807" from 15,
 * 08, 07; "9595" from 95 twice), or of several numbers at all ("15 08").
 */
function concatenations(truth: readonly Cells[], read: readonly Cells[]): string[] {
  const values = new Set(truth.map((t) => t[3]));
  const digits = truth.map((t) => t[3].replace(/\D/g, ''));
  const out: string[] = [];
  for (const [j, r] of read.entries()) {
    const v = r[3];
    if (values.has(v) || !/\d/.test(v)) continue;
    if (/\d\s+\d/.test(v) && !/^\d{1,3}( \d{3})+$/.test(v)) {
      out.push(`${v} (several numbers)`);
      continue;
    }
    const d = v.replace(/\D/g, '');
    const near = (k: number) => digits.slice(Math.max(0, k - 6), k + 6).filter(Boolean);
    const around = near(Math.min(j, truth.length - 1));
    if (joins(d, around, 0)) out.push(`${v} (digits of ${around.join('/')})`);
  }
  return out;
}

/** Can `d` be written as two or more of `parts` one after the other? */
function joins(d: string, parts: readonly string[], used: number): boolean {
  if (d === '') return used >= 2;
  return parts.some((p) => d.startsWith(p) && joins(d.slice(p.length), parts, used + 1));
}
