import type { CommuneClues } from '../../model/index.js';
import { clean } from '../../text/index.js';
import type { CommuneCrosswalkTable, CommunesTable } from '../../warehouse/schema.js';
import type { CommuneRegistry, RegistryUnit } from './registry.js';
import { unitTypes } from './units.js';

/**
 * The `communes` and `commune_crosswalk` rows for a resolved unit: the unit, every unit linked to it
 * across the reorganisation, and the old → new pairs between them, so that an analyst can follow the
 * commune across 2025 with the warehouse alone.
 */
export function communeRows(registry: CommuneRegistry, unit: RegistryUnit): { communes: CommunesTable[]; crosswalk: CommuneCrosswalkTable[] } {
  const { units, edges } = registry.component(unit);
  return {
    communes: units.map((u) => ({
      code: u.code,
      era: u.era,
      name: u.fullName,
      unit_type: u.unitType || null,
      district: u.district || null,
      province: u.province || null,
      new_code: u.newCode,
      new_name: u.newName,
      new_province: u.newProvince,
      counterparts: JSON.stringify(u.counterparts),
    })),
    crosswalk: edges.map((e) => ({ old_code: e.oldCode, new_code: e.newCode })),
  };
}

/**
 * Clues from a commune the caller declares ("xã Bản Thi, huyện Chợ Đồn, tỉnh Bắc Kạn", or a bare
 * name): each comma-separated part is read by its unit-type word (catalog/units.yaml).
 */
export function declaredClues(text: string): CommuneClues {
  const types = unitTypes();
  const parts = clean(text).split(/\s*[,;]\s*/).filter(Boolean);
  const clues: CommuneClues = { hints: [] };
  parts.forEach((part, i) => {
    const { type, name } = types.split(part);
    const levels = type ? types.levels(type) : [];
    if (i === 0) {
      clues.name = name;
      if (type && levels.includes('commune')) clues.unitType = type;
    } else if (levels.includes('province') && (!levels.includes('district') || i === parts.length - 1)) {
      clues.province = name;
    } else if (levels.includes('district')) {
      clues.district = name;
    }
  });
  return clues;
}
