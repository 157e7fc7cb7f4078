import { z } from 'zod';
import { loadCatalog } from '../../catalog/index.js';
import { clean, foldAscii } from '../../text/index.js';

const Level = z.enum(['commune', 'district', 'province']);
export type UnitLevel = z.infer<typeof Level>;

export const UnitsCatalog = z
  .object({
    types: z.array(z.object({ type: z.string().min(1), level: z.array(Level).min(1), words: z.array(z.string().min(1)).default([]) }).strict()).min(1),
    reorganisation: z.object({ effective: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Map<string, string>();
    for (const t of c.types) {
      for (const w of [t.type, ...t.words]) {
        const key = foldAscii(w);
        const prev = seen.get(key);
        if (prev) ctx.addIssue({ code: 'custom', path: ['types'], message: `"${w}" is listed twice (also under "${prev}")` });
        seen.set(key, t.type);
      }
    }
  });

export interface UnitTypes {
  /** The canonical type of a printed type word ("THỊ TRẤN", "tt" → "thị trấn"), if it is one. */
  canonical(word: string): string | undefined;
  /** Splits "Thị trấn Bằng Lũng" into its type and bare name; a name without a type word is all name. */
  split(name: string): { type?: string; name: string };
  levels(type: string): readonly UnitLevel[];
  /** The canonical type words of one level, as printed in full ("xã", "phường", "thị trấn", "đặc khu"). */
  words(level: UnitLevel): readonly string[];
  /** First day after the 2025 reorganisation (ISO date). */
  readonly reorganisation: string;
}

export type UnitsCatalog = z.infer<typeof UnitsCatalog>;

let cached: UnitTypes | undefined;

/** The unit-type words of `catalog/units.yaml`. */
export function unitTypes(): UnitTypes {
  cached ??= unitTypesOf(loadCatalog('units.yaml', UnitsCatalog));
  return cached;
}

/** The look-ups over a units catalogue (the real one, or a test's). */
export function unitTypesOf(c: UnitsCatalog): UnitTypes {
  const byWord = new Map<string, string>();
  const levels = new Map<string, readonly UnitLevel[]>();
  for (const t of c.types) {
    levels.set(t.type, t.level);
    for (const w of [t.type, ...t.words]) byWord.set(foldAscii(w), t.type);
  }
  // Longest words first: "thị xã" before "xã", "thành phố" before anything shorter.
  const words = [...byWord.keys()].sort((a, b) => b.split(' ').length - a.split(' ').length || b.length - a.length);
  const entries = words.map((word) => ({ word, n: word.split(' ').length, type: byWord.get(word)! }));
  const longest = Math.max(...entries.map((e) => e.n));
  return {
    canonical: (word) => byWord.get(foldAscii(word)),
    split(name) {
      const text = clean(name);
      const tokens = text.split(' ');
      // Only the leading words can be a type word: fold no more of them than the longest has.
      const folded = tokens.slice(0, longest).map((t) => foldAscii(t));
      for (const { word, n, type } of entries) {
        if (tokens.length > n && (n === 1 ? folded[0] : folded.slice(0, n).join(' ')) === word) return { type, name: tokens.slice(n).join(' ') };
      }
      return { name: text };
    },
    levels: (type) => levels.get(type) ?? [],
    words: (level) => c.types.filter((t) => t.level.includes(level)).map((t) => t.type),
    reorganisation: c.reorganisation.effective,
  };
}

/** Strips a leading unit-type word ("Xã", "Huyện", "Tỉnh", "Thành phố"): the bare proper name. */
export function bareName(name: string): string {
  return unitTypes().split(name).name;
}
