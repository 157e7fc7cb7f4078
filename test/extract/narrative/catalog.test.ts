import { describe, expect, it } from 'vitest';
import { indicatorCatalogue, loadCatalog } from '../../../src/catalog/index.js';
import { compileCatalog, NarrativeCatalog, narrativeCatalog } from '../../../src/extract/narrative/index.js';
import { extractText } from './helpers.js';

const catalog = loadCatalog('narrative-patterns.yaml', NarrativeCatalog);

describe('catalog/narrative-patterns.yaml', () => {
  it('loads, names only known indicators, and compiles', () => {
    const compiled = narrativeCatalog();
    expect(compiled.entries.length).toBe(catalog.entries.length);
    expect(compiled.entries.length).toBeGreaterThanOrEqual(30);
    const indicators = indicatorCatalogue();
    for (const entry of catalog.entries) {
      for (const key of Object.values(entry.figures)) expect(indicators.get(key), `${entry.id}: ${key}`).toBeDefined();
    }
  });

  it('every entry carries examples', () => {
    for (const entry of catalog.entries) expect(entry.examples.length, entry.id).toBeGreaterThan(0);
  });

  describe('each example maps what it says, through its own entry', () => {
    for (const entry of catalog.entries) {
      for (const example of entry.examples) {
        it(`${entry.id}: ${example.text}`, () => {
          const got = extractText(example.text).filter((f) => f.details?.pattern === entry.id);
          const byKey = Object.fromEntries(got.map((f) => [f.indicatorKey, f.raw]));
          const want = Object.fromEntries(Object.entries(example.expect).map(([name, raw]) => [entry.figures[name], raw]));
          expect(byKey).toEqual(want);
        });
      }
    }
  });
});

describe('catalogue validation fails loudly, naming the entry', () => {
  const base = { narrative_end: [], skip: [] };
  const entry = (e: object) => NarrativeCatalog.parse({ ...base, entries: [{ id: 'x', meaning: 'm', ...e }] });
  const compile = (e: object) => () => compileCatalog(entry(e), indicatorCatalogue());

  it('an unknown indicator key', () => {
    expect(compile({ patterns: ['ban hanh {n:c} van ban'], figures: { c: '1.1.9' } })).toThrow(
      'catalog/narrative-patterns.yaml: entry "x": unknown indicator key "1.1.9"',
    );
  });

  it('a capture that figures does not map (a typo)', () => {
    expect(compile({ patterns: ['ban hanh {n:cout} van ban'], figures: { count: '1.1' } })).toThrow(
      'entry "x": pattern "ban hanh {n:cout} van ban" captures "cout", which figures does not map',
    );
  });

  it('a mapping that no pattern captures', () => {
    expect(compile({ patterns: ['ban hanh {n:count} van ban'], figures: { count: '1.1', rate: '1.2' } })).toThrow(
      'entry "x": figures maps "rate", which no pattern captures',
    );
  });

  it('a percentage feeding a count, or a count feeding a percentage', () => {
    expect(compile({ patterns: ['dat {pct:r}'], figures: { r: '1.1' } })).toThrow('entry "x": {pct:r} cannot feed "1.1", an indicator of type count');
    expect(compile({ patterns: ['dat {n:r}'], figures: { r: '1.2' } })).toThrow('{n:r} cannot feed "1.2", an indicator of type percent');
  });

  it('a pattern that does not parse', () => {
    expect(compile({ patterns: ['ban hanh (van ban'], figures: {} })).toThrow('entry "x": pattern "ban hanh (van ban": missing ")"');
    expect(compile({ patterns: ['{num:x} van ban'], figures: {} })).toThrow('unknown placeholder {num:x}');
    expect(compile({ patterns: ['{frac:x} van ban'], figures: {} })).toThrow('a fraction names both sides');
  });

  it('a duplicate id', () => {
    const twice = NarrativeCatalog.parse({
      ...base,
      entries: [
        { id: 'x', meaning: 'm', patterns: ['a {n:c}'], figures: { c: '1.1' } },
        { id: 'x', meaning: 'm', patterns: ['b {n:c}'], figures: { c: '1.1' } },
      ],
    });
    expect(() => compileCatalog(twice, indicatorCatalogue())).toThrow('entry "x": duplicate id');
  });

  it('an indicator key YAML read as a number', () => {
    const r = NarrativeCatalog.safeParse({ ...base, entries: [{ id: 'x', meaning: 'm', patterns: ['a {n:c}'], figures: { c: 1.1 } }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('indicator keys are quoted strings ("1.1", not 1.1)');
  });
});
