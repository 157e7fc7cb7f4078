import { describe, expect, it } from 'vitest';
import { DOSSIER_COLUMNS, type DossierBatch } from '../../src/extract/index.js';
import { createDossierLoader, openWarehouse } from '../../src/warehouse/index.js';

/** A batch of dossiers given as rows of a few columns (the rest null). */
function batch(rows: Record<string, string | number>[]): DossierBatch {
  return { count: rows.length, columns: DOSSIER_COLUMNS.map((c) => rows.map((r) => r[c] ?? null)) };
}
const row = (code: string, line: number, finished: string) => ({
  code,
  status: 'Đã trả kết quả',
  status_class: 'returned',
  received_date: '2024-03-01',
  finished_date: finished,
  outcome: 'on_time',
  source_line: line,
});

describe('the dossier loader', () => {
  it("stores each row with its document and run (written into the statement: a quote in either stays as it is), the first row of a code winning", async () => {
    const wh = await openWarehouse(':memory:');
    try {
      const a = createDossierLoader(wh.sqlite, 'a'.repeat(64), "run-1 o'clock");
      a.write(batch([row('HS-1', 2, '2024-03-04'), row('HS-2', 3, '2024-03-05')]));
      const b = createDossierLoader(wh.sqlite, 'b'.repeat(64), 'run-2');
      b.write(batch([row('HS-2', 7, '2024-03-09'), row('HS-3', 8, '2024-03-06')]));
      expect([a.inserted, a.duplicates, b.inserted, b.duplicates]).toEqual([2, 0, 1, 1]);
      expect(wh.sqlite.prepare('SELECT code, source_line, finished_date, document_sha256, run_id FROM dossiers ORDER BY code').all()).toEqual([
        { code: 'HS-1', source_line: 2, finished_date: '2024-03-04', document_sha256: 'a'.repeat(64), run_id: "run-1 o'clock" },
        { code: 'HS-2', source_line: 3, finished_date: '2024-03-05', document_sha256: 'a'.repeat(64), run_id: "run-1 o'clock" },
        { code: 'HS-3', source_line: 8, finished_date: '2024-03-06', document_sha256: 'b'.repeat(64), run_id: 'run-2' },
      ]);
      expect(b.warnings([])).toEqual([
        { where: 'line 7', message: `dossier HS-2 also at line 3 of document ${'a'.repeat(12)} with different finished_date: the warehouse keeps the first` },
      ]);
    } finally {
      await wh.close();
    }
  });
});
