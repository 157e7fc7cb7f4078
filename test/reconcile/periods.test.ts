import { describe, expect, it } from 'vitest';
import { reconcile } from '../../src/reconcile/reconcile.js';
import { reconcileRules } from '../../src/reconcile/rules.js';
import { doc, obs } from './helpers.js';

const rules = reconcileRules();
const report = (period: string, n: number) => doc({ sha256: String(n).repeat(64), periodKey: period, fileName: `${period}.pdf` });
const figures = (key: string, byPeriod: Record<string, string>) =>
  Object.entries(byPeriod).map(([period, raw], i) => obs(report(period, i + 1), { key, raw, period }));

describe('periods', () => {
  it('accepts flow figures whose quarters add up to the half and the year', () => {
    const r = reconcile(figures('7.2.4.online', { '2024-Q1': '40', '2024-Q2': '50', '2024-H1': '90', '2024-Q3': '45', '2024-Q4': '55', '2024-H2': '100', '2024': '190' }), rules);
    expect(r.values).toHaveLength(7);
    expect(r.conflicts).toEqual([]);
  });

  it('flags quarters that do not add up to the half, and halves that do not add up to the year', () => {
    const r = reconcile(figures('7.2.4.online', { '2024-Q1': '40', '2024-Q2': '50', '2024-H1': '95', '2024-H2': '100', '2024': '190' }), rules);
    expect(r.conflicts.map((c) => [c.periodKey, c.rule, c.message])).toEqual([
      ['2024', 'period: Y = H1 + H2', '7.2.4 Số hồ sơ TTHC đã tiếp nhận trực tuyến: 2024 = 190, nhưng 2024-H1 + 2024-H2 = 195'],
      ['2024-H1', 'period: H1 = Q1 + Q2', '7.2.4 Số hồ sơ TTHC đã tiếp nhận trực tuyến: 2024-H1 = 95, nhưng 2024-Q1 + 2024-Q2 = 90'],
    ]);
  });

  it('does not add up received dossiers, which count the dossiers carried over from the quarter before again', () => {
    const r = reconcile(figures('7.2.4.received', { '2024-Q1': '40', '2024-Q2': '50', '2024-H1': '88' }), rules);
    expect(r.conflicts).toEqual([]);
  });

  it('does not add up cumulative or stock figures, but wants a cumulative one never to fall', () => {
    // 1.2.2 tasks completed is cumulative ("lũy kế"); 3.1.4 procedures is a stock.
    const ok = reconcile([...figures('1.2.2', { '2024-Q1': '10', '2024-H1': '25', '2024': '41' }), ...figures('3.1.4', { '2024-Q1': '114', '2024-Q2': '114', '2024-H1': '114' })], rules);
    expect(ok.conflicts).toEqual([]);
    const falling = reconcile(figures('1.2.2', { '2024-Q1': '10', '2024-H1': '8' }), rules);
    expect(falling.conflicts.map((c) => c.message)).toEqual(['1.2.2 (lũy kế): 2024-H1 = 8 nhỏ hơn 2024-Q1 = 10']);
  });
});
