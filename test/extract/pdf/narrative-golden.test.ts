import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../../src/model/index.js';
import { extractPdf } from '../../../src/extract/pdf/index.js';

// The reference recorded by scripts/fixtures/pdf/narrative-golden.ts: the header, then every narrative figure.
const PATH = 'fixtures/pdf/ban-thi-2024-bao-cao.pdf';
const golden = readFileSync('fixtures/pdf/ban-thi-2024-bao-cao.narrative.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Record<string, unknown>);

let doc: ExtractedDocument;
beforeAll(async () => {
  doc = await extractPdf({ path: PATH, bytes: readFileSync(PATH), sha256: '' }, { config: { maxBytes: 100_000_000 } });
});

describe('the sample report read as recorded (fixtures/pdf/ban-thi-2024-bao-cao.narrative.jsonl)', () => {

  it('has the recorded title, commune clues, period and window', () => {
    expect(golden[0]).toEqual({ title: 'BÁO CÁO Công tác cải cách hành chính năm 2024', commune: expect.objectContaining({ name: 'Bản Thi' }), period: expect.objectContaining({ key: '2024' }), window: expect.objectContaining({ end: '2024-11-20' }) });
    expect(JSON.parse(JSON.stringify({ title: doc.title, commune: doc.commune, period: doc.period, window: doc.window }))).toEqual(golden[0]);
  });

  it('reads the recorded narrative figures, one by one, in reading order', () => {
    const figures = golden.slice(1);
    expect(figures).toHaveLength(113);
    const narrative = doc.figures.filter((f) => f.method === 'narrative');
    expect(narrative).toHaveLength(figures.length);
    for (const [i, f] of narrative.entries()) expect(JSON.parse(JSON.stringify(f)), `figure ${i}: ${f.raw} in "${f.provenance.quote?.slice(0, 60)}"`).toEqual(figures[i]);
  });
});
