import { syllableCatalog } from './catalog.js';

/** How Vietnamese a text reads: its words that are syllables, that are not, and foreign characters. */
export interface Plausibility {
  /** Words with a non-ASCII letter that have the shape of a Vietnamese syllable. */
  readonly valid: number;
  /** Words with a non-ASCII letter that do not ("B¶o", "Baỷo"). */
  readonly invalid: number;
  /** Letters or marks Vietnamese does not use (Ë, ß, a stray combining mark) and Latin-1 symbols (¶ ¸ µ). */
  readonly foreign: number;
}

interface Shapes {
  readonly syllable: RegExp;
  readonly tones: RegExp;
  readonly letters: ReadonlySet<string>;
  /** Latin-1 characters (0xA1–0xFF) that are no Vietnamese letter: what undecoded legacy text shows. */
  readonly nonVietnameseLatin1: RegExp;
}

let shapes: Shapes | undefined;

function build(): Shapes {
  const c = syllableCatalog();
  const alt = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length).join('|');
  const closed = c.nuclei.filter((n) => !c.open_nuclei.includes(n));
  const onset = `(?:${alt(c.onsets)})?`;
  const syllable = new RegExp(`^${onset}(?:(?:${alt(closed)})(?:${alt(c.codas)})?|(?:${alt(c.open_nuclei.length ? c.open_nuclei : closed)}))$`, 'u');
  const tones = new RegExp(`[${c.tones.join('')}]`, 'gu');
  // Every letter a syllable can spell, toned or not, in both cases.
  const letters = new Set<string>();
  const bases = new Set([...c.onsets, ...c.nuclei, ...c.codas].flatMap((s) => [...s]));
  for (const b of bases) {
    for (const t of ['', ...c.tones]) {
      const l = (b + t).normalize('NFC');
      if ([...l].length !== 1) continue;
      letters.add(l);
      letters.add(l.toUpperCase());
    }
  }
  const others = Array.from({ length: 0xff - 0xa0 }, (_, i) => String.fromCharCode(0xa1 + i)).filter((ch) => !letters.has(ch));
  const nonVietnameseLatin1 = new RegExp(`[${others.map((ch) => `\\u00${ch.charCodeAt(0).toString(16)}`).join('')}]`, 'u');
  return { syllable, tones, letters, nonVietnameseLatin1 };
}

/** Whether a text holds a Latin-1 character that is no Vietnamese letter (¶ ¸ Ë ñ û): a sign of legacy bytes. */
export function hasNonVietnameseLatin1(text: string): boolean {
  shapes ??= build();
  return shapes.nonVietnameseLatin1.test(text);
}

/** What separates words: white space, ASCII punctuation and digits, general punctuation (– “ ” …). */
const WORD_BREAK = /[\s\u0000-\u0040\u005B-\u0060\u007B-\u007F\u00A0\u2000-\u206F]+/u;
const NON_ASCII = /[^\u0000-\u007F]/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

export function plausibility(text: string): Plausibility {
  shapes ??= build();
  let valid = 0;
  let invalid = 0;
  let foreign = 0;
  // Words repeat (a CSV sample is the same few hundred words): judge each once.
  const judged = new Map<string, { valid: boolean; foreign: number }>();
  for (const word of text.normalize('NFC').split(WORD_BREAK)) {
    if (!word || !NON_ASCII.test(word)) continue;
    let j = judged.get(word);
    if (!j) {
      j = judge(word, shapes);
      judged.set(word, j);
    }
    if (j.valid) valid++;
    else invalid++;
    foreign += j.foreign;
  }
  return { valid, invalid, foreign };
}

function judge(word: string, s: Shapes): { valid: boolean; foreign: number } {
  let foreign = 0;
  for (const ch of word) {
    if (ch < '\u0080' || s.letters.has(ch)) continue;
    // Latin-1 symbols (¶ ¸ µ ·) are what legacy letters look like undecoded; other symbols (№ ° ©) are harmless.
    if (LETTER_OR_MARK.test(ch) || (ch >= '\u00A1' && ch <= '\u00BF')) foreign++;
  }
  const toned = word.toLowerCase().normalize('NFD');
  const toneCount = toned.match(s.tones)?.length ?? 0;
  const bare = toned.replace(s.tones, '').normalize('NFC');
  return { valid: toneCount <= 1 && s.syllable.test(bare), foreign };
}

/** One number to compare readings of the same text: syllables count for, everything else against. */
export function plausibilityScore(p: Plausibility): number {
  return p.valid - p.invalid - 2 * p.foreign;
}

/** A reading that can be trusted: nothing foreign, and at least as many syllables as non-syllables. */
export function readsAsVietnamese(p: Plausibility): boolean {
  return p.foreign === 0 && p.valid >= p.invalid;
}
