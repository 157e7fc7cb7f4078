import { describe, expect, it } from 'vitest';
import { DossierBatch, DossierBatcher, TooManyDossiers, collectDossiers, dossierRow } from '../../../src/extract/onestop/dossier-batch.js';

const record = (code: string, line: number) => ({ code, status: 'done', status_class: 'returned', received_date: '2024-01-02', outcome: 'early', source_line: line });

describe('dossier batches', () => {
  it('gathers records into column batches of the given size, the last one shorter, absent fields as null', () => {
    const sink = collectDossiers();
    const batcher = new DossierBatcher(sink, 2);
    ['A', 'B', 'C'].forEach((c, i) => batcher.add(record(c, i + 2)));
    batcher.flush();
    batcher.flush(); // nothing left: no empty batch
    expect(sink.batches.map((b) => b.count)).toEqual([2, 1]);
    expect(sink.rows).toBe(3);
    expect(dossierRow(sink.batches[1]!, 0)).toEqual({
      code: 'C',
      procedure: null,
      sector: null,
      unit_name: null,
      channel: null,
      online_level: null,
      status: 'done',
      status_class: 'returned',
      received_date: '2024-01-02',
      promised_date: null,
      finished_date: null,
      working_days: null,
      outcome: 'early',
      paid_online: null,
      applicant_hmac: null,
      source_line: 4,
    });
    expect(DossierBatch.safeParse(sink.batches[0]).success).toBe(true);
    expect(DossierBatch.safeParse({ count: 3, columns: sink.batches[0]!.columns }).success).toBe(false);
  });

  it('refuses a field the dossiers table has no column for, rather than dropping it', () => {
    const batcher = new DossierBatcher(() => {});
    expect(() => batcher.add({ ...record('A', 2), applicant: 'Nguyễn Văn A' })).toThrow('dossier record has fields the dossiers table lacks: applicant');
  });

  it('a collecting sink stops at its limit, so that a worker gives a long export back to the writer', () => {
    const sink = collectDossiers(3);
    const batcher = new DossierBatcher(sink, 2);
    batcher.add(record('A', 2));
    batcher.add(record('B', 3));
    batcher.add(record('C', 4));
    expect(() => batcher.add(record('D', 5))).toThrow(TooManyDossiers);
  });
});
