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
const DIGIT = /\d/;
const ALNUM = /[\p{L}\d]/u;
// Kept anywhere: the percent sign and the fraction slash are part of figures; the semicolon
// separates clauses, and a pattern's gap must not run across it.
const KEPT = new Set(['%', '/', ';']);

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
  const chars: string[] = [];
  const origin: number[] = [];
  const push = (s: string, at: number) => {
    for (const ch of s) {
      if (ch === ' ' && (chars.length === 0 || chars[chars.length - 1] === ' ')) continue;
      chars.push(ch);
      origin.push(at);
    }
  };
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i]!;
    // Plain ASCII letters and digits are most of the text: no Unicode look-up for them.
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      chars.push(c);
      origin.push(i);
      continue;
    }
    const prev = sentence[i - 1] ?? '';
    const next = sentence[i + 1] ?? '';
    // A combining mark (text left decomposed) belongs to the letter before it, already folded.
    if (MARK.test(c)) continue;
    if (LETTER.test(c)) push(foldLetter(c), i);
    else if (DIGIT.test(c) || KEPT.has(c)) push(c, i);
    // A dot or comma is a figure's separator only between digits ("1.101", "85,71").
    else if ((c === '.' || c === ',') && DIGIT.test(prev) && DIGIT.test(next)) push(c, i);
    // A hyphen inside a token keeps codes ("KH-UBND") and ranges ("2021-2030") recognisable.
    else if (c === '-' && ALNUM.test(prev) && ALNUM.test(next)) push(c, i);
    else push(' ', i);
  }
  if (chars[chars.length - 1] === ' ') {
    chars.pop();
    origin.pop();
  }
  return { text: chars.join(''), origin };
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
