import { moneyUnitWords } from './money.js';
import { foldWords } from './search-form.js';

/**
 * The narrative pattern language. A pattern is written on the search form (lower case, no
 * diacritics; words with accents are folded anyway) and compiled to one regular expression:
 *
 *   tiep nhan [va giai quyet] {n:received} ho so
 *
 *   word words      literal words, matched whole ("ho so" does not match "hoso" or "thu ho")
 *   {n:name}        a count: 196, 08, 1.101 (not a percentage, decimal or fraction)
 *   {pct:name}      a percentage: 85,71% · 86.03% · 100 %
 *   {money:name}    an amount with its unit if printed: 114.984.119đồng · 99.000.000 đồng · 882.738.997đ
 *   {frac:a/b}      a fraction of counts, with unit words allowed before the slash:
 *                   168/196 · 61 hồ sơ/196 · 192/211TTHC · 1101 văn bản/1101; `a` is the numerator
 *   {n} {pct} …     the same without a name: must be there, but is not mapped (kept as unmapped)
 *   (a b|c)         one of several phrasings;  [a b]  optional;  both nest
 *   ...  or  ...N   a gap of up to 10 (or N) words within the clause (never across ";")
 *   /               a literal slash (between two {money}, say)
 *
 * Items are separated by optional white space in the text. Captures of the same name may appear
 * in different alternatives; the one that matched counts.
 */

export type PlaceholderType = 'n' | 'pct' | 'money' | 'frac';

export interface Capture {
  /** Regex group name (generated, unique). */
  readonly group: string;
  /** Name in the catalogue entry's `figures`. */
  readonly name: string;
  readonly type: PlaceholderType;
  /** For fractions: which side of the slash. */
  readonly part?: 'numerator' | 'denominator';
}

export interface CompiledPattern {
  readonly source: string;
  /** Global, with indices: finds every match in a sentence. */
  readonly regex: RegExp;
  /** The same, sticky: tries a match at one position (to shorten a label, see match.ts). */
  readonly sticky: RegExp;
  readonly captures: readonly Capture[];
  /**
   * Whether a sentence (`probeOf` its search form) holds what every match needs: the literal words
   * outside alternatives and optional parts, those of one option of each alternative that is not
   * optional, and the "%" or "/" of a percentage, fraction or slash. False: the regex cannot match.
   */
  readonly mayMatch: (sentence: SentenceProbe) => boolean;
  /** A whole word every match holds (the first such word of the pattern), if any: the key patterns are indexed by. */
  readonly anchor?: string;
}

export class PatternError extends Error {}

const DEFAULT_GAP = 10;

// Building blocks on the search form. A figure never starts inside a word, a number, a code or a range.
const START = String.raw`(?<![\p{L}\d.,/-])`;
// An amount may follow a literal slash: "114.984.119đồng/99.000.000 đồng" is written as {money} / {money}.
const MONEY_START = String.raw`(?<![\p{L}\d.,-])`;
const COUNT = String.raw`\d+(?:[.,]\d{3})*`;
// …nor ends before a decimal part, a percent sign, or a slash followed by more digits (a fraction or date).
const COUNT_END = String.raw`(?![\d%]|[.,]\d|\s?%|\s?/\s?\d)`;
const MONEY_UNIT = String.raw`(?:\s?(?:${moneyUnitWords()})(?![\p{L}\d]))`;
const FRACTION_GAP = String.raw`(?:\s?\p{L}+(?:\s\p{L}+){0,2})?\s?`;

export const NUMBER_REGEX_PARTS = { START, COUNT, COUNT_END, MONEY_UNIT } as const;

type Node =
  | { kind: 'word'; text: string }
  | { kind: 'slash' }
  | { kind: 'gap'; max: number }
  | { kind: 'placeholder'; type: PlaceholderType; names: string[] }
  | { kind: 'alt'; options: Node[][]; optional: boolean };

const TOKEN = /\s+|\.\.\.(\d+)?|\{[^{}]*\}|[()[\]|/]|[^\s()[\]|{}/]+/gy;

function tokenize(source: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (!m) throw new PatternError(`cannot read "${source.slice(at)}"`);
    if (!/^\s+$/.test(m[0])) out.push(m[0]);
  }
  return out;
}

function parse(tokens: string[]): Node[] {
  let i = 0;
  const sequence = (closers: string[]): Node[] => {
    const nodes: Node[] = [];
    while (i < tokens.length && !closers.includes(tokens[i]!)) nodes.push(item());
    return nodes;
  };
  const group = (close: string, optional: boolean): Node => {
    const options: Node[][] = [sequence(['|', close])];
    while (tokens[i] === '|') {
      i++;
      options.push(sequence(['|', close]));
    }
    if (tokens[i] !== close) throw new PatternError(`missing "${close}"`);
    i++;
    return { kind: 'alt', options, optional };
  };
  const item = (): Node => {
    const t = tokens[i++]!;
    if (t === '(') return group(')', false);
    if (t === '[') return group(']', true);
    if (t === ')' || t === ']' || t === '|') throw new PatternError(`unexpected "${t}"`);
    if (t === '/') return { kind: 'slash' };
    if (t.startsWith('...')) return { kind: 'gap', max: t.length > 3 ? Number(t.slice(3)) : DEFAULT_GAP };
    if (t.startsWith('{')) return placeholder(t);
    const text = foldWords(t);
    if (!/^[a-z0-9%-]+$/.test(text)) throw new PatternError(`"${t}" is not a word of the search form`);
    return { kind: 'word', text };
  };
  const nodes = sequence([]);
  if (i < tokens.length) throw new PatternError(`unexpected "${tokens[i]}"`);
  return nodes;
}

