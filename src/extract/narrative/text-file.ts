import type { PageText } from './sentences.js';

/**
 * A narrative typed as a UTF-8 text file, one paragraph per line (a heading such as
 * "II.2. Cải cách thủ tục hành chính" is a line of its own), as the pages the PDF path hands over:
 * one page, paragraphs separated by blank lines so that no two lines are joined into one.
 */
export function pagesOfTextLines(lines: readonly string[]): PageText[] {
  const paragraphs = lines.map((l) => l.replace(/^\uFEFF/, '').trim()).filter((l) => l !== '');
  return [{ page: 1, text: paragraphs.join('\n\n') }];
}
