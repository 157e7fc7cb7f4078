import { describe, expect, it } from 'vitest';
import { narrativeCatalog, splitSentences } from '../../../src/extract/narrative/index.js';
import { probeOf } from '../../../src/extract/narrative/pattern.js';
import { searchForm } from '../../../src/extract/narrative/search-form.js';
import { readFixture } from './helpers.js';

describe('pattern screen', () => {
  const catalog = narrativeCatalog();
  const every = catalog.entries.flatMap((entry) => entry.patterns.map((pattern) => ({ id: entry.id, source: pattern.source })));
  const sentences = splitSentences([{ page: 1, text: readFixture() }], { end: catalog.end });

  it('picks, for every sentence of the sample report, the patterns mayMatch lets through, in catalogue order', () => {
    let tried = 0;
    for (const s of sentences) {
      const probe = probeOf(searchForm(s.text).text);
      const screened = catalog.candidates(probe).map((c) => ({ id: c.entry.id, source: c.pattern.source }));
      const expected = catalog.entries.flatMap((entry) => entry.patterns.filter((p) => p.mayMatch(probe)).map((pattern) => ({ id: entry.id, source: pattern.source })));
      expect(screened).toEqual(expected);
      tried += screened.length;
    }
    // Far fewer than every pattern against every sentence.
    expect(tried).toBeGreaterThan(50);
    expect(tried).toBeLessThan((every.length * sentences.length) / 10);
  });

  it('indexes most patterns by a word they need', () => {
    const anchored = catalog.entries.flatMap((e) => e.patterns).filter((p) => p.anchor !== undefined);
    expect(anchored.length).toBeGreaterThan(every.length / 2);
    expect(catalog.entries.flatMap((e) => e.patterns).find((p) => p.source.startsWith('(co mat|hien co)'))?.anchor).toBeUndefined();
  });
});
