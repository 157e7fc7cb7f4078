import { describe, expect, it } from 'vitest';
import { byKey, extract, LAYOUTS, STATED } from './helpers.js';

// By construction (fixtures/source/ban-thi-2024/onestop.yaml, the report's own figures): 196 dossiers
// received 01/12/2023–20/11/2024, 161 early, 35 on time (31 on the promised day, 2 withdrawn,
// 2 returned), 61 online, 10 paid online.
const REPORT_WINDOW = {
  '7.2.4.received': 196,
  '7.2.4.new': 196,
  '7.2.4.online': 61,
  '7.2.4.direct': 135,
  '7.2.4.carried_over': 0,
  '7.2.4': 31.12,
  '3.3.1.resolved': 196,
  '3.3.1.early': 161,
  '3.3.1.due_day': 35,
  '3.3.1.late': 0,
  '3.3.1.on_time': 196,
  '3.3.1': 100,
  '3.3.1.in_progress': 0,
  '3.3.1.in_progress_within': 0,
  '3.3.1.in_progress_overdue': 0,
  '7.2.payment.paid_online': 10,
};

describe('one-stop dossier exports: figures by construction', () => {
  it('the UTF-16 TSV gives the report figures over the report window', async () => {
    const doc = await extract(LAYOUTS[0], STATED);
    expect(doc.kind).toBe('onestop');
    expect(doc.format).toBe('tsv');
    expect(doc.commune.name).toBe('Bản Thi');
    expect(doc.warnings).toEqual([]);
    expect(byKey(doc.figures)).toEqual(REPORT_WINDOW);
    const f = doc.figures.find((x) => x.indicatorKey === '3.3.1.early')!;
    expect(f.method).toBe('onestop');
    expect(f.scope?.window).toEqual({ start: '2023-12-01', end: '2024-11-20', source: 'stated' });
    expect(f.scope?.period?.key).toBe('2024');
    expect(f.details).toMatchObject({ rows: 196, rules: 'td-dichvucong-2020', window_source: 'stated', received_first: '2023-12-01', received_last: '2024-11-15' });
  });

  it.each(LAYOUTS)('%s gives identical figures to the TSV (every layout and encoding)', async (path) => {
    const reference = await extract(LAYOUTS[0], STATED);
    const doc = await extract(path, STATED);
    const strip = (fs: typeof doc.figures) =>
      fs
        .filter((f) => f.indicatorKey !== '7.2.payment.dossiers' && f.indicatorKey !== '7.2.payment.rate')
        .map((f) => ({ key: f.indicatorKey, n: f.number, raw: f.raw, period: f.scope?.period, window: f.scope?.window, commune: f.scope?.commune?.name, rows: f.details?.rows }));
    expect(strip(doc.figures)).toEqual(strip(reference.figures));
  });

  it('exports with fee columns also give the fee denominator (the yes/no column cannot)', async () => {
    const doc = await extract('onestop/ban-thi-2024-vendor2.csv', STATED);
    expect(byKey(doc.figures)).toMatchObject({ '7.2.payment.paid_online': 10, '7.2.payment.dossiers': 78, '7.2.payment.rate': 12.82 });
    const tsv = await extract(LAYOUTS[0], STATED);
    expect(byKey(tsv.figures)['7.2.payment.dossiers']).toBeUndefined();
  });

  it('without a stated window counts over the regulation window and says so (the difference is the window)', async () => {
    const doc = await extract(LAYOUTS[0], { period: '2024' });
    const f = byKey(doc.figures);
    // 15/12/2023–14/12/2024: the 8 dossiers received 01–14/12/2023 fall out, 2 of them still open on
    // 15/12/2023 come back as carried over.
    expect(f).toMatchObject({
      '7.2.4.received': 190,
      '7.2.4.new': 188,
      '7.2.4.carried_over': 2,
      '7.2.4.online': 59,
      '7.2.4.direct': 129,
      '3.3.1.resolved': 190,
      '3.3.1.early': 157,
      '3.3.1.due_day': 33,
      '7.2.payment.paid_online': 10,
    });
    expect(doc.figures[0]!.scope?.window).toEqual({ start: '2023-12-15', end: '2024-12-14', source: 'regulation' });
  });

  it('without a period counts every reporting year the dates touch, with open dossiers in progress', async () => {
    const doc = await extract('onestop/ban-thi-2024-vendor2.csv');
    // Its dossiers span two reporting years; the document is of the year its file name names.
    expect(doc.period?.key).toBe('2024');
    expect(byKey(doc.figures, '2023')).toMatchObject({
      '7.2.4.received': 8,
      '3.3.1.resolved': 6,
      '3.3.1.in_progress': 2,
      '3.3.1.in_progress_within': 2,
      '3.3.1.in_progress_overdue': 0,
    });
    expect(byKey(doc.figures, '2024')).toMatchObject({ '7.2.4.received': 190, '7.2.4.carried_over': 2 });
    const w2023 = doc.figures.find((x) => x.scope?.period?.key === '2023')!.scope?.window;
    expect(w2023).toEqual({ start: '2022-12-15', end: '2023-12-14', source: 'regulation' });
  });

  it('streams every dossier row to the records writer, without personal fields', async () => {
    const { memoryWriter } = await import('./helpers.js');
    const w = memoryWriter();
    await extract('onestop/ban-thi-2024-vendor2.csv', STATED, w);
    expect(w.rows).toHaveLength(196);
    const first = w.rows[0]!;
    expect(first).toMatchObject({
      code: '000.31.64.H06-231201-0001',
      sector: 'Hộ tịch',
      status_class: 'done',
      received_date: '2023-12-01',
      promised_date: '2023-12-06',
      applicant_hmac: null,
      source_line: 6,
    });
    const columns = Object.keys(first).join(' ');
    expect(columns).not.toMatch(/applicant\b|phone|address|email|id_number/);
    expect(w.rows.filter((r) => r.outcome === 'early')).toHaveLength(161);
    expect(w.rows.filter((r) => r.channel === 'online')).toHaveLength(61);
  });
});
