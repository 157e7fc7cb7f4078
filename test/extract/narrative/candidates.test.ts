import { describe, expect, it } from 'vitest';
import { indicatorCatalogue } from '../../../src/catalog/index.js';
import { candidatesFor, indexCandidates } from '../../../src/extract/narrative/candidates.js';
import { figureContext, layout, zonesOf, type FigureContext } from '../../../src/extract/narrative/context.js';
import { describeIndicators } from '../../../src/extract/narrative/description.js';
import { fitOf } from '../../../src/extract/narrative/fit.js';
import { narrativeCatalog, narrativeLexicon, splitSentences } from '../../../src/extract/narrative/index.js';
import { numberTokens } from '../../../src/extract/narrative/numbers.js';
import { readFixture } from './helpers.js';

describe('candidate indicators of a figure', () => {
  const lexicon = narrativeLexicon();
  const descriptions = describeIndicators(indicatorCatalogue(), lexicon);
  const index = indexCandidates(descriptions, lexicon);
  const catalog = narrativeCatalog();
  const contexts: FigureContext[] = [];
  for (const s of splitSentences([{ page: 1, text: readFixture() }], { end: catalog.end })) {
    const tokens = numberTokens(s.text, catalog.skip);
    const l = layout(s.text, tokens, lexicon);
    const zones = zonesOf(l);
    const heading = s.headings?.length ? lexicon.mentions(s.headings.at(-1)!) : [];
    for (const i of tokens.keys()) contexts.push(figureContext(l, i, lexicon, heading, zones));
  }

  it('hold every indicator fitOf fits, for every number of the sample report, in catalogue order', () => {
    let fitted = 0;
    let scored = 0;
    for (const ctx of contexts) {
      const candidates = candidatesFor(index, ctx);
      const fitting = descriptions.filter((d) => fitOf(d, ctx, lexicon, 'any'));
      expect(fitting.every((d) => candidates.includes(d))).toBe(true);
      expect(candidates).toEqual(descriptions.filter((d) => candidates.includes(d)));
      fitted += fitting.length;
      scored += candidates.length;
    }
    expect(contexts.length).toBeGreaterThan(100);
    expect(fitted).toBeGreaterThan(contexts.length);
    // A small part of the catalogue each: the point of the index.
    expect(scored).toBeLessThan((contexts.length * descriptions.length) / 4);
  });
});
