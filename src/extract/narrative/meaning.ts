import { indicatorCatalogue, type IndicatorCatalogue, type ValueType } from '../../catalog/index.js';
import { figureContext, layout, zonesOf, WEIGHTS, type FigureContext, type SentenceLayout } from './context.js';
import { describeIndicators, type IndicatorDescription } from './description.js';
import { candidatesFor, indexCandidates, type CandidateIndex } from './candidates.js';
import { decide, FIT, fitOf, type Fit } from './fit.js';
import { narrativeLexicon, type Lexicon, type Mention } from './lexicon.js';
import { type TextAnswer, textAnswers } from './answers.js';
import { numberTokens, type NumberKind, type NumberToken } from './numbers.js';
import { parseNumber, parseValue } from '../../normalize/parse-value.js';

/**
 * The meaning-based mapper: every printed number of a sentence, and every zero or "no" written in
 * words, with the indicator its description fits best (by a margin), or none.
 */
export interface ReadNumber {
  readonly start: number;
  readonly end: number;
  readonly kind: NumberKind | 'phrase';
  readonly key?: string;
  /** For a phrase: the value it states (0, false, true, or a text indicator's answer). */
  readonly value?: number | boolean | string;
  readonly why?: Why;
  /** Why no indicator may take this number (a target, another body, section IV): overrides the patterns too. */
  readonly blocked?: readonly string[];
  /** The indicators that fit at all, best first (also when none won by the margin): a pattern outside them is overruled. */
  readonly candidates?: readonly string[];
  /** The key of the figure this number is a part of (in its bracket or after its "trong đó"): never this number's key. */
  readonly partOf?: string;
  /** The measure word printed after the number, when no indicator of the catalogue counts it ("12 Tổ công nghệ số"). */
  readonly foreignNoun?: string;
  /**
   * An "a/b" pair no family fitted: a pattern may still read it, but only as an indicator one of whose
   * wordings the sentence echoes, not its heading, which names a whole field ("12/12 thôn" of digital
   * teams is no village reached by communication). The keys listed here are those echoed.
   */
  readonly open?: readonly string[];
}

export interface Why {
  readonly rule: 'meaning' | 'fraction' | 'rate-of-fraction' | 'words';
  readonly score: number;
  /** How far ahead of the runner-up (null when there was none). */
  readonly margin: number | null;
  readonly runnerUp?: string;
  /** The printed words that decided, with the concept each stands for. */
  readonly words: readonly string[];
}

interface Model {
  readonly lexicon: Lexicon;
  readonly catalogue: IndicatorCatalogue;
  readonly descriptions: readonly IndicatorDescription[];
  readonly byKey: ReadonlyMap<string, IndicatorDescription>;
  readonly denominatorOnly: ReadonlySet<string>;
  readonly partsOnly: ReadonlySet<string>;
  readonly ratios: readonly { rate?: string; numerator: string; denominator: string }[];
  /** The descriptions a value of each type is scored against (not a base mapped only as one), in catalogue order, indexed. */
  readonly candidatesOf: ReadonlyMap<ValueType, CandidateIndex>;
  /** The same for a zero in words (a count or a yes/no). */
  readonly zeroCandidates: CandidateIndex;
  /** Every measure noun some indicator counts. */
  readonly nouns: ReadonlySet<string>;
}

let cached: Model | undefined;

