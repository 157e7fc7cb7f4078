import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeLargeWorkbook } from '../../../scripts/fixtures/large-workbook.js';
import { extractFile, RejectedInput } from '../../../src/extract/index.js';
import { surveyWorkbook } from '../../../src/extract/xlsx/index.js';
import type { ExtractConfig } from '../../../src/extract/index.js';
import { readFileSync } from 'node:fs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The V8 heap the child gets: exceljs's document tree of the 200 MB workbook would need gigabytes. */
const HEAP_MB = 160;
const made: string[] = [];
afterAll(() => made.forEach((p) => rmSync(p, { force: true })));

function temp(name: string): string {
  const p = join(tmpdir(), `cchc-xlsxmem-${process.pid}-${name}.xlsx`);
  made.push(p);
  return p;
}

interface Measured {
  kind?: string;
  records?: number;
  received?: number;
  online?: number;
  early?: number;
  rejected?: string;
  peakHeapMb: number;
  peakRssMb: number;
}

/** Extracts the file in a child with a small heap: an out-of-memory fails the child, and this test, not the runner. */
async function extractInChild(path: string): Promise<Measured> {
  const { stdout } = await promisify(execFile)(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', 'scripts/measure-extract.ts', path], { cwd: ROOT, maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Measured;
}

describe('workbooks far larger than memory allows to read whole', () => {
  it('a 200 MB one-stop dossier list is read as a stream within a 160 MB heap', { timeout: 240_000 }, async () => {
    const path = temp('dossiers');
    // Stored, not deflated: 200 MB on disk is 200 MB of XML, 340,000 dossiers with 1,020,000 own shared strings.
    const wb = await writeLargeWorkbook({ path, kind: 'dossiers', rows: 340_000, strings: 'shared' });
    expect(wb.bytes).toBeGreaterThan(200 * 1000 * 1000);
    const m = await extractInChild(path);
    expect(m.rejected).toBeUndefined();
    expect(m).toMatchObject({ kind: 'onestop', records: 340_000, received: 340_000, early: 340_000, online: 113_334 });
    // The file's bytes are held (the pipeline reads them whole to hash them); the rest stays small.
    expect(m.peakHeapMb).toBeLessThan(HEAP_MB);
    expect(m.peakRssMb).toBeLessThan(wb.bytes / 2 ** 20 + 320);
  });

  it('a workbook of 12 million cells that is no dossier list is refused with its size, not an abort', { timeout: 120_000 }, async () => {
    const path = temp('grid');
    const wb = await writeLargeWorkbook({ path, kind: 'grid', rows: 1_000_000, columns: 12, compress: true });
    expect(wb.cells).toBe(12_000_000);
    const m = await extractInChild(path);
    expect(m.rejected).toMatch(/^sheet 'Sheet1' is \d+ MB of XML \(12,000,000 cells\): too large to read whole \(more than 24 MB of XML or 200,000 cells\); not a one-stop dossier list: sheet "Sheet1": no header row in the first 30 rows/);
    expect(m.peakHeapMb).toBeLessThan(HEAP_MB);
  });
});

describe('a zip directory that lies about its sizes', () => {
  it('a workbook declaring a 1 kB sheet that inflates to 1,300,000 cells is not read whole', async () => {
    const path = temp('bomb');
    await writeLargeWorkbook({ path, kind: 'dossiers', rows: 100_000, compress: true, strings: 'inline' });
    const bytes = readFileSync(path);
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    bytes.writeUInt32LE(1000, bytes.indexOf(name) - 30 + 22); // local header
    bytes.writeUInt32LE(1000, bytes.lastIndexOf(name) - 46 + 24); // central directory
    const survey = await surveyWorkbook(bytes);
    expect(survey.sheets).toEqual([{ name: 'Danh sách hồ sơ', xmlBytes: 1000, cells: expect.any(Number), estimated: true }]);
    expect(survey.tooLarge).toMatch(/^its parts inflate to more than their zip directory declares \(\d+ MB of XML, 20\d,\d{3} cells read so far\): too large to read whole/);
  });
});

describe('small workbooks keep their path', () => {
  const config = { maxBytes: 1e8, period: '2024', window: { start: '2023-12-01', end: '2024-11-20' } } as ExtractConfig;

  it.each([
    ['shared', false],
    ['inline', true],
  ] as const)('a 2,000-dossier list with %s strings (deflated: %s) gives its figures', async (strings, compress) => {
    const path = temp(`small-${strings}`);
    await writeLargeWorkbook({ path, kind: 'dossiers', rows: 2000, strings, compress });
    let records = 0;
    const doc = await extractFile({ path, bytes: readFileSync(path), sha256: '0'.repeat(64) }, { config, dossiers: (b) => void (records += b.count) });
    expect(records).toBe(2000);
    const figure = (key: string) => doc.figures.find((f) => f.indicatorKey === key)?.number;
    expect([figure('7.2.4.received'), figure('7.2.4.online'), figure('3.3.1.early')]).toEqual([2000, 667, 2000]);
  });

  it('a grid under the ceiling is still tried as an appendix first, and refused by both readers', async () => {
    const path = temp('small-grid');
    await writeLargeWorkbook({ path, kind: 'grid', rows: 200, columns: 6, compress: true });
    const run = extractFile({ path, bytes: readFileSync(path), sha256: '0'.repeat(64) }, { config });
    await expect(run).rejects.toThrow(RejectedInput);
    await expect(run).rejects.toThrow(/^workbook holds neither a CCHC appendix table nor a one-stop export: no sheet has an appendix table header/);
  });
});
