import { describe, expect, it } from 'vitest';
import { indicatorCatalogue } from '../../src/catalog/index.js';
import { checkBounds, checkSum } from '../../src/reconcile/checks.js';
import { reconcile } from '../../src/reconcile/reconcile.js';
import { parseSum, reconcileRules } from '../../src/reconcile/rules.js';
import { doc, obs } from './helpers.js';

const rules = reconcileRules();
const ind = (key: string) => indicatorCatalogue().get(key)!;
const values = (v: Record<string, number>) => (k: string) => v[k];

describe('sum of parts', () => {
  const received = parseSum('7.2.4.received = 7.2.4.online + 7.2.4.direct + [7.2.4.carried_over]', 'major');

  it('holds when the parts add up, and fails when they do not', () => {
    expect(checkSum(received, values({ '7.2.4.received': 190, '7.2.4.online': 59, '7.2.4.direct': 129, '7.2.4.carried_over': 2 }))).toMatchObject({ ok: true, relation: 'eq' });
    expect(checkSum(received, values({ '7.2.4.received': 653, '7.2.4.online': 59, '7.2.4.direct': 129, '7.2.4.carried_over': 2 }))).toMatchObject({ ok: false, partsSum: 190 });
  });

  it('turns into "at least" when an optional part is missing, and does not apply when a required one is', () => {
    expect(checkSum(received, values({ '7.2.4.received': 190, '7.2.4.online': 59, '7.2.4.direct': 129 }))).toMatchObject({ ok: true, relation: 'ge' });
    expect(checkSum(received, values({ '7.2.4.received': 150, '7.2.4.online': 59, '7.2.4.direct': 129 }))).toMatchObject({ ok: false, relation: 'ge' });
    expect(checkSum(received, values({ '7.2.4.received': 190, '7.2.4.online': 59 }))).toBeUndefined();
  });

  it('lets tasks done on time, done late and overdue fall short of the tasks assigned, never exceed them', () => {
    const tasks = parseSum('1.4.1 >= 1.4.2 + 1.4.3 + 1.4.4', 'major');
    expect(checkSum(tasks, values({ '1.4.1': 21, '1.4.2': 18, '1.4.3': 1, '1.4.4': 0 }))?.ok).toBe(true);
    expect(checkSum(tasks, values({ '1.4.1': 21, '1.4.2': 21, '1.4.3': 1, '1.4.4': 0 }))?.ok).toBe(false);
  });

  it('reports a broken sum with the figures as printed', () => {
    const pdf = doc({ sha256: '8'.repeat(64) });
    const r = reconcile(
      [obs(pdf, { key: '3.3.1.resolved', raw: '196' }), obs(pdf, { key: '3.3.1.on_time', raw: '196' }), obs(pdf, { key: '3.3.1.early', raw: '161', method: 'narrative' }), obs(pdf, { key: '3.3.1.due_day', raw: '34', method: 'narrative' })],
      rules,
    );
    expect(r.conflicts.map((c) => [c.rule, c.severity, c.message])).toEqual([
      ['sum: 3.3.1.on_time = 3.3.1.early + 3.3.1.due_day', 'major', '3.3.1 Số hồ sơ TTHC giải quyết đúng hạn = 196, nhưng 3.3.1 Số hồ sơ TTHC giải quyết trước hạn (161) + 3.3.1 Số hồ sơ TTHC giải quyết đúng hạn (đúng ngày hẹn) (34) = 195'],
    ]);
  });
});

describe('bounds and types', () => {
  it('wants counts whole and not negative', () => {
    expect(checkBounds(12, ind('1.1'), rules)).toBeUndefined();
    expect(checkBounds(-1, ind('1.1'), rules)).toBe('negative');
    expect(checkBounds(12.5, ind('1.1'), rules)).toBe('not_whole');
  });

  it('wants shares at most 100% unless the indicator allows more', () => {
    expect(checkBounds(100, ind('7.2.4'), rules)).toBeUndefined();
    expect(checkBounds(100.5, ind('7.2.4'), rules)).toBe('over_max');
    expect(checkBounds(117.33, ind('6.revenue.rate'), rules)).toBeUndefined();
    expect(checkBounds(1200, ind('6.revenue.rate'), rules)).toBe('over_max');
  });

  it('flags a fractional count read from a report', () => {
    const pdf = doc({ sha256: '9'.repeat(64) });
    const r = reconcile([obs(pdf, { key: '1.1', raw: '13,5' })], rules);
    expect(r.conflicts.map((c) => [c.kind, c.verdict, c.message])).toEqual([['bounds', 'not_whole', '1.1: số đếm không phải số nguyên (13,5)']]);
    expect(r.values[0]!.failedChecks).toEqual(['bounds: 1.1']);
  });
});