function model(): Model {
  if (cached) return cached;
  const lexicon = narrativeLexicon();
  const catalogue = indicatorCatalogue();
  const notStated = new Set(lexicon.file.not_stated);
  const descriptions = describeIndicators(catalogue, lexicon).filter((d) => !notStated.has(d.indicator.key));
  const byKey = new Map(descriptions.map((d) => [d.indicator.key, d]));
  for (const r of lexicon.file.ratios) {
    for (const k of [r.rate, r.numerator, r.denominator]) {
      if (k && !byKey.has(k)) throw new Error(`catalog/narrative-lexicon.yaml: ratios: unknown indicator key "${k}"`);
    }
  }
  // A count that is only ever the base of a rate ("mẫu số") is mapped only as the "b" of "a/b".
  const denominatorOnly = new Set(
    lexicon.file.ratios.map((r) => r.denominator).filter((k) => !lexicon.file.ratios.some((r) => r.numerator === k) && /mẫu số/u.test(byKey.get(k)!.indicator.name)),
  );
  for (const k of lexicon.file.parts_only) if (!byKey.has(k)) throw new Error(`catalog/narrative-lexicon.yaml: parts_only: unknown indicator key "${k}"`);
  // Asked for every number and every zero in words: filtered and indexed once.
  const scored = (types: readonly ValueType[]) =>
    indexCandidates(
      descriptions.filter((d) => types.includes(d.indicator.type) && !denominatorOnly.has(d.indicator.key)),
      lexicon,
    );
  const candidatesOf = new Map(Object.values(TYPES).map((t) => [t, scored([t])] as const));
  candidatesOf.set('boolean', scored(['boolean']));
  cached = {
    lexicon,
    catalogue,
    descriptions,
    byKey,
    denominatorOnly,
    partsOnly: new Set(lexicon.file.parts_only),
    ratios: lexicon.file.ratios,
    candidatesOf,
    zeroCandidates: scored(['count', 'boolean']),
    nouns: new Set(descriptions.flatMap((d) => [...d.nouns])),
  };
  return cached;
}

const TYPES: Record<NumberKind, ValueType> = { count: 'count', percent: 'percent', money: 'money' };

