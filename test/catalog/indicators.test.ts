import { describe, expect, it } from 'vitest';
import { IndicatorCatalogue, indicatorCatalogue } from '../../src/catalog/index.js';

describe('indicator catalogue', () => {
  const c = indicatorCatalogue();

  it('holds the appendix rows, the duplicated 4.2 under two keys, and narrative-only figures', () => {
    expect(c.get('1.4.1.province')).toMatchObject({ code: '', parent: '1.4.1', type: 'count', unit: 'Nhiệm vụ' });
    expect(c.get('4.2')).toMatchObject({ code: '4.2', name: 'Số liệu về biên chế công chức' });
    expect(c.get('4.2.part_time')).toMatchObject({ code: '4.2', name: 'Tổng số người làm việc không chuyên trách' });
    expect(c.get('6.1.1')).toMatchObject({ type: 'money', scale: 1e6 });
    expect(c.get('6.revenue.rate')).toMatchObject({ appendix: false, max: 1000 });
    expect(c.findByCode('4.2').map((i) => i.key)).toEqual(['4.2', '4.2.part_time']);
    expect(c.all.filter((i) => i.appendix && i.type !== 'section').length).toBeGreaterThanOrEqual(96);
  });

  it('gives every indicator an existing parent', () => {
    for (const i of c.all) if (i.parent) expect(c.get(i.parent), i.key).toBeDefined();
  });

  it('rejects nothing silently: names are NFC', () => {
    for (const i of c.all) expect(i.name).toBe(i.name.normalize('NFC'));
  });

  it('can be built from other entries (a province with its own rows)', () => {
    const own = new IndicatorCatalogue([
      { key: 'x', code: 'X', name: 'Số cuộc kiểm tra', section: '1', type: 'count', appendix: true, aliases: ['Số đợt kiểm tra'] },
    ]);
    expect(own.findByLabel('số đợt kiểm tra')[0]?.key).toBe('x');
  });
});
