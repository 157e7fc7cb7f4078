import { z } from 'zod';
import { loadCatalog } from '../../catalog/index.js';
import { matchesOf } from '../../text/index.js';
import { foldLetter } from './search-form.js';

/** `catalog/narrative-lexicon.yaml`: the words the meaning-based mapper reads, one concept per word. */
export const LEXICON_CATALOG = 'narrative-lexicon.yaml';

const Concept = z
  .object({
    concept: z.string().regex(/^[a-z][a-z0-9_]*$/, 'concept ids are snake_case'),
    /** Concepts of one facet replace each other; `noun`, `subject`, `block`, `generic` have roles. */
    facet: z.string().regex(/^[a-z][a-z_]*$/),
    /** The number it stands beside (`local`) or every number of its clause (`clause`) stays unmapped, unless the indicator is about it. */
    block: z.enum(['local', 'clause']).optional(),
    words: z.array(z.string().min(1)).min(1),
  })
  .strict();

export const LexiconFile = z
  .object({
    concepts: z.array(Concept).min(1),
    function_words: z.array(z.string().min(1)),
    list_words: z.array(z.string().min(1)),
    /** The list words that only join two items ("và", "với"): between two words of one figure they end nothing. */
    joining_words: z.array(z.string().min(1)).default([]),
    breakdown_words: z.array(z.string().min(1)),
    /** Words after a number's measure word that open a relative clause or a cause ("do UBND xã ban hành"): what follows describes, it does not say what was done. */
    relative_words: z.array(z.string().min(1)).default([]),
    not_stated: z.array(z.string()).default([]),
    /** Indicators read only as a part of their parent's figure (after its "trong đó", in its bracket). */
    parts_only: z.array(z.string()).default([]),
    /** Concepts that state what every figure of the report is about (its own level, "cấp xã"): never held against an indicator. */
    unmarked: z.array(z.string()).default([]),
    sentence_facets: z.array(z.string()).default([]),
    /** What a clause that names an action but no noun takes from the clause before ("…: 18; đang cung cấp: 18"). */
    continued_facets: z.array(z.string()).default([]),
    compositions: z.array(z.object({ parts: z.array(z.string()).min(2), means: z.string() }).strict()).default([]),
    /** Unit noun → nouns that are kinds of it: "14 người hoạt động không chuyên trách" says which count of people. */
    kinds: z.record(z.string(), z.array(z.string()).min(1)).default({}),
    /** General measure word → the kinds of it it restates after one of them is printed ("văn bản" after "VBQPPL"). */
    restated: z.record(z.string(), z.array(z.string()).min(1)).default({}),
    /** A concept printed before a number frames it: `gives` is added to the numbers after it ("rà soát" → after a review). */
    follows: z.array(z.object({ concept: z.string(), gives: z.string() }).strict()).default([]),
    /** A concept whose words already say another ("thanh toán trực tuyến" says online): an indicator worded with it explains the other printed beside it. */
    implies: z.record(z.string(), z.array(z.string()).min(1)).default({}),
    contrasts: z.array(z.object({ concept: z.string(), beside: z.string(), adds: z.string() }).strict()).default([]),
    negations: z.array(z.string().min(1)),
    affirmations: z.array(z.string().min(1)),
    headings: z.array(z.object({ words: z.array(z.string().min(1)).min(1), section: z.string().regex(/^(?:[1-7]|any|none)$/) }).strict()),
    /** Indicator key → more descriptions in words. */
    describe: z.record(z.string(), z.array(z.string().min(1)).min(1)).default({}),
    /** A rate and the two counts it is made of: a printed "a/b" gives both counts, a nearby "%" the rate. */
    ratios: z
      .array(z.object({ rate: z.string().optional(), numerator: z.string(), denominator: z.string() }).strict())
      .default([]),
  })
  .strict();
export type LexiconFile = z.infer<typeof LexiconFile>;

export type Facet = string;