/** Reads one sentence standing under `headings` (outermost first). */
export function readSentence(text: string, headings: readonly string[], skip: readonly RegExp[]): ReadNumber[] {
  const m = model();
  const section = sectionOf(headings, m.lexicon);
  const tokens = numberTokens(text, skip);
  if (section === 'none') return tokens.map((t) => ({ start: t.start, end: t.end, kind: t.kind, blocked: ['section'] }));
  const l = layout(text, tokens, m.lexicon);
  const zones = zonesOf(l);
  const heading = headings.length ? m.lexicon.mentions(headings.at(-1)!) : [];
  const contexts = tokens.map((_, i) => figureContext(l, i, m.lexicon, heading, zones));
  const out: (ReadNumber | undefined)[] = tokens.map(() => undefined);
  const fitsOf: (readonly Fit[])[] = tokens.map(() => []);

  // "a/b": the pair of counts of one rate, decided together; a percentage beside it equal to a/b is its rate.
  for (const [n, t] of tokens.entries()) {
    if (t.part !== 'numerator' || t.other === undefined) continue;
    const d = t.other;
    const fits: (Fit & { ratio: number })[] = [];
    for (const [ri, r] of m.ratios.entries()) {
      const num = m.byKey.get(r.numerator)!;
      if (num.indicator.type !== TYPES[t.kind]) continue;
      // "61 hồ sơ/196": a pair of dossier counts, whatever rate the words around it name.
      const noun = contexts[n]!.noun;
      if (noun && !num.nouns.has(noun)) continue;
      const candidates = [num, ...(r.rate ? [m.byKey.get(r.rate)!] : [])];
      const best = candidates.map((desc) => fitOf(desc, contexts[n]!, m.lexicon, section)).filter((f): f is Fit => !!f).sort((a, b) => b.score - a.score)[0];
      if (best) fits.push({ ...best, key: `${r.numerator}|${r.denominator}`, ratio: ri });
    }
    const { best, runnerUp } = decideDistinct(fits);
    if (!best) {
      const open = echoedKeys(l, m);
      out[n] = { start: t.start, end: t.end, kind: t.kind, open };
      out[d] = { start: tokens[d]!.start, end: tokens[d]!.end, kind: tokens[d]!.kind, open };
      continue;
    }
    const r = m.ratios[(best as Fit & { ratio: number }).ratio]!;
    const why = whyOf('fraction', best, runnerUp, contexts[n]!);
    out[n] = { start: t.start, end: t.end, kind: t.kind, key: r.numerator, why };
    out[d] = { start: tokens[d]!.start, end: tokens[d]!.end, kind: tokens[d]!.kind, key: r.denominator, why };
    if (!r.rate) continue;
    const a = parseNumber(text.slice(t.start, t.end), 'count');
    const b = parseNumber(text.slice(tokens[d]!.start, tokens[d]!.end), 'count');
    if (a === null || !b) continue;
    const clause = clauseRange(l, t.start);
    for (const [p, pt] of tokens.entries()) {
      if (pt.kind !== 'percent' || out[p] || pt.start < clause[0] || pt.end > clause[1]) continue;
      const pct = parseNumber(text.slice(pt.start, pt.end).replace(/\s?%$/, ''), 'percent');
      if (pct !== null && Math.abs(pct - (100 * a) / b) < 0.6) {
        out[p] = { start: pt.start, end: pt.end, kind: 'percent', key: r.rate, why: { ...why, rule: 'rate-of-fraction' } };
      }
    }
  }

  for (const [i, t] of tokens.entries()) {
    if (out[i]) continue;
    const type = TYPES[t.kind];
    const all = candidatesFor(m.candidatesOf.get(type)!, contexts[i]!)
      .map((d) => fitOf(d, contexts[i]!, m.lexicon, section))
      .filter((f): f is Fit => !!f);
    // A row that is only ever a part of its parent's figure ("trong đó TTHC cấp xã 116") is read only as such a part.
    const fits = all.filter((f) => !m.partsOnly.has(f.key));
    const { best, runnerUp } = baseOverNumerator(decideSpecific(fits, m), contexts[i]!, section, m);
    const candidates = [...fits].sort((a, b) => b.score - a.score).slice(0, 2).map((f) => f.key);
    fitsOf[i] = all;
    out[i] = {
      start: t.start,
      end: t.end,
      kind: t.kind,
      ...(best ? { key: best.key, why: whyOf('meaning', best, runnerUp, contexts[i]!) } : {}),
      candidates,
    };
  }
  rateOfCounts(l, tokens, out, fitsOf, m);
  baseOfRate(l, tokens, out, m);
  numeratorOfRate(l, tokens, out, m);
  // A part of a list ("25 tin bài (… 20 tin bài, … 05 tin bài)", "11 văn bản, trong đó 08 văn bản còn hiệu lực")
  // read as its head's indicator is a part of that figure, not the figure.
  for (const [i, c] of contexts.entries()) {
    // A head left open still says what a part that adds no word of its own is not: the indicator
    // the head came closest to ("rà soát 11 văn bản, trong đó 08 văn bản còn hiệu lực").
    const head = c.head !== undefined ? out[c.head] : undefined;
    // (A part that names one of the head's several subjects, "tỉnh giao 12" of "tỉnh và huyện giao 21", narrows it.)
    const headWords = [...(c.head !== undefined ? contexts[c.head]!.strong : [])];
    const facetOf = (x: string) => m.lexicon.facetOf.get(x) ?? '';
    const ownWords = [...c.strong].some(
      (x) => !['noun', 'generic'].includes(facetOf(x)) && (!headWords.includes(x) || headWords.filter((h) => facetOf(h) === facetOf(x)).length > 1),
    );
    const headKey = head?.key ?? (ownWords ? undefined : head?.candidates?.[0]);
    if (!headKey) continue;
    // A part left between two readings, or read as its head, is a sub-row of its head's indicator when
    // one of those fits by the margin: "02 nhiệm vụ quá hạn nhưng chưa hoàn thành (01 nhiệm vụ tỉnh giao, 01 … huyện giao)".
    const sub = (!out[i]!.key || out[i]!.key === headKey) && head?.key ? decide(fitsOf[i]!.filter((f) => m.byKey.get(f.key)?.indicator.parent === head.key)).best : undefined;
    if (sub) {
      out[i] = { ...out[i]!, key: sub.key, why: whyOf('meaning', sub, undefined, c) };
      continue;
    }
    if (out[i]!.key === headKey) out[i] = { start: out[i]!.start, end: out[i]!.end, kind: out[i]!.kind, blocked: [`part of ${headKey}`] };
    else if (head?.key) out[i] = { ...out[i]!, partOf: headKey };
  }
  for (const [i, c] of contexts.entries()) {
    const noun = c.noun;
    if (noun && !out[i]!.key && !m.nouns.has(noun)) out[i] = { ...out[i]!, foreignNoun: noun };
  }
  for (const [i, c] of contexts.entries()) {
    if (c.blocks.size && !out[i]!.key) out[i] = { ...out[i]!, blocked: [...c.blocks] };
  }
  const all = [...out.filter((x): x is ReadNumber => !!x), ...phrases(l, section, heading, m), ...textAnswers(text, section, m.catalogue).map(answerReading)].sort((a, b) => a.start - b.start);
  return firstValueWins(all, text);
}

