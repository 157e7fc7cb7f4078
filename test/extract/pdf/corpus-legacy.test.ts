import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { ExtractContext } from '../../../src/extract/extractor.js';
import { extractPdf } from '../../../src/extract/pdf/index.js';
import { normalizeDocument } from '../../../src/normalize/index.js';
import { CORPUS_DIR } from './corpus-score.js';

/**
 * The corpus's 2019 report typed in TCVN3 (.VnTime, .VnTimeH) and 2020 report typed in VNI
 * (VNI-Times), as each producer printed them with a substitute font: the text layer holds the
 * legacy code characters, the reader gives Unicode, and the old template's wordings meet today's
 * indicators through the catalogue's aliases. (Every cell of every rendering: corpus.test.ts.)
 */
const ctx: ExtractContext = { config: { maxBytes: 50_000_000 } };
const PRODUCERS = ['docx', 'odf', 'chromium'] as const;

async function rawText(file: string, page: number): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(join(CORPUS_DIR, file))), verbosity: 0 }).promise;
  const items = (await (await doc.getPage(page)).getTextContent()).items as { str?: string }[];
  await doc.destroy();
  return items.map((i) => i.str ?? '').join('');
}

async function normalized(file: string) {
  const path = join(CORPUS_DIR, file);
  const bytes = readFileSync(path);
  const source = { path, bytes, sha256: '' };
  return normalizeDocument(await extractPdf(source, ctx), source);
}

/** The notes of the rows whose remark the source typed in a Unicode font (3.1.4 and 7.1's electronic share). */
const unicodeNotes = (n: Awaited<ReturnType<typeof normalized>>) =>
  ['3.1.4', '7.1.electronic'].map((key) => n.observations.find((o) => o.indicator_key === key)?.note);
const value = (n: Awaited<ReturnType<typeof normalized>>, key: string) => n.observations.find((o) => o.indicator_key === key)?.value_num;

describe('legacy-typed reports of the PDF corpus', () => {
  it.each(PRODUCERS)('TCVN3 by %s: the text layer holds TCVN3 code characters, the figures land on today\'s indicators', async (producer) => {
    const file = `duong-huu-2019-${producer}-medium.pdf`;
    // "Chỉ tiêu thống kê" as .VnTime stores it; no font of the file names .VnTime (a substitute drew it).
    expect(await rawText(file, 2)).toContain('ChØ tiªu thèng kª');
    expect(readFileSync(join(CORPUS_DIR, file)).toString('latin1')).not.toContain('/BaseFont /.Vn');
    const n = await normalized(file);
    expect(n.document).toMatchObject({ period_key: '2019', commune_code: '07666', commune_name: 'Xã Dương Hưu' });
    // "Số TTHC cung cấp trực tuyến mức độ 3 / 4", "… trực tuyến mức độ 3, 4", "Tổng số người hoạt động không chuyên trách".
    expect([value(n, '7.2.1.provided'), value(n, '7.2.2.provided'), value(n, '7.2.4'), value(n, '4.2.part_time')]).toEqual([23, 5, 5, 19]);
    expect([value(n, '3.3.1'), value(n, '3.3.1.resolved'), value(n, '3.3.1.on_time')]).toEqual([98.6, 998, 984]);
    // Remarks typed in a Unicode font (Arial) inside the TCVN3 document stay as they are.
    expect(unicodeNotes(n)).toEqual(['Theo Quyết định công bố của Chủ tịch UBND tỉnh', 'Các phòng ban']);
  });

  it.each(PRODUCERS)('VNI by %s: the text layer holds VNI code characters, the figures land on today\'s indicators', async (producer) => {
    const file = `du-gia-2020-q2-${producer}-medium.pdf`;
    expect(await rawText(file, 2)).toContain('Chæ tieâu thoáng keâ');
    const n = await normalized(file);
    expect(n.document).toMatchObject({ period_key: '2020-Q2', commune_code: '00871', commune_name: 'Xã Du Già' });
    // "Số TTHC cung cấp dịch vụ công trực tuyến mức độ 4 / 3", "Tỷ lệ dịch vụ công trực tuyến mức độ 3".
    expect([value(n, '7.2.2.provided'), value(n, '7.2.1.provided'), value(n, '7.2.1'), value(n, '7.2.4')]).toEqual([5, 9, 6.82, 7.94]);
    expect([value(n, '1.2'), value(n, '5.4'), value(n, '7.1.electronic')]).toEqual([90.48, 1, 73]);
    expect(unicodeNotes(n)).toEqual(['Theo Quyết định công bố của Chủ tịch UBND tỉnh', 'Các phòng ban']);
  });
});