/** A concept found in a text: which, and the characters it covers. */
export interface Mention {
  readonly concept: string;
  readonly facet: Facet;
  readonly block?: 'local' | 'clause';
  readonly start: number;
  readonly end: number;
  /** The words as printed. */
  readonly text: string;
}

/** A word of a text, folded, with where it stands. */
export interface Word {
  readonly form: string;
  readonly start: number;
  readonly end: number;
}

export interface Lexicon {
  readonly facetOf: ReadonlyMap<string, Facet>;
  readonly file: LexiconFile;
  /** The concepts of a text, longest phrase first, left to right, never overlapping (found once per text: not to be changed). */
  mentions(text: string): readonly Mention[];
  /** Where a negation ("không có", "chưa") or affirmation ("đã") starts, with its end. */
  polarity(text: string): { start: number; end: number; negative: boolean }[];
  /** Words that end a number's own words: list items and breakdowns ("trong đó"), with their spans. */
  listWords(text: string): { start: number; end: number; breakdown: boolean; joining: boolean }[];
  /** Where the relative words of a text ("do", "mà") stand. */
  relativeWords(text: string): { start: number; end: number }[];
  /** Whether the words at `start` of the text are function words (they say nothing of what a number counts). */
  functionWordAt(text: string, start: number): boolean;
  /** The catalogue section a heading covers (`any`, `none`), or undefined. */
  headingSection(heading: string): string | undefined;
}

// Words are letters (with their marks), numbers, and the % sign; a comma may sit inside a phrase
// ("phản ánh, kiến nghị"), other punctuation ends it.
const WORD = /[\p{L}\p{M}]+|\d+(?:[.,]\d+)*|%/gu;

/** Folds a word for matching: lower case, NFC; `ascii` also drops diacritics (đ → d). */
function foldWord(w: string, ascii: boolean): string {
  const lower = w.normalize('NFC').toLowerCase();
  return ascii ? [...lower].map(foldLetter).join('') : lower;
}

/** The words of a text. Text typed without any diacritics is matched without them. */
export function wordsOf(text: string, ascii = isAscii(text)): Word[] {
  return matchesOf(WORD, text).map((m) => ({ form: foldWord(m[0], ascii), start: m.index, end: m.index + m[0].length }));
}

function isAscii(text: string): boolean {
  return !/[^\x00-\x7F]/.test(text.normalize('NFC').replace(/[“”‘’–—…]/g, ''));
}

interface Entry {
  readonly concept: string;
  readonly facet: Facet;
  readonly block?: 'local' | 'clause';
  readonly words: readonly string[];
}

/** Phrases keyed by their first word, longest first. */
class PhraseTable<T> {
  private readonly byFirst = new Map<string, { words: string[]; value: T }[]>();
  add(words: string[], value: T): void {
    const list = this.byFirst.get(words[0]!) ?? [];
    list.push({ words, value });
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirst.set(words[0]!, list);
  }
  /** The longest phrase starting at word `i`, with its length in words. */
  at(words: readonly Word[], i: number, text: string): { value: T; length: number } | undefined {
    const phrases = this.byFirst.get(words[i]!.form);
    if (!phrases) return undefined;
    // (Every phrase listed under the word starts with it: the words after it decide.)
    next: for (const p of phrases) {
      for (let k = 1; k < p.words.length; k++) {
        const w = words[i + k];
        if (!w || w.form !== p.words[k] || !joined(text, words[i + k - 1]!, w)) continue next;
      }
      return { value: p.value, length: p.words.length };
    }
    return undefined;
  }
}

/** Two words are one phrase when only spaces, a comma or a slash stand between them. */
function joined(text: string, a: Word, b: Word): boolean {
  // Most words of a phrase stand one space apart.
  if (b.start - a.end === 1 && text.charCodeAt(a.end) === 0x20) return true;
  return /^\s*[,/]?\s*$/u.test(text.slice(a.end, b.start));
}

