import { plausibility } from '../../text/legacy/index.js';

/** A space before a combining mark: a mark never starts a word, it belongs to the letter before. */
const SPACE_BEFORE_MARK = /\s+(?=\p{M})/gu;
/**
 * A word that starts with letters each carrying marks, a space, then letters: "á nh", "Ủ y", "ướ c".
 * Captures the word's start (start of run or a non-letter), the marked letters and the letters after the space.
 */
const SPLIT_AFTER_MARK = /(^|[^\p{L}\p{M}])((?:\p{L}\p{M}+)+) ([\p{L}\p{M}]+)/gu;

/**
 * A decomposed (NFD) text layer as pdf.js gives it, with the spaces it inserts inside words taken
 * out, before the text is composed (NFC).
 *
 * Why pdf.js inserts them: a producer that draws a base letter and its marks as one precomposed
 * glyph maps that glyph to the decomposed sequence ("a" U+0301). pdf.js classes a glyph by its
 * Unicode and takes any glyph whose Unicode holds a combining mark for a zero-width diacritic: it
 * does not advance past it, so the glyph after a *word-initial* "á" seems to stand a space's width
 * away from the letter before it (the space before the word) and pdf.js adds a space there
 * ("phản á nh" for "phản ánh"). Inside a word the letter before is close enough and nothing is
 * added. The string alone cannot tell that space from a real one after a one-letter word ("ý kiến",
 * "ở xã"), so a space is dropped only when the two pieces spell one Vietnamese syllable ("ánh",
 * "Ủy", "ích"), which a one-letter word and the next word never do.
 *
 * Also a space before a combining mark (a run cut between a letter and its mark).
 */
export function rejoinMarks(raw: string): string {
  if (!/\p{M}/u.test(raw)) return raw; // composed (NFC) text: nothing to join
  return raw
    .replace(SPACE_BEFORE_MARK, '')
    .replace(SPLIT_AFTER_MARK, (whole, before: string, marked: string, rest: string) => {
      const p = plausibility(marked + rest);
      return p.valid === 1 && p.invalid === 0 ? `${before}${marked}${rest}` : whole;
    });
}
