import { describe, expect, it } from 'vitest';
import { extractNarrative, type PageText } from '../../../src/extract/narrative/index.js';
import { readFixture } from './helpers.js';

/**
 * A PDF's text layer has no blank lines between paragraphs, breaks lines wherever the column ends,
 * and breaks pages inside sentences. The narrative must read the same from such text.
 */
function asPdfPages(text: string, width: number, linesPerPage: number): PageText[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    let line = '';
    for (const word of paragraph.replace(/\*+/g, '').split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
  }
  const pages: PageText[] = [];
  for (let i = 0; i < lines.length; i += linesPerPage) {
    pages.push({ page: pages.length + 1, text: [...lines.slice(i, i + linesPerPage), String(pages.length + 1)].join('\n') });
  }
  return pages;
}

const mappedPairs = (pages: readonly PageText[]) =>
  extractNarrative(pages)
    .filter((f) => f.indicatorKey)
    .map((f) => `${f.indicatorKey}=${f.raw}`);

describe('the narrative laid out as PDF pages', () => {
  const text = readFixture();
  const reference = mappedPairs([{ page: 1, text }]);

  for (const [width, perPage] of [
    [95, 45],
    [70, 33],
    [120, 20],
  ] as const) {
    it(`lines of ${width} characters, ${perPage} lines a page: the same mapped figures, each on the page that prints it`, () => {
      const pages = asPdfPages(text, width, perPage);
      expect(pages.length).toBeGreaterThan(3);
      expect(mappedPairs(pages)).toEqual(reference);
      for (const f of extractNarrative(pages)) {
        const page = pages.find((p) => p.page === f.provenance.page)!;
        expect(page.text.replace(/\s+/g, ' '), `${f.raw} on page ${f.provenance.page}`).toContain(f.raw.split(' ')[0]!);
      }
    });
  }
});