/** A text indicator's answer as a reading: a phrase, decided by the indicator's name words printed before it. */
const answerReading = (a: TextAnswer): ReadNumber => ({
  start: a.start,
  end: a.end,
  kind: 'phrase',
  key: a.key,
  value: a.value,
  why: { rule: 'words', score: a.words.length, margin: null, words: a.words },
});

/**
 * A report states one value per indicator: when a later number of the same sentence maps to a key
 * already taken with another value (a part of a list read as its total: "25 tin bài (… 20 tin bài,
 * … 05 tin bài)"), the later one stays unmapped.
 */
function firstValueWins(read: readonly ReadNumber[], text: string): ReadNumber[] {
  const seen = new Map<string, string>();
  return read.map((r) => {
    if (!r.key) return r;
    const value = r.kind === 'phrase' ? String(r.value) : String(parseNumber(text.slice(r.start, r.end).replace(/\s?%$/, ''), r.kind === 'percent' ? 'percent' : 'count'));
    const before = seen.get(r.key);
    if (before === undefined) {
      seen.set(r.key, value);
      return r;
    }
    if (before === value) return r;
    const { key: _key, why: _why, ...rest } = r;
    return rest;
  });
}

/**
 * The indicators of which some wording is echoed by the words of the sentence: one
 * concept of the wording that is not a measure word (what is counted) nor generic is printed somewhere.
 */
function echoedKeys(l: SentenceLayout, m: Model): string[] {
  const said = new Set(l.mentions.map((x) => x.concept));
  const telling = (c: string) => !['noun', 'generic'].includes(m.lexicon.facetOf.get(c) ?? '');
  return m.descriptions
    .filter((d) => d.wordings.some((w) => !w.some(telling) || w.some((c) => telling(c) && said.has(c))))
    .map((d) => d.indicator.key);
}

/**
 * A base of a rate ("mẫu số") is mapped alone only against its own numerator: "28 TTHC có phát sinh
 * hồ sơ" fits the base at least as well as the online ones it would otherwise be read as. Elsewhere
 * it stays out (it reads like too many other totals).
 */
function baseOverNumerator(d: { best?: Fit; runnerUp?: Fit }, ctx: FigureContext, section: string | undefined, m: Model): { best?: Fit; runnerUp?: Fit } {
  const best = d.best;
  if (!best) return d;
  for (const r of m.ratios) {
    if (r.numerator !== best.key || !m.denominatorOnly.has(r.denominator)) continue;
    const base = fitOf(m.byKey.get(r.denominator)!, ctx, m.lexicon, section);
    if (base && base.score >= best.score) return { best: base, runnerUp: best };
  }
  return d;
}

/**
 * A percentage left open that equals a/b of two counts of the sentence mapped as a rate's numerator and
 * base ("32 nhiệm vụ; … hoàn thành 30 nhiệm vụ, đạt tỷ lệ 93,75%") is that rate: the arithmetic says so.
 */
