import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { extractNarrative, pagesOfTextLines } from '../../src/extract/narrative/index.js';
import { extractPdf } from '../../src/extract/pdf/index.js';
import { readFixture } from '../extract/narrative/helpers.js';

async function run(...args: string[]): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((s: unknown) => void lines.push(String(s)));
  try {
    await main(['node', 'cchc', 'narrative', ...args]);
  } finally {
    spy.mockRestore();
  }
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('cchc narrative', () => {
  it('prints one JSON object per number of a text file, headings giving the section', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cchc-narrative-'));
    const file = path.join(dir, 'bao-cao.txt');
    writeFileSync(file, 'II.2. Cải cách thủ tục hành chính\nĐã giải quyết 226 hồ sơ, trong đó: trước hạn 180, đúng hạn 40, quá hạn 6.\nKế hoạch số 12/KH-UBND năm 2025.\n');
    const out = await run(file);
    expect(out.map((o) => [o.raw, o.indicator_key, o.value])).toEqual([
      ['226', '3.3.1.resolved', 226],
      ['180', '3.3.1.early', 180],
      ['40', '3.3.1.due_day', 40],
      ['6', '3.3.1.late', 6],
    ]);
    for (const o of out) {
      expect(Object.keys(o)).toEqual(['file', 'page', 'section', 'quote', 'raw', 'value', 'indicator_key', 'span', 'why']);
      expect(o.file).toBe(file);
      expect(o.section).toBe('II.2. Cải cách thủ tục hành chính');
      const [s, e] = o.span as [number, number];
      expect((o.quote as string).slice(s, e)).toBe(o.raw);
    }
  });

  it("prints the same figures for the sample report's narrative as the extractor ingest uses", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cchc-narrative-'));
    const file = path.join(dir, 'ban-thi.txt');
    const text = readFixture();
    writeFileSync(file, text);
    const out = await run(file);
    const figures = extractNarrative(pagesOfTextLines(readFileSync(file, 'utf8').split('\n')));
    expect(out.map((o) => [o.raw, o.indicator_key])).toEqual(figures.map((f) => [f.raw, f.indicatorKey ?? null]));
    expect(out.filter((o) => o.indicator_key).length).toBeGreaterThanOrEqual(79);
  });

  it('reads a report PDF through the PDF path ingest uses: the same narrative figures', { timeout: 60_000 }, async () => {
    const file = path.resolve(import.meta.dirname, '../../fixtures/pdf/ban-thi-2024-bao-cao.pdf');
    const out = await run(file);
    const bytes = readFileSync(file);
    const doc = await extractPdf({ path: file, bytes, sha256: 'x' }, { config: { maxBytes: Infinity } });
    const narrative = doc.figures.filter((f) => f.method === 'narrative');
    expect(out.map((o) => [o.page, o.raw, o.indicator_key])).toEqual(narrative.map((f) => [f.provenance.page, f.raw, f.indicatorKey ?? null]));
    expect(out.filter((o) => o.indicator_key).length).toBeGreaterThanOrEqual(79);
    expect(out.find((o) => o.indicator_key === '7.2.4.received')).toMatchObject({ raw: '196', value: 196 });
  });

  it('a missing file gets one line on stderr and exit status 3, the other files still print', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cchc-narrative-'));
    const good = path.join(dir, 'ok.txt');
    writeFileSync(good, 'Tiếp nhận 45 hồ sơ.\n');
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const out = await run(path.join(dir, 'missing.txt'), good);
    expect(err.mock.calls[0]?.[0]).toMatch(/missing\.txt: ENOENT/);
    err.mockRestore();
    expect(process.exitCode).toBe(3);
    expect(out.map((o) => o.indicator_key)).toEqual(['7.2.4.received']);
  });
});
