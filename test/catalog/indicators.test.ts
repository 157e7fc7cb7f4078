import { describe, expect, it } from 'vitest';
import { IndicatorCatalogFile, IndicatorCatalogue, indicatorCatalogue, parseCatalog } from '../../src/catalog/index.js';
import { appendixSource } from '../helpers.js';

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

  it('finds every coded row of the fixture appendix under its printed code, by its printed label', () => {
    const coded = appendixSource().filter((r) => /^\d+(\.\d+)*$/.test(r.code));
    expect(coded.length).toBeGreaterThan(50);
    for (const row of coded) expect(c.findByLabel(row.label).map((i) => i.code), row.label).toContain(row.code);
    // Two rows the template prints under one code, told apart by label.
    const staff = appendixSource().filter((r) => r.code === '4.2').map((r) => c.findByLabel(r.label)[0]?.key);
    expect(staff).toEqual(['4.2', '4.2.part_time']);
  });

  it('loads a catalogue typed in decomposed Unicode as NFC, and refuses an unknown parent, naming the line', () => {
    const nfd = '- { key: x, code: X, name: "Số cuộc kiểm tra", section: "1", type: count }\n'.normalize('NFD');
    const [entry] = parseCatalog('catalog/test.yaml', nfd, IndicatorCatalogFile);
    expect(entry!.name).toBe('S\u1ed1 cu\u1ed9c ki\u1ec3m tra');
    const orphan = ['- { key: a, name: "A", section: "1", type: section }', '- { key: b, name: "B", section: "1", parent: z, type: count }'].join('\n');
    expect(() => parseCatalog('catalog/test.yaml', orphan, IndicatorCatalogFile)).toThrow('catalog/test.yaml:2: 1.parent: unknown parent z');
  });

  it('can be built from other entries (a province with its own rows)', () => {
    const own = new IndicatorCatalogue([
      { key: 'x', code: 'X', name: 'Số cuộc kiểm tra', section: '1', type: 'count', appendix: true, aliases: ['Số đợt kiểm tra'] },
    ]);
    expect(own.findByLabel('số đợt kiểm tra')[0]?.key).toBe('x');
  });
});