function rateOfCounts(l: SentenceLayout, tokens: readonly NumberToken[], out: (ReadNumber | undefined)[], fitsOf: readonly (readonly Fit[])[], m: Model): void {
  const text = l.text;
  const valueOf = (i: number) => parseNumber(text.slice(tokens[i]!.start, tokens[i]!.end), 'count');
  for (const r of m.ratios) {
    // One rate per sentence: a rate already read stays, and other percentages are about other things.
    if (!r.rate || out.some((x) => x?.key === r.rate)) continue;
    const a = out.findIndex((x) => x?.key === r.numerator);
    const b = out.findIndex((x) => x?.key === r.denominator);
    if (a < 0 || b < 0) continue;
    const [num, den] = [valueOf(a), valueOf(b)];
    if (num === null || !den) continue;
    const [from, to] = clauseRange(l, tokens[a]!.start);
    for (const [p, pt] of tokens.entries()) {
      const read = out[p];
      // (The arithmetic also decides against the words where they preferred another rate but fit this one well
      // enough: "đủ điều kiện cung cấp trực tuyến một phần: 18; đang cung cấp: 18, đạt 100%".)
      const outvoted = read?.key !== undefined && read.why?.rule === 'meaning' && fitsOf[p]!.some((f) => f.key === r.rate && f.score >= FIT.minimum);
      if (pt.kind !== 'percent' || !read || (read.key && !outvoted) || read.blocked || pt.start < from || pt.end > to) continue;
      const pct = parseNumber(text.slice(pt.start, pt.end).replace(/\s?%$/, ''), 'percent');
      if (pct === null || Math.abs(pct - (100 * num) / den) >= 0.6) continue;
      const why = out[a]!.why;
      out[p] = { ...read, key: r.rate, ...(why ? { why: { ...why, rule: 'rate-of-fraction' } } : {}) };
      break;
    }
  }
}

/** The value a number token prints: money in đồng, a percentage in points, else a count. */
function valueAt(text: string, t: NumberToken): number | null {
  const raw = text.slice(t.start, t.end);
  return t.kind === 'money' ? parseValue(raw, { type: 'money', unit: 'đồng' }).num : parseNumber(raw.replace(/\s?%$/, ''), t.kind === 'percent' ? 'percent' : 'count');
}

/**
 * The base of a rate whose numerator and rate the words gave: an amount left open that makes the
 * arithmetic come out ("thu 1,25 tỷ đồng, bằng 125% kế hoạch (kế hoạch 1 tỷ đồng)") is the base, even
 * where a comparison word stands beside it ("so với kế hoạch (1.000.000.000 đồng)"); another body's is not.
 */
function baseOfRate(l: SentenceLayout, tokens: readonly NumberToken[], out: (ReadNumber | undefined)[], m: Model): void {
  const valueOf = (i: number) => valueAt(l.text, tokens[i]!);
  const otherBody = (r: ReadNumber) => (r.blocked ?? []).some((b) => m.lexicon.file.concepts.find((c) => c.concept === b)?.block === 'clause');
  for (const r of m.ratios) {
    if (!r.rate || out.some((x) => x?.key === r.denominator)) continue;
    const a = out.findIndex((x) => x?.key === r.numerator);
    if (a < 0) continue;
    const num = valueOf(a);
    const p = out.findIndex((x, j) => tokens[j]!.kind === 'percent' && (x?.key === r.rate || (!!x && !x.key && !x.blocked && !!x.candidates?.includes(r.rate!))));
    if (num === null || p < 0) continue;
    const pct = valueOf(p);
    if (pct === null) continue;
    const x = tokens.findIndex((t, j) => {
      if (j === a || t.kind !== tokens[a]!.kind || out[j]?.key || otherBody(out[j]!) || t.part !== undefined) return false;
      const base = valueOf(j);
      return !!base && Math.abs((100 * num) / base - pct) < 0.05;
    });
    if (x < 0) continue;
    const why = out[a]!.why;
    const derived = why ? { why: { ...why, rule: 'rate-of-fraction' as const } } : {};
    const { blocked: _b, ...rest } = out[x]!;
    out[x] = { ...rest, key: r.denominator, ...derived };
    if (!out[p]!.key) out[p] = { ...out[p]!, key: r.rate, ...derived };
  }
}

