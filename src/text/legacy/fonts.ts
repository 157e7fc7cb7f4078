import { type LegacyEncoding, fontCatalog } from './catalog.js';

export interface LegacyFont {
  /** The font's name as the file gives it (subset tag dropped). */
  readonly font: string;
  readonly encoding: LegacyEncoding;
  /** A capitals font (.VnTimeH): the text is decoded, then upper-cased. */
  readonly uppercase: boolean;
}

/** A PDF embeds a font subset as "ABCDEF+.VnTime". */
const SUBSET_TAG = /^[A-Z]{6}\+/;

/** The legacy encoding a font name stands for, or undefined for a Unicode (or unnamed) font. */
export function legacyFont(name: string | undefined): LegacyFont | undefined {
  const font = name?.trim().replace(SUBSET_TAG, '');
  if (!font) return undefined;
  const lower = font.toLowerCase();
  for (const family of fontCatalog().families) {
    if (!family.prefixes.some((p) => lower.startsWith(p.toLowerCase()))) continue;
    // A PDF names a style after a comma (".VnTimeH,Bold"): the case suffix ends the family name.
    const familyName = font.split(',')[0]!.trim();
    const uppercase = family.uppercase_suffix !== undefined && familyName.endsWith(family.uppercase_suffix);
    return { font, encoding: family.encoding, uppercase };
  }
  return undefined;
}
