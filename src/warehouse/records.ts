import type SQLite from 'better-sqlite3';
import { DOSSIER_COLUMNS, type DossierBatch } from '../extract/index.js';
import type { StoredDossier } from '../extract/onestop/index.js';
import { prepareOnce } from './statements.js';

/**
 * Columns whose meaning two copies of one dossier must agree on. Text as printed (status words,
 * channel codes, unit names), times of day and provenance differ between vendors' layouts of the same
 * dossier and are not compared; a column one copy lacks (null) does not conflict.
 */
const COMPARED_COLUMNS = ['channel', 'online_level', 'status_class', 'received_date', 'promised_date', 'finished_date', 'outcome', 'paid_online'] as const;
const COMPARED_AT = COMPARED_COLUMNS.map((c) => DOSSIER_COLUMNS.indexOf(c));
const CODE_AT = DOSSIER_COLUMNS.indexOf('code');
const LINE_AT = DOSSIER_COLUMNS.indexOf('source_line');

/** Conflicts listed one by one before the rest are only counted (an export that disagrees with another on every row). */
const CONFLICTS_LISTED = 50;

export interface Warning {
  readonly where: string;
  readonly message: string;
  /** The stage that found it, when not the loader. */
  readonly stage?: string;
}

/**
 * Stores a document's dossier batches (plain data from extraction) in the `dossiers` table, inside
 * the transaction the pipeline holds open for the document, and tells what it found there.
 */
export interface DossierLoader {
  write(batch: DossierBatch): void;
  /** Rows stored, and rows whose code was already there (an earlier line of this file or another document). */
  readonly inserted: number;
  readonly duplicates: number;
  /**
   * The document's own warnings with the loader's placed among them by line: a dossier stored before
   * with other content (the first row stored wins). No cell is quoted, only the code, line numbers and
   * the names of the columns that differ.
   */
  warnings(own: readonly Warning[]): Warning[];
}

const INSERT_COLUMNS = [...DOSSIER_COLUMNS, 'document_sha256', 'run_id'];
/**
 * The dossier's code is the natural key across overlapping exports: the first row stored wins. The
 * document and the run, the same on every row, are written into the statement as literals rather
 * than bound per row: binding a 64-character hash and the run's id a million times cost 0.35 of a
 * 6.3 s insert. A statement of the document's own, prepared at its first batch.
 */
const insertSql = (documentSha256: string, runId: string) =>
  `INSERT INTO dossiers (${INSERT_COLUMNS.join(', ')}) VALUES (${DOSSIER_COLUMNS.map(() => '?').join(', ')}, ${sqlText(documentSha256)}, ${sqlText(runId)}) ON CONFLICT(code) DO NOTHING`;
/** A string as an SQL literal (quotes doubled, the only escape SQLite has). */
const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;
const EXISTING = `SELECT document_sha256, source_line, ${COMPARED_COLUMNS.join(', ')} FROM dossiers WHERE code = ?`;

export function createDossierLoader(sqlite: SQLite.Database, documentSha256: string, runId: string): DossierLoader {
  let insert: SQLite.Statement | undefined;
  const existing = prepareOnce(sqlite, EXISTING);
  const found: { line: number; message: string }[] = [];
  let conflicts = 0;
  let inserted = 0;
  let duplicates = 0;
  const values: (string | number | null)[] = new Array(DOSSIER_COLUMNS.length);

  const compare = (batch: DossierBatch, r: number) => {
    const code = batch.columns[CODE_AT]![r];
    const stored = existing.get(code) as Record<string, string | number | null>;
    const differing = COMPARED_COLUMNS.filter((c, i) => {
      const mine = batch.columns[COMPARED_AT[i]!]![r] ?? null;
      return mine !== null && stored[c] !== null && stored[c] !== mine;
    });
    if (differing.length === 0) return;
    if (++conflicts > CONFLICTS_LISTED) return;
    const line = batch.columns[LINE_AT]![r];
    const sameDocument = stored.document_sha256 === documentSha256;
    const where = sameDocument ? 'this file' : `document ${String(stored.document_sha256).slice(0, 12)}`;
    found.push({
      line: typeof line === 'number' ? line : 0,
      message: `dossier ${code} also at line ${stored.source_line ?? '?'} of ${where} with different ${differing.join(', ')}: the warehouse keeps the first${sameDocument ? ', this row is not counted' : ''}`,
    });
  };

  return {
    get inserted() {
      return inserted;
    },
    get duplicates() {
      return duplicates;
    },
    write(batch) {
      insert ??= sqlite.prepare(insertSql(documentSha256, runId));
      const cols = batch.columns;
      for (let r = 0; r < batch.count; r++) {
        for (let c = 0; c < DOSSIER_COLUMNS.length; c++) values[c] = cols[c]![r] ?? null;
        // Spread, not the array: better-sqlite3 reads call arguments directly but an array element by
        // element through a generic property lookup (1 M real rows: 6.8 → 5.6 s CPU). Multi-row
        // INSERTs of 16 or 64 rows were no faster (7.5 and 5.9 s): the cost is per bound value.
        if (insert.run(...values).changes > 0) inserted++;
        else {
          duplicates++;
          compare(batch, r);
        }
      }
    },
    warnings(own) {
      const mine: Warning[] = found.map((f) => ({ where: `line ${f.line}`, message: f.message }));
      if (conflicts > CONFLICTS_LISTED) mine.push({ where: 'file', message: `${conflicts} dossiers stored before with different content (first ${CONFLICTS_LISTED} listed by line)` });
      return mergeByLine(own, mine);
    },
  };
}

/**
 * Puts each of `mine` (in line order, 'file' ones last) before the first of `own` that comes after it:
 * the extractor lists its row warnings by line, then its file-wide ones.
 */
function mergeByLine(own: readonly Warning[], mine: readonly Warning[]): Warning[] {
  if (mine.length === 0) return [...own];
  const lineOf = (w: Warning) => {
    const m = /^line (\d+)$/.exec(w.where);
    return m ? Number(m[1]) : Infinity;
  };
  const out: Warning[] = [];
  let i = 0;
  for (const w of mine) {
    const at = lineOf(w);
    while (i < own.length && lineOf(own[i]!) <= at) out.push(own[i++]!);
    out.push(w);
  }
  while (i < own.length) out.push(own[i++]!);
  return out;
}

/**
 * The stored dossiers of some units (`unit_name` as printed; every unit when `units` is absent),
 * streamed from SQLite: the input of a recount over a window known after loading (pipeline/stated-windows.ts).
 */
export function storedDossiers(sqlite: SQLite.Database, units?: readonly string[]): IterableIterator<StoredDossier> {
  const where = units?.length ? `WHERE unit_name IN (${units.map(() => '?').join(', ')})` : '';
  const stmt = sqlite.prepare(`SELECT code, source_line, unit_name, status_class, channel, received_date, promised_date, finished_date, paid_online FROM dossiers ${where}`);
  return stmt.iterate(...(units ?? [])) as IterableIterator<StoredDossier>;
}
