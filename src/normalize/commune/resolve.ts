import type { CommuneClues } from '../../model/index.js';
import { clean, foldAscii, foldCompact } from '../../text/index.js';
import type { CommuneRegistry, Era, RegistryUnit } from './registry.js';
import { bareName, unitTypes } from './units.js';

export interface CommuneResolution {
  /** The official unit when exactly one fits the clues; never a guess. */
  readonly unit?: RegistryUnit;
  /** The name as the document printed it (or as its path spells it). */
  readonly printedName?: string;
  /** Every unit that could be meant, when more than one (or none) fits. */
  readonly candidates: readonly RegistryUnit[];
  /** Why it was or was not resolved, in one line. */
  readonly reason: string;
  /** Resolved, but something the document says differs from the registry (its unit type). */
  readonly warning?: string;
}

export interface ResolveOptions {
  /** The province the pipeline serves, from its declaration: a clue like any other. */
  readonly province?: string | undefined;
  /**
   * The era to try first: the one the document's period falls in (`eraOfPeriodEnd`). Both eras stay
   * candidates; the other is tried when the first does not single out one unit.
   */
  readonly era?: Era | undefined;
}

/** The era a document belongs to from the last day of its period (ISO date). */
export function eraOfPeriodEnd(endDate: string): Era {
  return endDate >= unitTypes().reorganisation ? 'post2025' : 'pre2025';
}

/**
 * Resolves a document's commune to its official code from every clue it gives: the printed name and
 * type, district and province, web addresses (banthi.chodon.backan.gov.vn), the folders and file
 * name (…/cho-don/yen-thinh/2022/), and the province the pipeline serves. Many communes share a name
 * across provinces and across the 2025 reorganisation, so a name alone resolves only when it is
 * unique; otherwise the clues must single one unit out. A printed unit type ("xã") is a clue, not a
 * filter: a unit the registry lists as "thị trấn" still resolves when everything else points at it,
 * with a warning naming both types.
 */
export function resolveCommune(registry: CommuneRegistry, clues: CommuneClues, options: ResolveOptions = {}): CommuneResolution {
  const fromPath = clues.name ? undefined : nameFromHints(registry, clues.hints);
  const printedName = clues.name ?? fromPath?.name;
  if (!printedName) return { candidates: [], reason: 'the document names no commune' };
  const candidates = clues.name ? registry.byBareName(printedName) : fromPath!.units;
  if (candidates.length === 0) return { printedName, candidates: [], reason: `no commune named "${printedName}" in the registry` };

  const r = pickOne(registry, candidates, clues, options);
  if (r.unit) {
    return {
      unit: r.unit,
      printedName,
      candidates: candidates.length > 1 ? candidates : [],
      reason: `${r.why}${fromPath ? ' (name from the path)' : ''}: ${describe(r.unit)}`,
      ...typeWarning(clues.unitType, r.unit),
    };
  }
  // Every unit that fits, however many: a bundle intersects them with its other members' clues.
  const list = r.fitting;
  return {
    printedName,
    candidates: list,
    reason: `"${printedName}" is ambiguous: ${list.length} units fit (${list.slice(0, 5).map(describe).join('; ')}${list.length > 5 ? '; …' : ''})`,
  };
}

/** How much each clue weighs. A place beats the period's era, which beats the printed unit type. */
const WEIGHT = { district: 4, province: 3, hint: 2, era: 1.5, type: 1, formerProvince: 1 } as const;

/**
 * The one unit the clues single out, or the ones that still fit. A clue that names another place
 * (district, printed province) rules a unit out; the others add weight. The era of the document's
 * period is a clue like the others: it breaks a tie between an old and a new namesake, never
 * between two namesakes of one era.
 */
