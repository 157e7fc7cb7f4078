import { z } from 'zod';
import { indicatorCatalogue, loadCatalog, type IndicatorCatalogue, type ValueType } from '../../catalog/index.js';
import { compilePattern, PatternError, type CompiledPattern, type PlaceholderType, type SentenceProbe } from './pattern.js';
import { patternScreen, type Candidate } from './screen.js';

/** `catalog/narrative-patterns.yaml`: what the narrative's sentences mean, as data. */
export const NARRATIVE_CATALOG = 'narrative-patterns.yaml';

const IndicatorKey = z.string({ error: 'indicator keys are quoted strings ("1.1", not 1.1)' }).min(1);

export const NarrativeEntry = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are kebab-case'),
    /** What the sentence states, in plain words: documentation for the next editor. */
    meaning: z.string().min(1),
    patterns: z.array(z.string().min(1)).min(1),
    /** Capture name → indicator key. */
    figures: z.record(z.string(), IndicatorKey),
    /** Sentences the entry must map, with the raw text expected for each capture (run by the tests). */
    examples: z
      .array(z.object({ text: z.string(), expect: z.record(z.string(), z.string()) }).strict())
      .default([]),
  })
  .strict();
export type NarrativeEntry = z.infer<typeof NarrativeEntry>;

export const NarrativeCatalog = z
  .object({
    /** Regular expressions on a folded line: the narrative stops before the first line matching one. */
    narrative_end: z.array(z.string()),
    /** Regular expressions on a sentence's search form: numbers inside a match are not figures. */
    skip: z.array(z.object({ why: z.string(), pattern: z.string() }).strict()),
    entries: z.array(NarrativeEntry).min(1),
  })
  .strict();
export type NarrativeCatalog = z.infer<typeof NarrativeCatalog>;

export interface CompiledEntry {
  readonly id: string;
  readonly patterns: readonly CompiledPattern[];
  readonly figures: Readonly<Record<string, string>>;
}

export interface CompiledCatalog {
  readonly end: readonly RegExp[];
  readonly skip: readonly RegExp[];
  readonly entries: readonly CompiledEntry[];
  /** The entries' patterns a sentence may match, in catalogue order (screen.ts). */
  readonly candidates: (probe: SentenceProbe) => readonly Candidate[];
}

// Which indicator types each placeholder may feed: a percentage is never a count, an amount never a share.
const ACCEPTS: Record<PlaceholderType, readonly ValueType[]> = {
  n: ['count'],
  frac: ['count', 'money'],
  pct: ['percent'],
  money: ['money'],
};

/**
 * Validates and compiles a catalogue. Fails loudly, naming the entry, on a pattern that does not
 * compile, an unknown indicator key, a capture without a mapping (a typo), a mapping no pattern
 * captures, or a placeholder feeding an indicator of another type.
 */
export function compileCatalog(catalog: NarrativeCatalog, indicators: IndicatorCatalogue): CompiledCatalog {
  const ids = new Set<string>();
  const entries = catalog.entries.map((entry): CompiledEntry => {
    const fail = (message: string): never => {
      throw new Error(`catalog/${NARRATIVE_CATALOG}: entry "${entry.id}": ${message}`);
    };
    if (ids.has(entry.id)) fail('duplicate id');
    ids.add(entry.id);
    const patterns = entry.patterns.map((source) => {
      try {
        return compilePattern(source);
      } catch (err) {
        if (err instanceof PatternError) return fail(`pattern "${source}": ${err.message}`);
        throw err;
      }
    });
    const captured = new Set<string>();
    for (const p of patterns) {
      for (const c of p.captures) {
        captured.add(c.name);
        const key = entry.figures[c.name];
        if (key === undefined) fail(`pattern "${p.source}" captures "${c.name}", which figures does not map`);
        const indicator = indicators.get(key!) ?? fail(`unknown indicator key "${key}" (not in catalog/indicators.yaml)`);
        if (!ACCEPTS[c.type].includes(indicator.type)) {
          fail(`{${c.type}:${c.name}} cannot feed "${key}", an indicator of type ${indicator.type}`);
        }
      }
    }
    for (const name of Object.keys(entry.figures)) {
      if (!captured.has(name)) fail(`figures maps "${name}", which no pattern captures`);
    }
    return { id: entry.id, patterns, figures: entry.figures };
  });
  const regex = (source: string, flags: string) => {
    try {
      return new RegExp(source, flags);
    } catch (err) {
      throw new Error(`catalog/${NARRATIVE_CATALOG}: "${source}": ${(err as Error).message}`);
    }
  };
  return {
    end: catalog.narrative_end.map((s) => regex(s, 'u')),
    skip: catalog.skip.map((s) => regex(s.pattern, 'gu')),
    entries,
    candidates: patternScreen(entries),
  };
}

let cached: CompiledCatalog | undefined;

/** The narrative catalogue, loaded, checked against the indicator catalogue and compiled once. */
export function narrativeCatalog(): CompiledCatalog {
  cached ??= compileCatalog(loadCatalog(NARRATIVE_CATALOG, NarrativeCatalog), indicatorCatalogue());
  return cached;
}
