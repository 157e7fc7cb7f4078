import { beforeAll, describe, expect, it } from 'vitest';
import { reconcile } from '../../src/reconcile/reconcile.js';
import { reconcileRules } from '../../src/reconcile/rules.js';
import type { Conflict, ReconcileResult } from '../../src/reconcile/types.js';
import { seedObservations } from './seed.js';

describe('reconciling the seed report (narrative against appendix)', () => {
  let r: ReconcileResult;
  const value = (key: string) => r.values.find((v) => v.indicatorKey === key)!;
  const conflict = (pred: (c: Conflict) => boolean) => r.conflicts.filter(pred);
  beforeAll(() => {
    r = reconcile(seedObservations(), reconcileRules());
  });

  it('finds the tasks of UBND tỉnh 12 vs 11 and of UBND huyện 9 vs 10, the total 21 agreeing with both', () => {
    const province = value('1.4.1.province');
    expect(province).toMatchObject({ valueNum: 11, status: 'resolved', rule: 'precedence' });
    expect(province.explanation).toBe(
      'Bảng phụ lục (Excel): 11; Bảng phụ lục (PDF): 11; Thuyết minh: 12 — mọi giá trị đều khớp 1.4.1 = 1.4.1.province + 1.4.1.district; chọn theo thứ tự ưu tiên nguồn: Bảng phụ lục (Excel)',
    );
    expect(province.rivals).toEqual([expect.objectContaining({ value: 12, label: 'Thuyết minh', printed: '12' })]);
    expect(value('1.4.1.district')).toMatchObject({ valueNum: 10, status: 'resolved' });
    expect(value('1.4.1')).toMatchObject({ valueNum: 21, status: 'agreed' });
    const cross = conflict((c) => c.kind === 'cross_source' && c.indicators[0]!.startsWith('1.4.1.'));
    expect(cross.map((c) => [c.indicators[0], c.values.map((v) => v.value)])).toEqual([
      ['1.4.1.district', [10, 10, 9]],
      ['1.4.1.province', [11, 11, 12]],
    ]);
    expect(conflict((c) => c.kind === 'sum' && c.rule.startsWith('sum: 1.4.1 ='))).toEqual([]);
  });

  it('finds 117,33% printed against 116,15% computed, as an error', () => {
    const [c, ...more] = conflict((c) => c.indicators.includes('6.revenue.rate') && c.kind !== 'cross_source');
    expect(more).toEqual([]);
    expect(c).toMatchObject({ kind: 'printed_fraction', severity: 'major', verdict: 'mismatch' });
    expect(c!.message).toBe('Tỷ lệ thu ngân sách nhà nước so với kế hoạch giao: in 117,33%, nhưng 114.984.119/99.000.000 = 116,15%');
    // Reported once: the ratio check on the same three numbers would repeat the printed-fraction one.
    expect(value('6.revenue.rate').failedChecks).toEqual(['printed_fraction: 6.revenue.rate']);
    expect(value('6.revenue.rate').explanation).toBe('Thuyết minh: 117,33% — một nguồn duy nhất — không khớp: printed_fraction: 6.revenue.rate');
    expect(value('6.revenue.collected').valueNum).toBe(114_984_119);
  });

  it('marks 1,01% for 10/981 and 86,03% for 882.738.997/1.025.997.000 as rounding-level, not errors', () => {
    const payment = conflict((c) => c.indicators.includes('7.2.payment.rate'));
    const investment = conflict((c) => c.indicators.includes('6.1'));
    expect(payment.map((c) => [c.severity, c.verdict])).toEqual([['minor', 'truncation']]);
    expect(investment.map((c) => [c.severity, c.verdict])).toEqual([['minor', 'truncation']]);
    expect(payment[0]!.message).toContain('tính được 1,0194% (10/981)');
  });

  it('finds 196 vs 653 dossiers received and 61 vs 196 received online', () => {
    const received = conflict((c) => c.kind === 'cross_source' && c.indicators[0] === '7.2.4.received')[0]!;
    expect(received.values.map((v) => [v.label, v.value])).toEqual([
      ['Bảng phụ lục (Excel)', 653],
      ['Bảng phụ lục (PDF)', 653],
      ['Thuyết minh', 196],
    ]);
    const online = conflict((c) => c.kind === 'cross_source' && c.indicators[0] === '7.2.4.online')[0]!;
    expect(online.values.map((v) => v.value)).toEqual([196, 196, 61]);
    expect(value('7.2.4.received')).toMatchObject({ valueNum: 653, status: 'resolved' });
    // 30,01% = 196/653 truncated: the chosen appendix figures only miss by a digit.
    expect(conflict((c) => c.rule === 'ratio: 7.2.4 = 7.2.4.online / 7.2.4.received').map((c) => c.verdict)).toEqual(['truncation']);
  });

  it('finds 75 online services against 64 + 211', () => {
    const sums = conflict((c) => c.kind === 'sum');
    expect(sums.map((c) => c.rule)).toEqual(['sum: 7.2.3.total = 7.2.1.provided + 7.2.2.provided', 'sum: 7.2.online_procedures = 7.2.1.provided + 7.2.2.provided']);
    expect(sums[0]!.message).toContain('= 75, nhưng');
    expect(sums[0]!.message).toContain('= 275');
    expect(value('7.2.3.total').failedChecks).toEqual(['7.2.3.total = 7.2.1.provided + 7.2.2.provided']);
  });

  it('finds the code 4.2 printed twice and the missing 5.3, once for both copies of the appendix', () => {
    const structure = conflict((c) => c.kind === 'structure');
    expect(structure.map((c) => [c.verdict, c.severity, c.message])).toEqual([
      ['duplicate_code', 'minor', 'mã 4.2 in hai lần với hai nội dung: "Số liệu về biên chế công chức" / "Tổng số người làm việc không chuyên trách"'],
      ['missing_code', 'info', 'thiếu mã 5.3 trong dãy 5.1, 5.2, 5.4'],
    ]);
  });

  it('checks a rate against the fraction in its Ghi chú cell, and not against a fraction of another figure', () => {
    expect(conflict((c) => c.indicators.includes('7.2.1') || c.indicators.includes('7.2.2'))).toEqual([]);
    expect(conflict((c) => c.indicators.includes('5.qualified.university_rate'))).toEqual([]);
  });
});

describe('figures without a value', () => {
  it('keeps a row left empty with a remark when nothing else states the indicator, and drops it when something does', async () => {
    const { doc, obs } = await import('./helpers.js');
    const pdf = doc({ sha256: 'c'.repeat(64) });
    const r = reconcile([obs(pdf, { key: '6.1', raw: '', note: 'Cấp huyện báo cáo' }), obs(pdf, { key: '6.1.1', raw: '' })], reconcileRules());
    expect(r.values.map((v) => [v.indicatorKey, v.valueNum, v.status, v.explanation])).toEqual([
      ['6.1', null, 'single_source', 'Bảng phụ lục (PDF): Cấp huyện báo cáo — một nguồn duy nhất'],
    ]);
    const r2 = reconcile([obs(pdf, { key: '6.1', raw: '', note: 'Cấp huyện báo cáo' }), obs(pdf, { key: '6.1', raw: '86.03%', method: 'narrative' })], reconcileRules());
    expect(r2.values.map((v) => [v.valueNum, v.status])).toEqual([[86.03, 'single_source']]);
  });
});