function pickOne(registry: CommuneRegistry, candidates: readonly RegistryUnit[], clues: CommuneClues, options: ResolveOptions): { unit?: RegistryUnit; why?: string; fitting: RegistryUnit[] } {
  const types = unitTypes();
  const printedType = clues.unitType ? types.canonical(clues.unitType) : undefined;
  const hintText = clues.hints.map((h) => foldCompact(h)).join(' ');
  const district = clues.district ? foldAscii(bareName(clues.district)) : undefined;
  const printedProvince = clues.province ? foldAscii(bareName(clues.province)) : undefined;
  const declaredProvince = options.province ? foldAscii(bareName(options.province)) : undefined;
  const scored = candidates.map((unit) => {
    let place = 0;
    let contradicted = false;
    // After 2025 there is no district: a district clue neither confirms nor contradicts a new unit.
    if (district && unit.district) {
      if (foldAscii(unit.district) === district) place += WEIGHT.district;
      else contradicted = true;
    }
    // A new unit also answers to the provinces its predecessors were in: a pipeline declared before
    // 2025 serves the new units of its old communes as much as the old ones (the era decides), and
    // a document printing an old province name is weaker evidence for a new unit than for an old one.
    const former = (p: string) => formerProvinces(registry, unit).has(p);
    if (printedProvince) {
      if (foldAscii(unit.province) === printedProvince) place += WEIGHT.province;
      else if (former(printedProvince)) place += WEIGHT.formerProvince;
      else contradicted = true;
    }
    if (declaredProvince && (foldAscii(unit.province) === declaredProvince || former(declaredProvince))) place += WEIGHT.province;
    if (unit.district && hintText.includes(foldCompact(unit.district))) place += WEIGHT.hint;
    if (unit.province && hintText.includes(foldCompact(unit.province))) place += WEIGHT.hint;
    const era = options.era && unit.era === options.era ? WEIGHT.era : 0;
    const type = printedType && unit.unitType === printedType ? WEIGHT.type : 0;
    return { unit, place, era, type, score: place + era + type, contradicted };
  });
  const fitting = scored.filter((s) => !s.contradicted);
  const best = Math.max(0, ...fitting.map((s) => s.score));
  const top = fitting.filter((s) => s.score === best);
  if (top.length === 1 && (best > 0 || candidates.length === 1)) {
    const t = top[0]!;
    const why = t.place > 0 ? 'name and district/province clues' : t.era > 0 ? "name and the era of the document's period" : t.type > 0 ? 'name and unit type' : 'the only unit with that name';
    return { unit: t.unit, why, fitting: [t.unit] };
  }
  return { fitting: (top.length ? top : scored).map((s) => s.unit) };
}

/** The folded provinces a post-2025 unit's predecessors were in (none for a pre-2025 unit). */
function formerProvinces(registry: CommuneRegistry, unit: RegistryUnit): Set<string> {
  if (unit.era !== 'post2025') return new Set();
  return new Set(registry.counterparts(unit).map((u) => foldAscii(u.province)));
}

function typeWarning(printed: string | undefined, unit: RegistryUnit): { warning?: string } {
  const type = printed ? unitTypes().canonical(printed) : undefined;
  if (!type || !unit.unitType || type === unit.unitType) return {};
  return { warning: `unit type differs: the document says "${type} ${unit.name}", the registry lists "${unit.fullName}" (${unit.unitType}); resolved to ${unit.code} by its other clues` };
}

/**
 * A commune named only in a web address or in the folders and file name. Path segments are read as
 * backfill trees name them, ASCII-folded and hyphenated (`…/cho-don/yen-thinh/2022/`,
 * `ban-thi-2024-phu-luc.xlsx`): a segment names a unit when its leading words (two to four, up to
 * the first number) spell one; the deepest such segment wins.
 */
function nameFromHints(registry: CommuneRegistry, hints: readonly string[]): { name: string; units: RegistryUnit[] } | undefined {
  for (const h of hints) {
    const host = /^([a-z0-9-]+)\.[a-z0-9.-]+\.gov\.vn$/.exec(h);
    const units = host?.[1] ? registry.byCompact(host[1]) : [];
    if (units.length) return { name: units[0]!.name, units };
  }
  for (const h of hints) {
    if (!/[\\/]/.test(h) && !/\.[a-z0-9]{2,4}$/i.test(h)) continue;
    const segments = clean(h).split(/[\\/]+/).filter(Boolean).reverse();
    for (const segment of segments) {
      const words: string[] = [];
      for (const w of foldAscii(segment.replace(/\.[a-z0-9]{2,4}$/i, '')).split(' ')) {
        if (!/^[a-z]+$/.test(w)) break;
        words.push(w);
      }
      for (let n = Math.min(4, words.length); n >= 2; n--) {
        const units = registry.byCompact(words.slice(0, n).join(''));
        if (units.length) return { name: units[0]!.name, units };
      }
    }
  }
  return undefined;
}

export function describe(u: RegistryUnit): string {
  const where = [u.district, u.province].filter(Boolean).join(', ');
  return `${u.fullName}${where ? `, ${where}` : ''} (${u.code}, ${u.era === 'pre2025' ? 'pre-2025' : 'post-2025'})`;
}
