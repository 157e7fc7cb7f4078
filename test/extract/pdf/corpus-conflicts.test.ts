import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../../src/pipeline/index.js';
import { openWarehouse, type Warehouse } from '../../../src/warehouse/index.js';
import { fixture, tempDir } from '../../helpers.js';

/**
 * The corpus sources are consistent (every sum adds up, every rate is its fraction), so a major
 * conflict raised on the corpus can only come from reading. Each report is loaded in its
 * hardest renderings: Word's cells without padding and without inner borders, a hairline grid,
 * Chromium's filled borders in NFD.
 */
const FILES = [
  ...['quang-bach-2023', 'tan-thanh-2024-h1', 'phong-quang-2025-q3'].flatMap((r) =>
    ['docx-open', 'odf-hairline', 'chromium-medium-nfd'].map((v) => fixture(`pdf/corpus/${r}-${v}.pdf`)),
  ),
  // The 2019 (TCVN3) and 2020 (VNI) reports in the old templates: no NFD (their text is code characters).
  ...['duong-huu-2019', 'du-gia-2020-q2'].flatMap((r) => ['docx-open', 'odf-hairline', 'chromium-medium'].map((v) => fixture(`pdf/corpus/${r}-${v}.pdf`))),
];

describe('the PDF corpus in the warehouse', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    const dir = tempDir();
    await ingestPaths(FILES, { dbPath: join(dir, 'corpus.sqlite') });
    wh = await openWarehouse(join(dir, 'corpus.sqlite'));
  }, 300_000);
  afterAll(async () => {
    await wh.close();
  });

  it('loads every rendering', () => {
    const docs = wh.sqlite.prepare(`SELECT status, count(*) AS n FROM documents GROUP BY status`).all();
    expect(docs).toEqual([{ status: 'loaded', n: FILES.length }]);
  });

  it('raises no major conflict: the renderings of one report agree, and each adds up', () => {
    const all = wh.sqlite.prepare(`SELECT severity, rule, message FROM conflicts ORDER BY rule`).all() as { severity: string }[];
    expect(all.filter((c) => c.severity === 'major')).toEqual([]);
    // The checks did run: the template's own oddities (the second "4.2", no 5.3) are reported, as minor and info.
    expect(new Set(all.map((c) => c.severity))).toEqual(new Set(['minor', 'info']));
  });

  it('publishes the printed figures of each report', () => {
    const values = wh.sqlite
      .prepare(`SELECT commune_name, period_key, value_num FROM indicator_values WHERE indicator_key = '1.4.1.province' ORDER BY period_key`)
      .all() as { commune_name: string; period_key: string; value_num: number }[];
    expect(values.map((v) => [v.period_key, v.value_num])).toEqual([['2023', 14], ['2024-H1', 9], ['2025-Q3', 7]]);
    // The old templates' rows ("Số hồ sơ đã giải quyết tại Bộ phận tiếp nhận và trả kết quả", typed in TCVN3 / VNI).
    const legacy = wh.sqlite
      .prepare(`SELECT commune_name, period_key, value_num FROM indicator_values WHERE indicator_key = '3.3.1.resolved' AND period_key IN ('2019', '2020-Q2') ORDER BY period_key`)
      .all() as { commune_name: string; period_key: string; value_num: number }[];
    expect(legacy.map((v) => [v.commune_name, v.period_key, v.value_num])).toEqual([['Xã Dương Hưu', '2019', 998], ['Xã Du Già', '2020-Q2', 367]]);
  });
});
