import type { ExtractedFigure } from '../../model/index.js';
import { matchesOf } from '../../text/index.js';
import type { CompiledCatalog } from './catalog.js';
import { probeOf, type CompiledPattern } from './pattern.js';
import { readSentence } from './meaning.js';
import { moneyUnitAtEnd } from './money.js';
import { foldWords, originalIndex, originalSlice, searchForm, type SearchForm } from './search-form.js';
import { pageAt, type Sentence } from './sentences.js';

type Span = readonly [number, number];

interface Found {
  readonly at: number;
  readonly figure: ExtractedFigure;
}

const WORDS_AROUND = 4;
const WINDOW = 160;

/** The figures of one sentence: mapped by the catalogue first, then every other number, unmapped. */
export function figuresOf(sentence: Sentence, catalog: CompiledCatalog): ExtractedFigure[] {
  const form = searchForm(sentence.text);
  const claimed: Span[] = [];
  const found: Found[] = [];
  const headings = sentence.headings ?? [];
  const readings = readSentence(sentence.text, headings, catalog.skip);

  // Every pattern captures a number: a sentence without a digit has nothing for them.
  const digits = /\d/.test(form.text);
  for (const { entry, pattern } of digits ? catalog.candidates(probeOf(form.text)) : []) {
    for (const m of matchesOf(pattern.regex, form.text)) {
      const groups = m.indices?.groups ?? {};
      const start = shortestStart(pattern, form.text, m);
      // A match can end on the space a bracket or comma became: the label stops at the last word.
      const label = phrase(sentence.text, form, start, m.index + m[0].trimEnd().length);
      for (const capture of pattern.captures) {
        const span = groups[capture.group];
        const key = entry.figures[capture.name];
        if (!span || !key || overlaps(claimed, span)) continue;
        // A pattern is the first rule, but not against the meaning: a target, another body's figure,
        // a number the words around it give to another indicator stays with the mapper's reading.
        const reading = readings.find((r) => r.start === originalIndex(form, span[0]));
        const overruled =
          !!reading &&
          (!!reading.blocked ||
            (!!reading.open && !reading.open.includes(key)) ||
            !!reading.foreignNoun ||
            reading.partOf === key ||
            (reading.key ? reading.key !== key : !!reading.candidates?.length && !reading.candidates.includes(key)));
        if (overruled) continue;
        claimed.push(span);
        found.push({
          at: span[0],
          figure: {
            method: 'narrative',
            indicatorKey: key,
            raw: originalSlice(sentence.text, form, span[0], span[1]),
            rowLabel: label,
            ...unitOf(form.text.slice(span[0], span[1])),
            provenance: { page: pageAt(sentence, originalIndex(form, span[0])), quote: sentence.text },
            details: {
              pattern: entry.id,
              // The catalogue pattern decided; the mapper's reading of the same number, when it agrees, says with which words.
              why: {
                rule: 'pattern',
                pattern: entry.id,
                score: reading?.key === key ? (reading.why?.score ?? null) : null,
                words: reading?.key === key ? (reading.why?.words ?? []) : [],
              },
              span: [originalIndex(form, span[0]), originalIndex(form, span[1] - 1) + 1],
              ...sectionOf(sentence.headings ?? []),
            },
          },
        });
      }
    }
  }

  // Every other number (and every zero written in words) goes to the meaning-based mapper.
  const claimedOriginal = claimed.map(([a, b]): Span => [originalIndex(form, a), originalIndex(form, b - 1) + 1]);
  for (const r of readings) {
    const span: Span = [r.start, r.end];
    if (overlaps(claimedOriginal, span)) continue;
    const raw = sentence.text.slice(r.start, r.end);
    found.push({
      at: searchIndex(form, r.start),
      figure: {
        method: 'narrative',
        ...(r.key ? { indicatorKey: r.key } : {}),
        raw,
        rowLabel: r.kind === 'phrase' ? raw : wordsAround(sentence.text, form, [searchIndex(form, r.start), searchIndex(form, r.end - 1) + 1]),
        ...(r.kind === 'phrase' ? {} : unitOf(foldWords(raw))),
        ...(typeof r.value === 'number' ? { number: r.value } : {}),
        provenance: { page: pageAt(sentence, r.start), quote: sentence.text },
        ...(r.key ? { details: { span, why: r.why, ...sectionOf(headings) } } : {}),
      },
    });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.figure);
}

