/**
 * The form sentences are matched in: lower case, no diacritics, đ → d, punctuation turned into
 * spaces except what a printed figure is made of ("85,71%", "168/196", "114.984.119đồng"), so that
 * catalogue patterns can be written once for text typed with or without accents.
 *
 * Unlike `foldAscii`, every character of the form remembers where it came from, so that a match
 * can be cut out of the sentence exactly as printed.
 */
export interface SearchForm {
  readonly text: string;
  /** `origin[i]` is the index in the sentence of the character `text[i]` was made from. */
  readonly origin: readonly number[];
}

const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
// Kept anywhere: the percent sign and the fraction slash are part of figures; the semicolon
// separates clauses, and a pattern's gap must not run across it.
const KEPT = new Set(['%', '/', ';'].map((c) => c.charCodeAt(0)));

/** Folds one letter the way `foldAscii` does. */
export function foldLetter(c: string): string {
  let f = folded.get(c);
  if (f === undefined) {
    f = c === 'đ' || c === 'Đ' ? 'd' : c.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
    folded.set(c, f);
  }
  return f;
}

/** Letters folded so far: a report has a few hundred distinct ones and millions of occurrences. */
const folded = new Map<string, string>();

/** Folds free text (catalogue words) to the search form, without offsets. */
export function foldWords(text: string): string {
  return searchForm(text.normalize('NFC')).text;
}

/** The last sentence folded: a sentence's form is asked for by its patterns and again by its number tokens. */
let last: { sentence: string; form: SearchForm } | undefined;

export function searchForm(sentence: string): SearchForm {
  if (last?.sentence === sentence) return last.form;
  const form = buildForm(sentence);
  last = { sentence, form };
  return form;
}

function buildForm(sentence: string): SearchForm {
  // Character by character, not slices of the sentence: a sentence with one letter outside Latin-1 is
  // a two-byte string and so would be its slices, while single characters and their concatenation stay
  // one-byte where they can; every pattern would otherwise run, and be compiled again, for two-byte text.
  let text = '';
  const origin: number[] = [];
  // Whether the form so far is empty or ends with a space: no space is added then.
  let spaced = true;
  // Letter by letter, each distinct code unit classified and folded once (a report has a few hundred).
  for (let i = 0; i < sentence.length; i++) {
    const code = sentence.charCodeAt(i);
    // Plain ASCII letters and digits are most of the text: no look-up for them.
    if ((code >= 0x61 && code <= 0x7a) || isDigit(code)) {
      text += sentence[i];
      origin.push(i);
      spaced = false;
      continue;
    }
    const kind = unitKind(code);
    // A combining mark (text left decomposed) belongs to the letter before it, already folded.
    if (kind === MARK_UNIT) continue;
    let s: string;
    if (kind === LETTER_UNIT) s = (foldedUnit[code] ??= foldLetter(sentence[i]!));
    else if (KEPT.has(code)) s = sentence[i]!;
    // A dot or comma is a figure's separator only between digits ("1.101", "85,71").
    else if ((code === 0x2e || code === 0x2c) && isDigit(sentence.charCodeAt(i - 1)) && isDigit(sentence.charCodeAt(i + 1))) s = sentence[i]!;
    // A hyphen inside a token keeps codes ("KH-UBND") and ranges ("2021-2030") recognisable.
    else if (code === 0x2d && isAlnum(sentence.charCodeAt(i - 1)) && isAlnum(sentence.charCodeAt(i + 1))) s = '-';
    else s = ' ';
    for (const ch of s) {
      if (ch === ' ' && spaced) continue;
      text += ch;
      origin.push(i);
      spaced = ch === ' ';
    }
  }
  if (spaced && text.length > 0) {
    text = text.slice(0, -1);
    origin.pop();
  }
  return { text, origin };
}

const MARK_UNIT = 1;
const LETTER_UNIT = 2;
const OTHER_UNIT = 3;
/** UTF-16 code unit → MARK_UNIT, LETTER_UNIT or OTHER_UNIT (as `\p{M}`, `\p{L}` test it alone), 0 not yet asked. */
const unitKinds = new Uint8Array(0x10000);
/** Code unit → its letter folded (`foldLetter`), once asked. */
const foldedUnit: string[] = [];

function unitKind(code: number): number {
  let k = unitKinds[code]!;
  if (k === 0) {
    const c = String.fromCharCode(code);
    unitKinds[code] = k = MARK.test(c) ? MARK_UNIT : LETTER.test(c) ? LETTER_UNIT : OTHER_UNIT;
  }
  return k;
}

/** An ASCII digit (NaN, past either end of the text, is none). */
function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** A letter or an ASCII digit, as `[\p{L}\d]` tests one code unit. */
function isAlnum(code: number): boolean {
  return isDigit(code) || (code >= 0 && unitKind(code) === LETTER_UNIT);
}

/** The sentence's characters behind `form.text.slice(start, end)`. */
export function originalSlice(sentence: string, form: SearchForm, start: number, end: number): string {
  if (end <= start) return '';
  const from = form.origin[start]!;
  const to = form.origin[end - 1]! + 1;
  return sentence.slice(from, to);
}

/** Index in the sentence of the character behind `form.text[i]`. */
export function originalIndex(form: SearchForm, i: number): number {
  return form.origin[Math.min(i, form.origin.length - 1)] ?? 0;
}
