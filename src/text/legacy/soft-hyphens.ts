import type { LegacyEncoding } from './catalog.js';
import { decodeLegacy } from './decode.js';
import { plausibility } from './syllables.js';

/** Where a PDF text run is drawn: PDF user space, y the baseline. */
export interface RunPlace {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * TCVN3 spells "ư" with byte 0xAD, which Windows-1252 (and so a TCVN3 document's text) gives as
 * U+00AD, the soft hyphen. Producers that do not know the font treat it as one: LibreOffice draws
 * nothing there and cuts the run ("ng" | "êi" for "người"), or a hyphen where it breaks the line
 * there ("ng-" at a line's end, "êi" on the next); Chromium draws a blank that pdf.js reads as a
 * space (" êi"). The letter is gone from the text, but the cut is not: a word cut between two runs
 * that touch (or at a line-end hyphen) that spells a Vietnamese syllable with "ư" put back in the
 * cut gets it back. Without a letter before the cut (a word that begins with "ư") nothing is
 * restored: a cut between words looks the same.
 */
const SOFT_HYPHEN = '\u00AD';
/** A character of a word in a TCVN3 run's character view: a letter or a Latin-1 code character. */
const WORD_TAIL = /[A-Za-z\u00A1-\u00FF\u03BC]+$/;
const WORD_HEAD = /^[A-Za-z\u00A1-\u00FF\u03BC]+/;
/** Runs closer than this many font sizes touch: one word cut in two. */
const TOUCH = 0.2;

/**
 * The runs with the dropped "ư" codes put back (as byte 0xAD's character, which the TCVN3 table
 * reads as ư), or undefined when nothing was dropped. `encodings` says which runs are TCVN3 text.
 */
export function restoreDroppedU(
  runs: readonly string[],
  encodings: readonly (LegacyEncoding | undefined)[],
  places: readonly (RunPlace | undefined)[],
): string[] | undefined {
  const out = [...runs];
  const tcvn3 = (i: number) => encodings[i] === 'tcvn3' || (encodings[i] === undefined && /^[\x20-\x7e]*$/.test(runs[i]!));
  let changed = false;
  let prev = -1;
  for (let i = 0; i < out.length; i++) {
    if (out[i] === '') continue;
    const a = prev;
    prev = i;
    if (a < 0 || !tcvn3(a) || !tcvn3(i) || (encodings[a] === undefined && encodings[i] === undefined)) continue;
    const pa = places[a];
    const pb = places[i];
    if (!pa || !pb) continue;
    const h = Math.max(pa.height, pb.height);
    const sameLine = Math.abs(pa.y - pb.y) <= h / 10;
    if (sameLine && Math.abs(pb.x - (pa.x + pa.width)) <= TOUCH * h) changed = joinAcross(out, a, i, false) || changed;
    else if (pb.y < pa.y - h / 3 && out[a]!.endsWith('-')) changed = joinAcross(out, a, i, true) || changed;
  }
  return changed ? out : undefined;
}

/**
 * Puts "ư" back in the cut between run `a` and run `b` when the word it makes is a syllable.
 * `lineEnd`: `a` ends with the hyphen the producer drew where it broke the line (alone, or after
 * the word's start); the part of the word on the next line then moves up to it.
 */
function joinAcross(out: string[], a: number, b: number, lineEnd: boolean): boolean {
  let left = out[a]!;
  if (lineEnd) left = left.slice(0, -1);
  // The hyphen drawn as a run of its own: the word's start is the run before it.
  const tail = left.match(WORD_TAIL)?.[0] ?? (lineEnd && left === '' && a > 0 ? (out[a - 1]!.match(WORD_TAIL)?.[0] ?? '') : '');
  if (!tail) return false;
  const right = out[b]!;
  // Chromium's blank for the soft hyphen: one space before the rest of the word.
  const rest = !lineEnd && /^ \S/.test(right) ? right.slice(1) : right;
  const head = rest.match(WORD_HEAD)?.[0] ?? '';
  if (head && syllable(`${tail}${SOFT_HYPHEN}${head}`)) {
    if (lineEnd) {
      out[a] = `${left}${SOFT_HYPHEN}${head}`;
      out[b] = rest.slice(head.length);
    } else {
      // On one line the two runs stay apart (their places are the producer's) and are glued as touching.
      out[a] = `${left}${SOFT_HYPHEN}`;
      out[b] = rest;
    }
    return true;
  }
  // A word that ends with "ư" ("®Çu t" | " " | "c«ng" for "đầu tư công"): the cut before a space.
  if (!lineEnd && /^\s/.test(right) && !syllable(tail) && syllable(`${tail}${SOFT_HYPHEN}`)) {
    // The space and what follows it in one run: kept in this run, so that the space is not lost between the two.
    out[a] = /^\s+$/.test(right) ? `${left}${SOFT_HYPHEN}` : `${left}${SOFT_HYPHEN}${right}`;
    if (!/^\s+$/.test(right)) out[b] = '';
    return true;
  }
  return false;
}

/** Whether a TCVN3 word (character view) decodes to one Vietnamese syllable. */
function syllable(word: string): boolean {
  const p = plausibility(decodeLegacy(word.replace(/\u03BC/g, '\u00B5'), 'tcvn3'));
  return p.valid === 1 && p.invalid === 0 && p.foreign === 0;
}