function placeholder(token: string): Node {
  const m = /^\{(n|pct|money|frac)(?::([a-z_][a-z0-9_]*)(?:\/([a-z_][a-z0-9_]*))?)?\}$/.exec(token);
  if (!m) throw new PatternError(`unknown placeholder ${token} (use {n}, {pct}, {money}, {frac} with an optional :name)`);
  const type = m[1] as PlaceholderType;
  const names = [m[2], m[3]].filter((x): x is string => !!x);
  if (type === 'frac' ? names.length === 1 : names.length > 1) {
    throw new PatternError(`${token}: a fraction names both sides ({frac:done/total}), other placeholders one name`);
  }
  return { kind: 'placeholder', type, names };
}

/** Compiles one pattern; throws `PatternError` on a syntax error. */
export function compilePattern(source: string): CompiledPattern {
  const nodes = parse(tokenize(source));
  if (nodes.length === 0) throw new PatternError('empty pattern');
  const captures: Capture[] = [];
  const group = (name: string, type: PlaceholderType, part?: Capture['part']): string => {
    const g = `c${captures.length}`;
    captures.push({ group: g, name, type, ...(part ? { part } : {}) });
    return g;
  };
  const named = (name: string | undefined, type: PlaceholderType, body: string, part?: Capture['part']) =>
    name ? `(?<${group(name, type, part)}>${body})` : `(?:${body})`;

  const emitPlaceholder = (type: PlaceholderType, a: string | undefined, b: string | undefined): string => {
    if (type === 'n') return `${START}${named(a, 'n', COUNT)}${COUNT_END}`;
    if (type === 'pct') return `${START}${named(a, 'pct', String.raw`\d+(?:[.,]\d+)?\s?%`)}`;
    if (type === 'money') return `${MONEY_START}${named(a, 'money', String.raw`\d+(?:[.,]\d+)*${MONEY_UNIT}?`)}(?![\d%]|[.,]\d)`;
    return (
      `${START}${named(a, 'frac', COUNT, 'numerator')}${FRACTION_GAP}/\\s?` +
      `${named(b, 'frac', COUNT, 'denominator')}(?![\\d%]|[.,]\\d|\\s?/)`
    );
  };
  const emit = (node: Node): string => {
    switch (node.kind) {
      case 'word':
        return `(?<![\\p{L}\\d])${escape(node.text)}(?![\\p{L}\\d])`;
      case 'slash':
        return '/';
      case 'gap':
        return `(?:[^\\s;]+\\s){0,${node.max}}?`;
      case 'placeholder':
        return emitPlaceholder(node.type, node.names[0], node.names[1]);
      case 'alt': {
        const body = node.options.map(sequence).join('|');
        return `(?:${body})${node.optional ? '?' : ''}`;
      }
    }
  };
  const sequence = (seq: Node[]): string => seq.map(emit).join('\\s?');

  let regex: RegExp;
  try {
    regex = new RegExp(sequence(nodes), 'gdu');
  } catch (err) {
    throw new PatternError(`does not compile: ${(err as Error).message}`);
  }
  // What every match must contain: a sentence lacking it is not tried (most sentences lack most).
  const need = needs(nodes);
  const anchor = need.words[0];
  return { source, regex, sticky: new RegExp(regex.source, 'dyu'), captures, mayMatch: (sentence) => holds(need, sentence), ...(anchor ? { anchor } : {}) };
}

/**
 * A sentence's search form as patterns are screened against it: its text and its words (maximal
 * runs of letters and digits). A pattern word of letters and digits is matched whole, between
 * characters that are neither, so a sentence it matches holds it as one of these runs.
 */
export interface SentenceProbe {
  readonly text: string;
  readonly words: ReadonlySet<string>;
}

export function probeOf(text: string): SentenceProbe {
  return { text, words: new Set(text.match(/[a-z0-9]+/g) ?? []) };
}

/** What a match of a sequence cannot do without: whole words, substrings, one option of each alternative. */
interface Need {
  readonly words: readonly string[];
  readonly substrings: readonly string[];
  readonly alternatives: readonly (readonly Need[])[];
}

function needs(nodes: readonly Node[]): Need {
  const need = { words: [] as string[], substrings: [] as string[], alternatives: [] as Need[][] };
  for (const node of nodes) {
    if (node.kind === 'word') (/^[a-z0-9]+$/.test(node.text) ? need.words : need.substrings).push(node.text);
    else if (node.kind === 'slash' || (node.kind === 'placeholder' && node.type === 'frac')) need.substrings.push('/');
    else if (node.kind === 'placeholder' && node.type === 'pct') need.substrings.push('%');
    else if (node.kind === 'alt' && !node.optional) need.alternatives.push(node.options.map(needs));
  }
  return need;
}

function holds(need: Need, sentence: SentenceProbe): boolean {
  for (const w of need.words) if (!sentence.words.has(w)) return false;
  for (const s of need.substrings) if (!sentence.text.includes(s)) return false;
  for (const options of need.alternatives) if (!options.some((o) => holds(o, sentence))) return false;
  return true;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
