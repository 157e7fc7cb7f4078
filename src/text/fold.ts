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
  return text
    .replace(/[\uFB00-\uFB04]/g, (c) => LIGATURES[c] ?? c)
    .replace(INVISIBLE, '')
    .replace(CONTROLS, ' ')
    .normalize('NFC')
    .replace(SPACES, ' ')
    .trim();
}

/** Lower case, punctuation folded to spaces, spaces collapsed: the label-matching form (keeps diacritics). */
export function fold(text: string): string {
  return clean(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim();
}

/** `fold` without diacritics and with đ → d: the fallback form for matching text typed without accents. */
export function foldAscii(text: string): string {
  return fold(text)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .normalize('NFC');
}

/** `foldAscii` without spaces: compares "Bản Thi" with "banthi" in a web address. */
export function foldCompact(text: string): string {
  return foldAscii(text).replace(/ /g, '');
}