/**
 * The numerator of a rate whose base and rate the words gave: a count left open, or read as the base a second
 * time, whose readings include the numerator and that makes the arithmetic come out ("đủ điều kiện … là 31 thủ tục, đã cung cấp 29 thủ
 * tục, đạt 93,55%") is the numerator.
 */
function numeratorOfRate(l: SentenceLayout, tokens: readonly NumberToken[], out: (ReadNumber | undefined)[], m: Model): void {
  const valueOf = (i: number) => valueAt(l.text, tokens[i]!);
  for (const r of m.ratios) {
    if (!r.rate || out.some((x) => x?.key === r.numerator)) continue;
    const b = out.findIndex((x) => x?.key === r.denominator);
    const p = out.findIndex((x) => x?.key === r.rate);
    if (b < 0 || p < 0) continue;
    const [base, pct] = [valueOf(b), valueOf(p)];
    if (!base || pct === null) continue;
    const x = tokens.findIndex((t, j) => {
      const read = out[j];
      // (One read as the base again, which the base already is, is left over for the numerator.)
      if (j === b || t.kind !== tokens[b]!.kind || !read || (read.key && read.key !== r.denominator) || read.blocked || !read.candidates?.includes(r.numerator)) return false;
      const n = valueOf(j);
      return n !== null && Math.abs((100 * n) / base - pct) < 0.05;
    });
    if (x < 0) continue;
    const why = out[p]!.why;
    out[x] = { ...out[x]!, key: r.numerator, ...(why ? { why: { ...why, rule: 'rate-of-fraction' as const } } : {}) };
  }
}

/** Families are compared by their score, but two families with the same numerator are one choice. */
/**
 * The most specific key the wording states: a sub-row that fits at least as well as its parent, with
 * every word of the parent's fit and more ("02 nhiệm vụ hoàn thành chậm" after "nhiệm vụ huyện giao"),
 * takes the figure when it is clearly ahead of every other indicator.
 */
function decideSpecific(fits: readonly Fit[], m: Model): { best?: Fit; runnerUp?: Fit } {
  const d = decide(fits);
  if (d.best || !d.runnerUp) return d;
  const sorted = [...fits].sort((a, b) => b.score - a.score);
  const [first, second] = sorted;
  if (!first || !second || first.score < FIT.minimum) return d;
  const [child, parent] = m.byKey.get(first.key)?.indicator.parent === second.key ? [first, second] : [undefined, undefined];
  if (!child || !parent || !parent.words.every((w) => child.words.includes(w)) || child.words.length <= parent.words.length) return d;
  const rest = decide([child, ...sorted.slice(2)]);
  return rest.best ? { best: child, runnerUp: parent } : d;
}

function decideDistinct(fits: readonly (Fit & { ratio: number })[]): { best?: Fit; runnerUp?: Fit } {
  const seen = new Set<string>();
  const unique = [...fits].sort((a, b) => b.score - a.score).filter((f) => (seen.has(f.key) ? false : (seen.add(f.key), true)));
  return decide(unique);
}

