/**
 * Text normalisation shared by every stage. Vietnamese text arrives as NFC, NFD (Windows-1258,
 * some PDFs), with non-breaking or zero-width spaces and soft hyphens; labels differ in case,
 * punctuation and spacing between templates. Matching happens on folded forms; what is stored is NFC.
 */

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g; // soft hyphen, zero-width spaces/joiners, BOM
const SPACES = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;
// C0/C1 control characters other than tab and newline: what a PDF font without a glyph leaves behind.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LIGATURES: Record<string, string> = { '\uFB00': 'ff', '\uFB01': 'fi', '\uFB02': 'fl', '\uFB03': 'ffi', '\uFB04': 'ffl' };

/** NFC, ligatures expanded, invisible characters dropped, every run of white space one plain space, trimmed. */
export function clean(text: string): string {
  // Most lines have nothing of that but their Unicode form to mend (test/text/fold.test.ts compares both ways).
  if (onlyNfcToMend(text)) return text.normalize('NFC');
  return text
    .replace(/[\uFB00-\uFB04]/g, (c) => LIGATURES[c] ?? c)
    .replace(INVISIBLE, '')
    .replace(CONTROLS, ' ')
    .normalize('NFC')
    .replace(SPACES, ' ')
    .trim();
}

/**
 * Whether `clean` has nothing to do to the text but NFC: no ligature, invisible or control character,
 * no white space other than single plain spaces between other characters. (NFC makes none of these.)
 */
function onlyNfcToMend(text: string): boolean {
  let space = true; // at the start, or after a space: a space here would be leading or doubled
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (space) return false;
      space = true;
      continue;
    }
    space = false;
    if (c < 0x20 || (c >= 0x7f && c <= 0xa0) || c === 0xad || c === 0x1680 || (c >= 0x2000 && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f)) return false;
    if (c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff || (c >= 0xfb00 && c <= 0xfb04)) return false;
  }
  return !space || text.length === 0;
}

/** Lower case, punctuation folded to spaces, spaces collapsed: the label-matching form (keeps diacritics). */
export function fold(text: string): string {
  return punctuationToSpaces(clean(text).toLowerCase()).trim();
}

/** `fold` without diacritics and with đ → d: the fallback form for matching text typed without accents. */
export function foldAscii(text: string): string {
  return withoutMarks(fold(text));
}

/**
 * `foldAscii` of a text that `clean` gave (cleaning it again changes nothing, test/text/fold.test.ts):
 * for readers that keep the clean lines and fold each once.
 */
export function foldCleanAscii(cleaned: string): string {
  return withoutMarks(punctuationToSpaces(cleaned.toLowerCase()).trim());
}

function withoutMarks(folded: string): string {
  return asciiLetters(folded) ?? folded.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').normalize('NFC');
}

/*
 * Why the two helpers below go letter by letter: `fold` and `foldAscii` run on every label, line and
 * heading (a report's whole text, several times), and the regular expressions over Unicode classes
 * cost far more per character than a look-up of each distinct character, of which a text has a few
 * hundred. They give exactly what the expressions give (test/text/fold.test.ts compares them).
 */

const WORD_CHAR = /[\p{L}\p{N}%]/u;
/** BMP code unit → 1 when `fold` keeps it (letter, number, "%"), 2 when not, 0 not yet asked. */
const keepsUnit = new Uint8Array(0x10000);
/** The same for characters beyond the BMP (surrogate pairs). */
const keepsPair = new Map<string, boolean>();

/** `s.replace(/[^\p{L}\p{N}%]+/gu, ' ')`. */
function punctuationToSpaces(s: string): string {
  let out = '';
  let kept = 0; // start of the run of kept characters not yet copied
  let inGap = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    let keep: boolean;
    let width = 1;
    const next = s.charCodeAt(i + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      const pair = s.slice(i, i + 2);
      let k = keepsPair.get(pair);
      if (k === undefined) keepsPair.set(pair, (k = WORD_CHAR.test(pair)));
      keep = k;
      width = 2;
    } else {
      let k = keepsUnit[code]!;
      if (k === 0) keepsUnit[code] = k = WORD_CHAR.test(s[i]!) ? 1 : 2;
      keep = k === 1;
    }
    if (keep) {
      if (inGap) {
        out += ' ';
        kept = i;
        inGap = false;
      }
    } else if (!inGap) {
      out += s.slice(kept, i);
      inGap = true;
    }
    i += width - 1;
  }
  return inGap ? out + ' ' : out + s.slice(kept);
}

/**
 * Character → its letter without marks (đ → d) when that is ASCII and the character decomposes to a
 * base followed by marks only; null otherwise. For a text of such characters, taking the marks off
 * each is what NFD, removing marks and NFC do to the whole (the marks NFD might reorder all go).
 */
const asciiOf = new Map<string, string | null>();

/** The text without diacritics, when every character has an ASCII form; undefined: fold the slow way. */
function asciiLetters(s: string): string | undefined {
  let out = '';
  let from = 0; // start of the ASCII run not yet copied
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) < 0x80) continue;
    const ch = s[i]!;
    let a = asciiOf.get(ch);
    if (a === undefined) {
      const d = ch.normalize('NFD');
      const bare = d.replace(/\p{M}+/gu, '').replace(/đ/g, 'd');
      a = /^\p{M}/u.test(d) || /[^\x00-\x7F]/.test(bare) ? null : bare;
      asciiOf.set(ch, a);
    }
    if (a === null) return undefined;
    out += s.slice(from, i) + a;
    from = i + 1;
  }
  return out + s.slice(from);
}

/** `foldAscii` without spaces: compares "Bản Thi" with "banthi" in a web address. */
export function foldCompact(text: string): string {
  return foldAscii(text).replace(/ /g, '');
}