/**
 * Where the phrase that names the figures starts. A pattern opening with context and a gap
 * ("thu ngan sach ... {pct}") matches from the context's first occurrence; the label reads better from
 * the last occurrence that still yields the same figures.
 */
function shortestStart(pattern: CompiledPattern, text: string, m: RegExpExecArray): number {
  const spans = pattern.captures.map((c) => m.indices?.groups?.[c.group]?.join(',') ?? '');
  const firstFigure = Math.min(...pattern.captures.map((c) => m.indices?.groups?.[c.group]?.[0] ?? Infinity));
  let best = m.index;
  for (let p = text.indexOf(' ', m.index) + 1; p > 0 && p <= firstFigure; p = text.indexOf(' ', p) + 1) {
    pattern.sticky.lastIndex = p;
    const again = pattern.sticky.exec(text);
    if (!again || again.index + again[0].length !== m.index + m[0].length) continue;
    if (pattern.captures.every((c, i) => (again.indices?.groups?.[c.group]?.join(',') ?? '') === spans[i])) best = p;
  }
  return best;
}

/** The innermost heading the sentence stands under, for the record. */
function sectionOf(headings: readonly string[]): { section?: string } {
  const h = headings.at(-1);
  return h ? { section: h } : {};
}

/** The search-form index of the sentence's character `at` (the first form character made from it or after it). */
function searchIndex(form: SearchForm, at: number): number {
  const i = form.origin.findIndex((o) => o >= at);
  return i < 0 ? form.text.length : i;
}

function overlaps(spans: readonly Span[], [s, e]: Span): boolean {
  return spans.some(([a, b]) => s < b && a < e);
}

/** The unit printed with the number, when it is part of the raw text: a percent sign or a money unit. */
function unitOf(folded: string): { unit?: string } {
  if (folded.includes('%')) return { unit: '%' };
  const money = moneyUnitAtEnd(folded);
  return money ? { unit: money } : {};
}

/** A few words either side of an unmapped number: enough to tell what it counts. */
function wordsAround(sentence: string, form: SearchForm, [s, e]: Span): string {
  const from = originalIndex(form, s);
  const to = originalIndex(form, e - 1) + 1;
  // A window, not the whole sentence: a long paragraph holds many numbers.
  const left = sentence.slice(Math.max(0, from - WINDOW), from);
  const right = sentence.slice(to, to + WINDOW);
  const head = /\S*$/.exec(left)?.[0] ?? '';
  const tail = /^\S*/.exec(right)?.[0] ?? '';
  const before = left.slice(0, left.length - head.length).split(/\s+/).filter(Boolean).slice(-WORDS_AROUND);
  const after = right.slice(tail.length).split(/\s+/).filter(Boolean).slice(0, WORDS_AROUND);
  return trimPunctuation([...before, head + sentence.slice(from, to) + tail, ...after].join(' '));
}

/** The sentence's text behind a match, with a bracket it opened closed ("(đạt 31,12%)"). */
function phrase(sentence: string, form: SearchForm, start: number, end: number): string {
  let text = originalSlice(sentence, form, start, end);
  const closing = /^\s?\)/.exec(sentence.slice(originalIndex(form, end - 1) + 1));
  if (closing && count(text, '(') > count(text, ')')) text += ')';
  return trimPunctuation(text);
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

function trimPunctuation(s: string): string {
  return s.replace(/^[\s,.;:()"“”]+|[\s,.;:("“”]+$/gu, '');
}
