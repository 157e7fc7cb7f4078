import { describe, expect, it } from 'vitest';
import { reconcile } from '../../src/reconcile/reconcile.js';
import { reconcileRules } from '../../src/reconcile/rules.js';
import type { ReconObservation, ReconcileResult } from '../../src/reconcile/types.js';
import { splitByWindow } from '../../src/reconcile/windows.js';
import { doc, obs, resetSeq, type ObsSpec } from './helpers.js';

const STATED = { windowStart: '2023-12-01', windowEnd: '2024-11-20', windowSource: 'stated' };
const REGULATION = { windowStart: '2023-12-15', windowEnd: '2024-12-14', windowSource: 'regulation' };
const RIVAL_190 = 'Hệ thống một cửa điện tử (kỳ theo Nghị định 09: 15/12/2023–14/12/2024): 190 — khác do kỳ số liệu';

const pdf = doc({ sha256: 'b'.repeat(64), statedStart: '2023-12-01', statedEnd: '2024-11-20' });
const xlsx = doc({ sha256: 'a'.repeat(64), format: 'xlsx', fileName: 'phu-luc.xlsx' });
const tsv = doc({ sha256: 'f'.repeat(64), format: 'tsv', kind: 'onestop', fileName: 'onestop.tsv', title: null, communeKey: null, periodKey: null });

type Window = typeof STATED;
const at = (o: ReconObservation, w: Window): ReconObservation => ({ ...o, ...w });
const one = (spec: ObsSpec, w: Window) => at(obs(tsv, { ...spec, period: '2024', method: 'onestop' }), w);

/** The report states 196 over its own window; the system counts 196 over that window and 190 over Nghị định 09's. */
function twoWindows({ stated = true, reportWindow = true } = {}): ReconObservation[] {
  resetSeq();
  const report = reportWindow ? pdf : doc({ sha256: pdf.sha256 });
  const r = (spec: ObsSpec) => (reportWindow ? at(obs(report, spec), STATED) : obs(report, spec));
  return [
    obs(xlsx, { key: '7.2.4.received', raw: '653' }),
    r({ key: '7.2.4.received', raw: '653' }),
    r({ key: '7.2.4.received', raw: '196', method: 'narrative', quote: 'tiếp nhận 196 hồ sơ' }),
    r({ key: '3.3.1.early', raw: '161', method: 'narrative' }),
    one({ key: '7.2.4.received', raw: '190' }, REGULATION),
    one({ key: '3.3.1.early', raw: '157' }, REGULATION),
    one({ key: '3.3.1.late', raw: '0' }, REGULATION),
    ...(stated
      ? [
          one({ key: '7.2.4.received', raw: '196', seq: 1_000_000 }, STATED),
          one({ key: '3.3.1.early', raw: '161', seq: 1_000_001 }, STATED),
          one({ key: '3.3.1.late', raw: '0', seq: 1_000_002 }, STATED),
        ]
      : []),
  ];
}

const value = (r: ReconcileResult, key: string) => r.values.find((v) => v.indicatorKey === key && v.periodKey === '2024')!;

