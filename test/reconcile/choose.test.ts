import { describe, expect, it } from 'vitest';
import { reconcile } from '../../src/reconcile/reconcile.js';
import { reconcileRules, withOverrides } from '../../src/reconcile/rules.js';
import type { Override } from '../../src/reconcile/types.js';
import { doc, obs } from './helpers.js';
import { seedObservations } from './seed.js';

const rules = reconcileRules();
const pdf = doc({ sha256: '1'.repeat(64) });
const onestop = doc({ sha256: '2'.repeat(64), format: 'tsv', kind: 'onestop', fileName: 'mot-cua.tsv', title: null });
const value = (r: ReturnType<typeof reconcile>, key: string) => r.values.find((v) => v.indicatorKey === key)!;

describe('choosing a value', () => {
  it('follows source precedence when the checks do not decide', () => {
    const r = reconcile(
      [obs(onestop, { key: '3.3.1.resolved', raw: '190' }), obs(pdf, { key: '3.3.1.resolved', raw: '196' })],
      rules,
    );
    expect(value(r, '3.3.1.resolved')).toMatchObject({ valueNum: 190, status: 'resolved', rule: 'precedence', source: `onestop: mot-cua.tsv!Phụ lục!C1` });
    const reversed = reconcile(
      [obs(onestop, { key: '3.3.1.resolved', raw: '190', seq: 1 }), obs(pdf, { key: '3.3.1.resolved', raw: '196', seq: 1 })],
      withOverrides(rules, { precedence: ['table_pdf', 'onestop'] }),
    );
    expect(value(reversed, '3.3.1.resolved').valueNum).toBe(196);
  });

  it('lets evidence beat precedence: the value that satisfies the arithmetic wins', () => {
    // The one-stop system ranks first, but its 190 breaks resolved = early + on the due day + late (157 + 35 + 4).
    const r = reconcile(
      [
        obs(onestop, { key: '3.3.1.resolved', raw: '190' }),
        obs(pdf, { key: '3.3.1.resolved', raw: '196' }),
        obs(pdf, { key: '3.3.1.early', raw: '157', method: 'narrative' }),
        obs(pdf, { key: '3.3.1.due_day', raw: '35', method: 'narrative' }),
        obs(pdf, { key: '3.3.1.late', raw: '4', method: 'narrative' }),
      ],
      rules,
    );
    const v = value(r, '3.3.1.resolved');
    expect(v).toMatchObject({ valueNum: 196, status: 'resolved', rule: 'evidence: 3.3.1.resolved = 3.3.1.early + 3.3.1.due_day + 3.3.1.late' });
    expect(v.explanation).toBe(
      'Bảng phụ lục (PDF): 196; Hệ thống một cửa điện tử: 190 — chọn 196 vì khớp với 3.3.1.resolved = 3.3.1.early + 3.3.1.due_day + 3.3.1.late; 190 không khớp',
    );
    expect(v.rivals).toEqual([expect.objectContaining({ value: 190, label: 'Hệ thống một cửa điện tử' })]);
  });

  it('lets a value that breaks its own bounds lose to one that does not', () => {
    const r = reconcile([obs(onestop, { key: '7.2.4', raw: '130%' }), obs(pdf, { key: '7.2.4', raw: '30,01%' })], rules);
    expect(value(r, '7.2.4')).toMatchObject({ valueNum: 30.01, rule: 'evidence: bounds: 7.2.4' });
    expect(r.conflicts.filter((c) => c.kind === 'bounds').map((c) => c.message)).toEqual(['7.2.4: tỷ lệ 130% vượt quá 100%']);
  });

  it('counts copies of one report as one vote, and independent sources as separate votes', () => {
    const xlsx = doc({ sha256: '3'.repeat(64), format: 'xlsx', title: 'BIỂU THỐNG KÊ' });
    const copies = [obs(xlsx, { key: '1.1', raw: '13', method: 'narrative' }), obs(pdf, { key: '1.1', raw: '13', method: 'narrative' })];
    // Two copies of the commune's own report say 13, the one-stop system says 12: one vote each, so precedence decides.
    const r = reconcile([...copies, obs(onestop, { key: '1.1', raw: '12' })], rules);
    expect(value(r, '1.1')).toMatchObject({ valueNum: 12, rule: 'precedence' });
    // Next year's report (another family) restating 13 is an independent vote: 13 wins two to one.
    const next = doc({ sha256: '4'.repeat(64), periodKey: '2025' });
    const r2 = reconcile([...copies, obs(onestop, { key: '1.1', raw: '12' }), obs(next, { key: '1.1', raw: '13', method: 'narrative', period: '2024' })], rules);
    expect(value(r2, '1.1')).toMatchObject({ valueNum: 13, rule: 'independent_votes' });
    expect(value(r2, '1.1').explanation).toContain('chọn 13: 2 nguồn độc lập cùng số liệu');
  });

  it('supersedes an estimate by a later actual figure for the same period, keeping both visible', () => {
    const estimate = doc({ sha256: '5'.repeat(64), isEstimate: true, statedEnd: '2024-11-20' });
    const actual = doc({ sha256: '6'.repeat(64), isEstimate: false, statedEnd: '2024-12-14', fileName: 'bao-cao-chinh-thuc.pdf' });
    const r = reconcile([obs(estimate, { key: '7.2.4.received', raw: '196' }), obs(actual, { key: '7.2.4.received', raw: '201' })], rules);
    expect(value(r, '7.2.4.received')).toMatchObject({ valueNum: 201, status: 'resolved', rule: 'supersede_estimate' });
    expect(value(r, '7.2.4.received').rivals.map((x) => x.value)).toEqual([196]);
    const [c] = r.conflicts.filter((x) => x.kind === 'estimate');
    expect(c).toMatchObject({ severity: 'info', verdict: 'superseded' });
    expect(c!.message).toBe('7.2.4 Tổng số hồ sơ TTHC đã tiếp nhận (cả trực tiếp, bưu chính công ích và trực tuyến): số ước thực hiện 196 được thay bằng số thực tế 201');
    // An undated "actual" copy (an Excel appendix without the report's window) supersedes nothing.
    const undated = doc({ sha256: '7'.repeat(64), format: 'xlsx' });
    const r2 = reconcile([obs(estimate, { key: '7.2.4.received', raw: '196' }), obs(undated, { key: '7.2.4.received', raw: '201' })], rules);
    expect(value(r2, '7.2.4.received').rule).toBe('precedence');
    expect(r2.conflicts.filter((x) => x.kind === 'estimate')).toEqual([]);
  });

  it('leaves equal-ranked disagreeing sources unresolved', () => {
    const r = reconcile([obs(pdf, { key: '1.communication.sessions', raw: '4', method: 'narrative' }), obs(pdf, { key: '1.communication.sessions', raw: '14', method: 'narrative' })], rules);
    expect(value(r, '1.communication.sessions')).toMatchObject({ status: 'unresolved', rule: 'unresolved', valueNum: 4 });
    expect(r.conflicts.map((c) => [c.kind, c.verdict])).toEqual([['cross_source', 'unresolved']]);
  });

  it('records numbers one narrative gives for one indicator as info (different activities), two documents as major', () => {
    const one = reconcile([obs(pdf, { key: '1.communication.listeners', raw: '786', method: 'narrative' }), obs(pdf, { key: '1.communication.listeners', raw: '480', method: 'narrative' })], rules);
    expect(one.conflicts.map((c) => [c.kind, c.severity])).toEqual([['cross_source', 'info']]);
    const other = doc({ sha256: '8'.repeat(64), periodKey: '2024', title: 'Báo cáo khác' , communeKey: '02035', kind: 'report', format: 'pdf', fileName: 'khac.pdf' });
    const two = reconcile([obs(pdf, { key: '1.communication.listeners', raw: '786', method: 'narrative' }), obs(other, { key: '1.communication.listeners', raw: '480', method: 'narrative' })], rules);
    expect(two.conflicts.map((c) => [c.kind, c.severity])).toEqual([['cross_source', 'major']]);
  });

  it('marks one source as single_source and agreeing sources as agreed', () => {
    const r = reconcile([obs(pdf, { key: '1.1', raw: '13' }), obs(pdf, { key: '1.1', raw: '13', method: 'narrative' }), obs(pdf, { key: '2.1', raw: '0' })], rules);
    expect(value(r, '1.1')).toMatchObject({ status: 'agreed', rivals: [] });
    expect(value(r, '2.1')).toMatchObject({ status: 'single_source' });
    expect(r.conflicts).toEqual([]);
  });

  it('applies an override over the automatic choice, the latest decision winning', () => {
    const ov = (id: number, raw: string, when: string): Override => ({
      id, communeKey: '02035', periodKey: '2024', indicatorKey: '1.4.1.province', valueNum: Number(raw), valueText: null, rawValue: raw, reason: 'xác minh', who: 'lan', when,
    });
    const r = reconcile(seedObservations(), rules, [ov(2, '12', '2025-02-01T00:00:00Z'), ov(1, '13', '2025-01-01T00:00:00Z')]);
    const v = value(r, '1.4.1.province');
    expect(v).toMatchObject({ valueNum: 12, status: 'overridden', rule: 'override: 2', overrideId: 2, source: 'override #2: lan' });
    expect(v.chosenObservation).toBe(`${'b'.repeat(64)}#18`);
    expect(v.rivals.map((x) => x.value)).toEqual([11, 11]);
    expect(v.explanation).toContain('quyết định của lan ngày 2025-02-01T00:00:00Z: 12 (xác minh)');
  });
});

describe('overrides without figures', () => {
  it('publish the decided value for a commune no document has stated yet', () => {
    const r = reconcile([], rules, [
      { id: 7, communeKey: '02044', periodKey: '2025', indicatorKey: '1.1', valueNum: 5, valueText: null, rawValue: '05', reason: 'theo sổ công văn', who: 'lan', when: '2026-01-01T00:00:00Z' },
    ]);
    expect(r.values).toEqual([
      expect.objectContaining({ communeCode: '02044', periodKey: '2025', indicatorKey: '1.1', valueNum: 5, status: 'overridden', chosenObservation: null, rivals: [], printed: '05' }),
    ]);
  });
});

describe('determinism', () => {
  it('gives byte-identical results whatever the order of the observations', () => {
    const input = seedObservations();
    const a = JSON.stringify(reconcile(input, rules));
    const shuffled = [...input].reverse();
    shuffled.push(...shuffled.splice(0, 7));
    expect(JSON.stringify(reconcile(shuffled, rules))).toBe(a);
  });
});
