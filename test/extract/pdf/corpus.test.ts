import { beforeAll, describe, expect, it } from 'vitest';
import { type CorpusEntry, type FileScore, corpusManifest, scoreFile } from './corpus-score.js';

/**
 * Every file of the PDF corpus (scripts/fixtures/pdf/corpus.ts: the same structured reports printed
 * by LibreOffice from .docx and from ODF and by Chromium, in every border style, in NFC and NFD, and
 * the 2019–2020 reports typed in TCVN3 and VNI fonts) against its truth, the source JSON: every
 * appendix cell. The legacy-typed reports are scored apart from the Unicode ones and from each other
 * (TCVN3, VNI), so that their few cells are not carried by the Unicode reports' many.
 */
const manifest = corpusManifest();
const scores = new Map<string, FileScore>();

beforeAll(async () => {
  for (const entry of manifest) scores.set(entry.file, await scoreFile(entry));
}, 600_000);

const groupOf = (e: CorpusEntry) => `${e.producer} ${e.style} ${e.form}${e.encoding === 'unicode' ? '' : ` ${e.encoding}`}`;
const groups = [...new Set(manifest.map(groupOf))];
const inGroup = (g: string) => [...scores.values()].filter((s) => groupOf(s.entry) === g);

describe('the PDF corpus', () => {
  it('covers three producers, every border style and both Unicode forms', () => {
    expect(new Set(manifest.map((e) => e.producer))).toEqual(new Set(['docx', 'odf', 'chromium']));
    expect(new Set(manifest.map((e) => e.style))).toEqual(new Set(['hairline', 'medium', 'frame', 'open', 'rows', 'dashed', 'double']));
    expect(new Set(manifest.filter((e) => e.form === 'NFD').map((e) => e.producer)).size).toBe(3);
    expect(new Set(manifest.map((e) => e.report)).size).toBe(5);
  });

  it('has a 2019 report typed in TCVN3 and a 2020 one in VNI, each by every producer in every border style', () => {
    for (const [report, encoding] of [['duong-huu-2019', 'tcvn3'], ['du-gia-2020-q2', 'vni']] as const) {
      const files = manifest.filter((e) => e.report === report);
      expect(new Set(files.map((e) => e.encoding))).toEqual(new Set([encoding]));
      for (const producer of ['docx', 'odf', 'chromium']) {
        const styles = files.filter((e) => e.producer === producer).map((e) => e.style);
        expect(new Set(styles), `${report} ${producer}`).toEqual(new Set(manifest.filter((e) => e.producer === producer && e.encoding === 'unicode').map((e) => e.style)));
      }
    }
  });

  it('is read in full: no file refused', () => {
    expect([...scores.values()].filter((s) => s.rejected).map((s) => `${s.entry.file}: ${s.rejected}`)).toEqual([]);
  });

  it.each(groups)('%s: at least 99%% of the appendix cells right', (group) => {
    const files = inGroup(group);
    const right = files.reduce((n, s) => n + s.right, 0);
    const cells = files.reduce((n, s) => n + s.cells, 0);
    const wrong = files.flatMap((s) => s.wrong.map((w) => `${s.entry.file} ${w}`));
    expect(right / cells, wrong.slice(0, 12).join('\n')).toBeGreaterThanOrEqual(0.99);
  });

  it('never reads a value made of several printed numbers', () => {
    expect([...scores.values()].flatMap((s) => s.concatenated.map((c) => `${s.entry.file}: ${c}`))).toEqual([]);
    // Nor marks a clean rendering's figure doubtful: every value cell of the corpus prints one number.
    expect([...scores.values()].filter((s) => s.doubtful > 0).map((s) => s.entry.file)).toEqual([]);
  });

  it('reads the parent rows, their sub-rows and the rates of every rendering alike', () => {
    for (const s of [...scores.values()].filter((x) => x.entry.encoding === 'unicode')) {
      const table = s.document!.figures.filter((f) => f.method === 'table');
      const i = table.findIndex((f) => f.rowCode === '1.4.1');
      const rows = table.slice(i, i + 3).map((f) => [f.rowCode, f.rowLabel, f.raw]);
      const truth = { 'quang-bach-2023': ['21', '14', '07'], 'tan-thanh-2024-h1': ['15', '09', '06'], 'phong-quang-2025-q3': ['14', '07', '07'] }[s.entry.report];
      expect(rows, s.entry.file).toEqual([
        ['1.4.1', 'Tổng số nhiệm vụ được giao', truth![0]],
        ['', 'UBND tỉnh', truth![1]],
        ['', 'UBND huyện', truth![2]],
      ]);
    }
  });
});
