import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { extractFile } from '../../../src/extract/index.js';
import { type DossierSink, type ExtractConfig, dossierRow } from '../../../src/extract/index.js';
import type { ExtractedDocument, ExtractedFigure } from '../../../src/model/index.js';
import type { OnestopSettings } from '../../../src/extract/onestop/index.js';
import { migrations } from '../../../src/warehouse/migrations/index.js';
import { createDossierLoader, type DossierLoader } from '../../../src/warehouse/records.js';
import { Kysely, Migrator, SqliteDialect } from 'kysely';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const fixture = (p: string) => `${ROOT}fixtures/${p}`;

export const LAYOUTS = [
  'inbox/onestop-ban-thi-2024.tsv',
  'onestop/ban-thi-2024-vendor2.csv',
  'onestop/ban-thi-2024-cp1258.csv',
  'onestop/ban-thi-2024-list.xlsx',
] as const;

/** A sink that keeps the dossier rows handed over, as objects (no dedup), for extractor-only tests. */
export function memoryWriter(): DossierSink & { rows: Record<string, string | number | null>[] } {
  const rows: Record<string, string | number | null>[] = [];
  return Object.assign((batch: Parameters<DossierSink>[0]) => {
    for (let r = 0; r < batch.count; r++) rows.push(dossierRow(batch, r));
  }, { rows });
}

export async function extract(path: string, settings: OnestopSettings = {}, dossiers: DossierSink = memoryWriter()): Promise<ExtractedDocument> {
  const bytes = readFileSync(fixture(path));
  const config = { maxBytes: 50 * 1024 * 1024, ...settings } as ExtractConfig;
  return extractFile({ path: `fixtures/${path}`, bytes, sha256: createHash('sha256').update(bytes).digest('hex') }, { config, dossiers });
}

export async function extractBytes(bytes: Buffer, path = 'test.csv', settings: OnestopSettings = {}, dossiers: DossierSink = memoryWriter()): Promise<ExtractedDocument> {
  const config = { maxBytes: 50 * 1024 * 1024, ...settings } as ExtractConfig;
  return extractFile({ path, bytes, sha256: createHash('sha256').update(bytes).digest('hex') }, { config, dossiers });
}

/** indicatorKey → number for the figures of one period (first occurrence of each key). */
export function byKey(figures: readonly ExtractedFigure[], periodKey?: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of figures) {
    if (periodKey && f.scope?.period?.key !== periodKey) continue;
    if (f.indicatorKey && !(f.indicatorKey in out)) out[f.indicatorKey] = f.number ?? NaN;
  }
  return out;
}

/** The sink a pipeline hands an extractor: each batch into `loader` (the warehouse's dossier writer). */
export type LoaderSink = DossierSink & { readonly loader: DossierLoader };

/** An in-memory warehouse with the migrations applied, and a dossier writer into it for a document. */
export async function memoryWarehouse(): Promise<{ sqlite: SQLite.Database; writer: (sha: string) => LoaderSink; close: () => Promise<void> }> {
  const sqlite = new SQLite(':memory:');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
  if (error) throw error;
  const writer = (sha: string): LoaderSink => {
    const loader = createDossierLoader(sqlite, sha, 'test-run');
    return Object.assign((batch: Parameters<DossierSink>[0]) => loader.write(batch), { loader });
  };
  return { sqlite, writer, close: () => db.destroy() };
}

export const STATED = { period: '2024', window: { start: '2023-12-01', end: '2024-11-20' } } as const;
export { createHash };