function whyOf(rule: Why['rule'], best: Fit, runnerUp: Fit | undefined, ctx: FigureContext): Why {
  const words = ctx.evidence.filter((e) => best.words.includes(e.concept)).map((e) => `${e.text} (${e.concept})`);
  return {
    rule,
    score: round(best.score),
    margin: runnerUp ? round(best.score - runnerUp.score) : null,
    ...(runnerUp ? { runnerUp: runnerUp.key } : {}),
    words: [...new Set(words)],
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

function sectionOf(headings: readonly string[], lexicon: Lexicon): string | undefined {
  for (const h of [...headings].reverse()) {
    const s = lexicon.headingSection(h);
    if (s) return s;
  }
  return undefined;
}

function clauseRange(l: SentenceLayout, at: number): [number, number] {
  const start = l.cuts.filter((c) => c.kind === 'clause' && c.end <= at).at(-1)?.end ?? 0;
  const end = l.cuts.find((c) => c.kind === 'clause' && c.at >= at)?.at ?? l.text.length;
  return [start, end];
}

/**
 * A zero or a yes/no written in words: "không có hồ sơ quá hạn" (0), "không phát sinh PAKN" (0),
 * "chưa tổ chức đối thoại" (no). The phrase runs from the negation to the next boundary; it must
 * hold no number, and its words must fit one indicator by the same rules as a number's.
 */
function phrases(l: SentenceLayout, section: string | undefined, heading: readonly Mention[], m: Model): ReadNumber[] {
  const out: ReadNumber[] = [];
  for (const p of m.lexicon.polarity(l.text)) {
    if (l.tokens.some((t) => t.start <= p.start && p.start < t.end)) continue;
    const next = l.cuts.find((c) => c.at >= p.end && c.kind !== 'word');
    const end = Math.min(next?.at ?? l.text.length, l.tokens.find((t) => t.start >= p.end)?.start ?? l.text.length);
    if (l.tokens.some((t) => t.start >= p.start && t.end <= end)) continue;
    let own = l.mentions.filter((x) => x.start >= p.end && x.end <= end);
    let phraseEnd = own.at(-1)?.end ?? p.end;
    // "Số hợp đồng lao động: không có": the label before the colon says what is none.
    const before = l.cuts.filter((c) => c.end <= p.start).at(-1);
    if (!own.some((x) => x.facet === 'noun') && before?.kind === 'colon' && l.text.slice(before.end, p.start).trim() === '') {
      const further = l.cuts.filter((c) => c.end <= before.at && c.kind !== 'comma').at(-1)?.end ?? 0;
      own = l.mentions.filter((x) => x.start >= further && x.end <= before.at);
      phraseEnd = p.end;
    }
    // A zero counts something: "chưa hoàn thành" alone is a state, not a count.
    if (!own.some((x) => x.facet === 'noun')) continue;
    // "rà soát 03 VBQPPL, không phát hiện văn bản cần xử lý": the measure word restates the kind printed before it.
    own = own.map((x) => {
      const kinds = m.lexicon.file.restated[x.concept] ?? [];
      const said = l.mentions.filter((y) => y.end <= p.start && kinds.includes(y.concept)).at(-1);
      return said ? { ...x, concept: said.concept } : x;
    });
    // The phrase is read like a number's own words; the clause and heading add their weight.
    const weights = new Map<string, number>();
    const evidence: { text: string; concept: string; weight: number }[] = [];
    const blocks = new Set<string>();
    for (const x of own) {
      if (x.block) blocks.add(x.concept);
      if ((weights.get(x.concept) ?? 0) < WEIGHTS.own) {
        weights.set(x.concept, WEIGHTS.own);
        evidence.push({ text: x.text, concept: x.concept, weight: WEIGHTS.own });
      }
    }
    const strong = new Set(weights.keys());
    for (const f of m.lexicon.file.follows) {
      const before = l.mentions.find((x) => x.concept === f.concept && x.end <= p.start);
      if (before && !weights.has(f.gives)) weights.set(f.gives, WEIGHTS.clause);
    }
    const facets = new Set(own.map((x) => x.facet));
    const lent = new Set(m.lexicon.file.sentence_facets);
    for (const x of heading) if (lent.has(x.facet) && !facets.has(x.facet) && !weights.has(x.concept)) weights.set(x.concept, WEIGHTS.heading);
    const ctx: FigureContext = { weights, strong, blocks, evidence };
    const fits = candidatesFor(p.negative ? m.zeroCandidates : m.candidatesOf.get('boolean')!, ctx)
      .map((d) => fitOf(d, ctx, m.lexicon, section))
      .filter((f): f is Fit => !!f);
    const { best, runnerUp } = decide(fits);
    if (!best) continue;
    const type = m.byKey.get(best.key)!.indicator.type;
    out.push({
      start: p.start,
      end: Math.max(phraseEnd, p.end),
      kind: 'phrase',
      key: best.key,
      value: type === 'boolean' ? !p.negative : 0,
      why: whyOf('words', best, runnerUp, ctx),
    });
  }
  return out;
}

export type { NumberToken };
