import type { CommuneClues } from '../../model/index.js';
import { type UnitTypes, unitTypes } from '../../normalize/commune/units.js';
import { alternation, clean, escapeRegExp } from '../../text/index.js';

/** Where a unit's type word may start: the start of the text or after a separator. */
const BEFORE = String.raw`(?:^|[\s,;–(-])`;
/** Where a unit's name ends: punctuation, a spaced dash, or the end (more stops are added per level). */
const END = String.raw`[,;–()]|\s-\s`;

interface UnitPatterns {
  readonly commune: RegExp;
  readonly district: RegExp;
  readonly province: RegExp;
  readonly communeWord: RegExp;
}

const compiled = new WeakMap<UnitTypes, UnitPatterns>();

/**
 * The unit-type words of `catalog/units.yaml` as regular expressions, per level, in full (the
 * abbreviations "tt", "tp" are left out: in an export "TT" is as often "Trung tâm"). A word that ends
 * a longer type word ("xã" of "thị xã") is not taken for it.
 */
function patternsOf(types: UnitTypes): UnitPatterns {
  const known = compiled.get(types);
  if (known) return known;
  const commune = types.words('commune');
  const district = types.words('district');
  const province = types.words('province');
  // "thành phố" names a district or a province: as a clue it is read as the district, the nearer one.
  const provinceOnly = province.filter((w) => !district.includes(w));
  const all = [...new Set([...commune, ...district, ...province])];
  const communeAlt = [...commune]
    .sort((a, b) => b.length - a.length)
    .map((w) => {
      const prefixes = all.filter((longer) => longer.endsWith(` ${w}`)).map((longer) => longer.slice(0, -w.length - 1));
      return `${prefixes.length ? `(?<!(?:${alternation(prefixes)})\\s)` : ''}${escapeRegExp(w)}`;
    })
    .join('|');
  const patterns: UnitPatterns = {
    commune: new RegExp(`${BEFORE}(${communeAlt})\\s+(.+?)(?=\\s*(?:${END}|${alternation([...district, ...province])}|$))`, 'iu'),
    district: new RegExp(`${BEFORE}(${alternation(district)})\\s+(.+?)(?=\\s*(?:${END}|${alternation(provinceOnly)}|$))`, 'iu'),
    province: new RegExp(`${BEFORE}(?:${alternation(provinceOnly)})\\s+(.+?)(?=\\s*(?:${END}|$))`, 'iu'),
    communeWord: new RegExp(`(?:^|\\s)(?:${communeAlt})(?:\\s|$)`, 'iu'),
  };
  compiled.set(types, patterns);
  return patterns;
}

/**
 * Clues for the commune an export names a dossier's unit by ("UBND xã Bản Thi", "Xã Bản Thi - Huyện
 * Chợ Đồn - Tỉnh Bắc Kạn", "Bộ phận một cửa xã Bản Thi"). Resolution to an official code is the
 * normaliser's job; the raw text goes along as a hint.
 */
export function unitClues(raw: string, types: UnitTypes = unitTypes()): CommuneClues {
  const { commune, district, province } = patternsOf(types);
  const text = clean(raw);
  const clues: CommuneClues = { hints: text ? [text] : [] };
  const c = commune.exec(text);
  if (c) {
    clues.unitType = c[1]!.toLowerCase();
    clues.name = c[2]!.trim();
  }
  const d = district.exec(text.slice(c ? (c.index ?? 0) + c[0].length : 0));
  if (d) clues.district = d[2]!.trim();
  const p = province.exec(text);
  if (p) clues.province = p[1]!.trim();
  return clues;
}

/** Whether a line names a commune-level unit by its type word ("UBND xã …", "Phường …", "Đặc khu …"). */
export function namesCommuneUnit(line: string, types: UnitTypes = unitTypes()): boolean {
  return patternsOf(types).communeWord.test(line);
}
