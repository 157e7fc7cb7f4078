/**
 * Legacy Vietnamese encodings (TCVN3/ABC and VNI Windows) of 2019–2021 files: tables from
 * `catalog/encodings/`, decoding to Unicode NFC, font names, and telling the encoding from the bytes.
 */
export { ENCODING_NAMES, LegacyEncoding, tcvn3Table, vniTable, fontCatalog } from './catalog.js';
export { byteOfCodeChar, codeText, decodeLegacy } from './decode.js';
export { type LegacyFont, legacyFont } from './fonts.js';
export { type PdfFontSource, type PdfRunItem, pdfItemTexts, pdfRunFonts, pdfRunFontsOf, pdfRunTexts } from './pdf-runs.js';
export { type RunPlace, restoreDroppedU } from './soft-hyphens.js';
export { type LegacyReading, readLegacyText, undecodableReason } from './read.js';
export { type Plausibility, plausibility, plausibilityScore, readsAsVietnamese } from './syllables.js';