describe('one-stop figures over two windows', () => {
  it('takes the figure over the window the report states, and keeps the other window as a rival explained by the window', () => {
    const r = reconcile(twoWindows(), reconcileRules());
    const received = value(r, '7.2.4.received');
    expect(received).toMatchObject({ valueNum: 196, status: 'resolved', rule: 'independent_votes' });
    expect(received.rivals.map((x) => [x.label, x.value, x.cause ?? null])).toEqual([
      ['Bảng phụ lục (Excel)', 653, null],
      ['Bảng phụ lục (PDF)', 653, null],
      ['Hệ thống một cửa điện tử', 190, 'window'],
    ]);
    expect(received.rivals[2]!.window).toEqual({ source: 'regulation', start: '2023-12-15', end: '2024-12-14' });
    expect(received.explanation).toBe(
      'Hệ thống một cửa điện tử: 196; Thuyết minh: 196; Bảng phụ lục (Excel): 653; Bảng phụ lục (PDF): 653 — chọn 196: 2 nguồn độc lập cùng số liệu — ' + RIVAL_190,
    );
    expect(received.observations).toBe(5);
  });

  it('does not let the other window vote or count as a disagreement of sources', () => {
    const r = reconcile(twoWindows(), reconcileRules());
    expect(value(r, '3.3.1.early')).toMatchObject({ valueNum: 161, status: 'agreed' });
    expect(value(r, '3.3.1.early').explanation).toContain('(kỳ theo Nghị định 09: 15/12/2023–14/12/2024): 157 — khác do kỳ số liệu');
    // The same value over both windows is no rival at all.
    expect(value(r, '3.3.1.late')).toMatchObject({ valueNum: 0, status: 'single_source', rivals: [] });
    const cross = r.conflicts.filter((c) => c.kind === 'cross_source');
    expect(cross.map((c) => c.indicators[0])).toEqual(['7.2.4.received']);
    expect(cross[0]!.values.map((v) => v.value)).toEqual([653, 653, 196, 196]);
  });

  it('records a difference that only comes from the window as a window conflict of info severity', () => {
    const r = reconcile(twoWindows(), reconcileRules());
    const windows = r.conflicts.filter((c) => c.kind === 'window');
    expect(windows.map((c) => [c.indicators[0], c.severity, c.verdict])).toEqual([
      ['3.3.1.early', 'info', 'window'],
      ['7.2.4.received', 'info', 'window'],
    ]);
    const received = windows[1]!;
    expect(received.values.map((v) => [v.value, v.window?.source])).toEqual([
      [196, 'stated'],
      [190, 'regulation'],
    ]);
    expect(received.message).toContain(
      'Hệ thống một cửa điện tử (kỳ báo cáo: 01/12/2023–20/11/2024): 196; Hệ thống một cửa điện tử (kỳ theo Nghị định 09: 15/12/2023–14/12/2024): 190 — chỉ khác do kỳ số liệu',
    );
  });

  it('behaves as before when the system gives no figure over the stated window', () => {
    const r = reconcile(twoWindows({ stated: false }), reconcileRules());
    const received = value(r, '7.2.4.received');
    expect(received.rivals.every((x) => x.cause === undefined && x.window === undefined)).toBe(true);
    expect(received.explanation).not.toContain('khác do kỳ số liệu');
    expect(r.conflicts.filter((c) => c.kind === 'window')).toEqual([]);
    expect(r.conflicts.find((c) => c.kind === 'cross_source' && c.indicators[0] === '3.3.1.early')!.values.map((v) => v.value)).toEqual([161, 157]);
  });

  it('sets nothing aside when no report of the commune-period states a window', () => {
    const split = splitByWindow(twoWindows({ reportWindow: false }));
    expect(split.otherWindow).toEqual([]);
  });

  it('takes its wording from the catalogue', () => {
    const rules = reconcileRules();
    const r = reconcile(twoWindows(), { ...rules, messages: { ...rules.messages, window_differs: 'KỲ KHÁC: {values}', window_regulation: 'NĐ09' } });
    expect(value(r, '7.2.4.received').explanation).toMatch(/ — KỲ KHÁC: Hệ thống một cửa điện tử \(NĐ09: 15\/12\/2023–14\/12\/2024\): 190$/);
  });

  it('gives byte-identical results in any order of the observations', () => {
    const input = twoWindows();
    const expected = JSON.stringify(reconcile(input, reconcileRules()));
    for (const order of [[...input].reverse(), [...input.slice(4), ...input.slice(0, 4)], [...input].sort((a, b) => (a.rawText < b.rawText ? -1 : 1))]) {
      expect(JSON.stringify(reconcile(order, reconcileRules()))).toBe(expected);
    }
  });
});
