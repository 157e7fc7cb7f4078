import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG_DIR, parseCatalog } from '../../../src/catalog/index.js';
import { namesCommuneUnit, unitClues } from '../../../src/extract/onestop/unit.js';
import { UnitsCatalog, unitTypesOf } from '../../../src/normalize/commune/index.js';

/** The real units catalogue with one more commune-level type, as an office could need one day. */
function catalogueWith(extra: string) {
  const text = readFileSync(`${CATALOG_DIR}units.yaml`, 'utf8').replace('types:\n', `types:\n  - ${extra}\n`);
  return unitTypesOf(parseCatalog('test/units.yaml', text, UnitsCatalog));
}

describe('unit clues of a one-stop export, by the unit types of catalog/units.yaml', () => {
  it('reads commune, district and province by their type words', () => {
    expect(unitClues('Xã Bản Thi - Huyện Chợ Đồn - Tỉnh Bắc Kạn')).toEqual({
      hints: ['Xã Bản Thi - Huyện Chợ Đồn - Tỉnh Bắc Kạn'],
      unitType: 'xã',
      name: 'Bản Thi',
      district: 'Chợ Đồn',
      province: 'Bắc Kạn',
    });
    expect(unitClues('Bộ phận một cửa thị trấn Bằng Lũng, huyện Chợ Đồn')).toMatchObject({ unitType: 'thị trấn', name: 'Bằng Lũng', district: 'Chợ Đồn' });
    expect(unitClues('Phường Đức Xuân, Thành phố Bắc Kạn, Tỉnh Bắc Kạn')).toMatchObject({ unitType: 'phường', name: 'Đức Xuân', district: 'Bắc Kạn', province: 'Bắc Kạn' });
  });

  it('knows every commune-level type the catalogue lists: "đặc khu" too', () => {
    expect(unitClues('UBND Đặc khu Côn Đảo')).toMatchObject({ unitType: 'đặc khu', name: 'Côn Đảo' });
    expect(namesCommuneUnit('ỦY BAN NHÂN DÂN ĐẶC KHU CÔN ĐẢO')).toBe(true);
    expect(namesCommuneUnit('DANH SÁCH HỒ SƠ TIẾP NHẬN')).toBe(false);
  });

  it('does not take the "xã" of "thị xã" for a commune', () => {
    const clues = unitClues('UBND thị xã Quảng Yên');
    expect(clues.unitType).toBeUndefined();
    expect(clues.name).toBeUndefined();
    expect(clues.district).toBe('Quảng Yên');
  });

  it('recognises a type added to the catalogue, and not before', () => {
    const types = catalogueWith('{ type: khu tự quản, level: [commune] }');
    const raw = 'Bộ phận một cửa khu tự quản Hòa Bình, huyện Tân Lạc';
    expect(unitClues(raw, types)).toMatchObject({ unitType: 'khu tự quản', name: 'Hòa Bình', district: 'Tân Lạc' });
    expect(namesCommuneUnit('UBND KHU TỰ QUẢN HÒA BÌNH', types)).toBe(true);
    expect(unitClues(raw).name).toBeUndefined();
    expect(namesCommuneUnit('UBND KHU TỰ QUẢN HÒA BÌNH')).toBe(false);
  });

  it('a test catalogue that lists a type word twice is refused, naming the file', () => {
    expect(() => catalogueWith('{ type: Xã, level: [commune] }')).toThrow(/^test\/units\.yaml(:\d+)?: types: "xã" is listed twice/);
  });
});
