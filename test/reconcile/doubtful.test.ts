import { describe, expect, it } from 'vitest';
import { reconcile } from '../../src/reconcile/reconcile.js';
import { reconcileRules } from '../../src/reconcile/rules.js';
import { doc, obs } from './helpers.js';

const rules = reconcileRules();

/**
 * 1.4.1 = 1.4.1.province + 1.4.1.district, read from a PDF whose value cell held the numbers of the
 * parent row and its sub-rows (15, 08, 07): the extractor loads 15 but marks the reading doubtful.
 */
describe('a conflict on a doubtful figure', () => {
  const pdf = doc({ sha256: 'd'.repeat(64) });
  const figures = (doubtful: boolean) => [
    { ...obs(pdf, { key: '1.4.1', raw: '15', seq: 1 }), doubtful },
    obs(pdf, { key: '1.4.1.province', raw: '06', seq: 2 }),
    obs(pdf, { key: '1.4.1.district', raw: '07', seq: 3 }),
  ];

  it('is major when every figure was read confidently', () => {
    const [sum] = reconcile(figures(false), rules).conflicts;
    expect([sum!.rule, sum!.severity]).toEqual(['sum: 1.4.1 = 1.4.1.province + 1.4.1.district', 'major']);
  });

  it('is at most minor, and says which figure is doubtful, when one of them was read doubtfully', () => {
    const [sum] = reconcile(figures(true), rules).conflicts;
    expect([sum!.rule, sum!.severity]).toEqual(['sum: 1.4.1 = 1.4.1.province + 1.4.1.district', 'minor']);
    expect(sum!.message).toMatch(/\(số liệu đọc chưa chắc chắn: 15 \(Bảng phụ lục \(PDF\)\)\)$/);
  });
});