/** Validates and compiles the lexicon. A word listed under two concepts (or twice) is an error. */
export function compileLexicon(file: LexiconFile): Lexicon {
  const facetOf = new Map<string, Facet>();
  const tables = { accents: new PhraseTable<Entry>(), ascii: new PhraseTable<Entry>() };
  const seen = new Map<string, string>();
  const fail = (message: string): never => {
    throw new Error(`catalog/${LEXICON_CATALOG}: ${message}`);
  };
  for (const c of file.concepts) {
    if (facetOf.has(c.concept)) fail(`concept "${c.concept}" listed twice`);
    facetOf.set(c.concept, c.facet);
    for (const word of c.words) {
      const key = wordsOf(word, false).map((w) => w.form).join(' ');
      if (!key) fail(`concept "${c.concept}": "${word}" has no word in it`);
      const before = seen.get(key);
      if (before) fail(`"${word}" is listed twice (under "${before}" and "${c.concept}")`);
      seen.set(key, c.concept);
      const entry: Entry = { concept: c.concept, facet: c.facet, ...(c.block ? { block: c.block } : {}), words: [] };
      tables.accents.add(key.split(' '), entry);
      tables.ascii.add(wordsOf(word, true).map((w) => w.form), entry);
    }
  }
  for (const c of file.unmarked) if (!facetOf.has(c)) fail(`unmarked: unknown concept "${c}"`);
  for (const f of file.follows) for (const c of [f.concept, f.gives]) if (!facetOf.has(c)) fail(`follows: unknown concept "${c}"`);
  for (const [c, implied] of Object.entries(file.implies)) for (const x of [c, ...implied]) if (!facetOf.has(x)) fail(`implies: unknown concept "${x}"`);
  for (const [unit, kinds] of [...Object.entries(file.kinds), ...Object.entries(file.restated)]) {
    for (const c of [unit, ...kinds]) if (facetOf.get(c) !== 'noun') fail(`kinds, restated: "${c}" is no concept of facet noun`);
  }
  const polarity = new PhraseTable<boolean>();
  for (const w of file.negations) polarity.add(wordsOf(w, false).map((x) => x.form), true);
  for (const w of file.affirmations) polarity.add(wordsOf(w, false).map((x) => x.form), false);
  const listWords = new PhraseTable<boolean>();
  for (const w of file.list_words) listWords.add(wordsOf(w, false).map((x) => x.form), false);
  for (const w of file.breakdown_words) listWords.add(wordsOf(w, false).map((x) => x.form), true);
  const joining = new Set(file.joining_words.flatMap((w) => [false, true].map((ascii) => wordsOf(w, ascii).map((x) => x.form).join(' '))));
  const asciiListWords = new PhraseTable<boolean>();
  for (const w of file.list_words) asciiListWords.add(wordsOf(w, true).map((x) => x.form), false);
  for (const w of file.breakdown_words) asciiListWords.add(wordsOf(w, true).map((x) => x.form), true);
  const relatives = { accents: new PhraseTable<true>(), ascii: new PhraseTable<true>() };
  for (const w of file.relative_words) {
    relatives.accents.add(wordsOf(w, false).map((x) => x.form), true);
    relatives.ascii.add(wordsOf(w, true).map((x) => x.form), true);
  }
  const functionWords = new PhraseTable<true>();
  for (const w of file.function_words) functionWords.add(wordsOf(w, false).map((x) => x.form), true);
  const asciiFunctionWords = new PhraseTable<true>();
  for (const w of file.function_words) asciiFunctionWords.add(wordsOf(w, true).map((x) => x.form), true);
  const headings = file.headings.map((h) => ({ section: h.section, phrases: h.words.map((w) => wordsOf(w, false).map((x) => x.form)) }));

  // A sentence's words are asked for by each reading of it (mentions, polarity, list and relative
  // words, the function word after each number), a heading's by every sentence under it: each text
  // is split and folded once. Bounded: a backfill reads millions of sentences.
  const read = new Map<string, { ascii: boolean; words: readonly Word[]; accents?: readonly Word[]; mentions?: readonly Mention[] }>();
  const textOf = (text: string) => {
    let known = read.get(text);
    if (!known) {
      if (read.size >= READ_CACHE) read.clear();
      const ascii = isAscii(text);
      known = { ascii, words: wordsOf(text, ascii) };
      read.set(text, known);
    }
    return known;
  };
  /** The words with their diacritics, whatever the text. */
  const accented = (text: string) => {
    const known = textOf(text);
    if (!known.ascii) return known.words;
    known.accents ??= wordsOf(text, false);
    return known.accents;
  };

  const mentions = (text: string): readonly Mention[] => {
    const known = textOf(text);
    known.mentions ??= findMentions(text, known.ascii, known.words);
    return known.mentions;
  };
  const findMentions = (text: string, ascii: boolean, words: readonly Word[]): Mention[] => {
    const table = ascii ? tables.ascii : tables.accents;
    const out: Mention[] = [];
    for (let i = 0; i < words.length; ) {
      const hit = table.at(words, i, text);
      if (!hit) {
        i++;
        continue;
      }
      const start = words[i]!.start;
      const end = words[i + hit.length - 1]!.end;
      const { concept, facet, block } = hit.value;
      out.push({ concept, facet, ...(block ? { block } : {}), start, end, text: text.slice(start, end) });
      i += hit.length;
    }
    return out;
  };

  return {
    facetOf,
    file,
    mentions,
    polarity(text) {
      const words = accented(text);
      const out: { start: number; end: number; negative: boolean }[] = [];
      for (let i = 0; i < words.length; i++) {
        const hit = polarity.at(words, i, text);
        if (!hit) continue;
        out.push({ start: words[i]!.start, end: words[i + hit.length - 1]!.end, negative: hit.value });
        i += hit.length - 1;
      }
      return out;
    },
    listWords(text) {
      const { ascii, words } = textOf(text);
      const out: { start: number; end: number; breakdown: boolean; joining: boolean }[] = [];
      for (let i = 0; i < words.length; i++) {
        const hit = (ascii ? asciiListWords : listWords).at(words, i, text);
        if (!hit) continue;
        const form = words.slice(i, i + hit.length).map((w) => w.form).join(' ');
        out.push({ start: words[i]!.start, end: words[i + hit.length - 1]!.end, breakdown: hit.value, joining: joining.has(form) });
        i += hit.length - 1;
      }
      return out;
    },
    relativeWords(text) {
      const { ascii, words } = textOf(text);
      const out: { start: number; end: number }[] = [];
      for (let i = 0; i < words.length; i++) {
        const hit = (ascii ? relatives.ascii : relatives.accents).at(words, i, text);
        if (hit) out.push({ start: words[i]!.start, end: words[i + hit.length - 1]!.end });
      }
      return out;
    },
    functionWordAt(text, start) {
      const { ascii, words } = textOf(text);
      const i = words.findIndex((w) => w.start >= start);
      return i >= 0 && !!(ascii ? asciiFunctionWords : functionWords).at(words, i, text);
    },
    headingSection(heading) {
      const words = textOf(heading).words.map((w) => w.form);
      const has = (p: string[]) => words.some((_, i) => p.every((w, k) => words[i + k] === w));
      // The most specific heading word wins: "none" and numbered sections before "any".
      const hits = headings.filter((h) => h.phrases.some(has)).map((h) => h.section);
      return hits.find((s) => s === 'none') ?? hits.find((s) => /^\d$/.test(s)) ?? hits[0];
    },
  };
}

/** Texts whose words a lexicon keeps: a report's sentences and headings, several times over. */
const READ_CACHE = 1024;

let cached: Lexicon | undefined;

/** The lexicon, loaded, checked and compiled once per process. */
export function narrativeLexicon(): Lexicon {
  cached ??= compileLexicon(loadCatalog(LEXICON_CATALOG, LexiconFile));
  return cached;
}
