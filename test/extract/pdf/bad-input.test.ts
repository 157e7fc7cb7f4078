import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RejectedInput } from '../../../src/extract/errors.js';
import type { ExtractContext } from '../../../src/extract/extractor.js';
import { extractFile } from '../../../src/extract/index.js';

const ctx = (maxPages?: number): ExtractContext => ({
  config: { maxBytes: 50_000_000, ...(maxPages ? { maxPages } : {}) },
});
const read = (path: string) => ({ path, bytes: readFileSync(path), sha256: '' });

async function rejection(path: string, maxPages?: number): Promise<string> {
  try {
    await extractFile(read(path), ctx(maxPages));
  } catch (err) {
    expect(err).toBeInstanceOf(RejectedInput);
    return (err as Error).message;
  }
  throw new Error(`${path} was not rejected`);
}

describe('PDFs the extractor refuses, each with a one-line reason', () => {
  it.each([
    ['fixtures/bad/scanned-no-text.pdf', /^no text layer \(scanned PDF\?\): 1 page\(s\) without any text/],
    ['fixtures/bad/encrypted.pdf', /^encrypted PDF/],
    ['fixtures/bad/truncated.pdf', /^corrupt PDF: truncated/],
    ['fixtures/bad/garbage.pdf', /^corrupt PDF: Invalid PDF structure/],
  ])('%s', async (path, reason) => {
    const message = await rejection(path);
    expect(message).toMatch(reason);
    expect(message).not.toContain('\n');
  });

  it('a file with more pages than the configured limit', async () => {
    expect(await rejection('fixtures/pdf/ban-thi-2024-bao-cao-layout2.pdf', 5)).toBe('too many pages: 11 (limit 5)');
  });
});

describe('a PDF with text but no appendix table', () => {
  it('loads its narrative and header, with a warning', async () => {
    const doc = await extractFile(read('fixtures/pdf/ban-thi-2024-narrative-only.pdf'), ctx());
    expect(doc.warnings.map((w) => w.message)).toEqual(['no appendix table found']);
    expect(doc.figures.filter((f) => f.method === 'table')).toEqual([]);
    expect(doc.figures.filter((f) => f.method === 'narrative').length).toBeGreaterThan(10);
    expect(doc.commune.name).toBe('Bản Thi');
    expect(doc.window).toMatchObject({ start: '2023-12-01', end: '2024-11-20', estimate: true });
  });
});

describe('a PDF whose appendix table cannot be read', () => {
  it('is refused saying what was seen and what was missing, not loaded as a report without a table', async () => {
    // fixtures/bad/unknown-headings.pdf: the Quảng Bạch 2023 report with its table headed in English.
    const message = await rejection('fixtures/bad/unknown-headings.pdf');
    expect(message).toMatch(/^appendix table not read: page 2 has the title "Phụ lục II" and \d+ rows numbered like the appendix's/);
    expect(message).toContain('no column header naming the label and value columns');
    expect(message).toContain('"Indicator"');
    expect(message).toContain('"Figure"');
    expect(message).not.toContain('no appendix table');
    expect(message).not.toContain('\n');
  });
});
