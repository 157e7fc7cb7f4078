import type { IndicatorCatalogue } from '../../catalog/index.js';
import { valueWords } from '../../catalog/index.js';
import { foldAscii } from '../../text/index.js';
import { foldLetter } from './search-form.js';

/**
 * The answers of text indicators (`type: text` with `values` in catalog/indicators.yaml: "Hình thức
 * khảo sát" → Trực tuyến / Phát phiếu / Kết hợp), stated in words: "khảo sát … bằng hình thức phát
 * phiếu", "Vị trí việc làm của cán bộ, công chức: chưa phù hợp". An answer is read when every word of
 * the indicator's name (or of one of its aliases) is printed before it in the sentence, under a
 * heading of the indicator's section or of none known; the first answer named is the one stated
 * ("kết hợp (phát phiếu và trực tuyến)" → Kết hợp), and a no-word right before it negates it ("không
 * phù hợp" states none of the answers). `raw` is the answer as printed; normalise stores the catalogue's.
 */
export interface TextAnswer {
  readonly start: number;
  readonly end: number;
  readonly key: string;
  /** The catalogue's answer. */
  readonly value: string;
  /** The name's (or alias's) words that were printed before it, folded. */
  readonly words: readonly string[];
}

export function textAnswers(text: string, section: string | undefined, catalogue: IndicatorCatalogue): TextAnswer[] {
  const folded = foldPositions(text);
  if (!/[a-z0-9]/.test(folded)) return [];
  const out: TextAnswer[] = [];
  for (const ind of answerIndicators(catalogue)) {
    if (section && /^\d$/.test(section) && section !== ind.section) continue;
    let best: { start: number; end: number; value: string; named: string[] } | undefined;
    for (const [k, value] of ind.values.entries()) {
      const v = ind.foldedValues[k]!;
      for (let at = folded.indexOf(v); at >= 0; at = folded.indexOf(v, at + 1)) {
        const end = at + v.length;
        if (!isWordAt(folded, at, end)) continue;
        const before = folded.slice(0, at);
        const named = ind.wordings.find((w, j) => ind.wordTests[j]!.every((re) => re.test(before)));
        if (!named) continue;
        const previous = before.trim().split(/[^a-z0-9]+/).pop() ?? '';
        if (previous && valueWords().yesNo(previous) === false) continue;
        if (!best || at < best.start || (at === best.start && end > best.end)) best = { start: at, end, value, named };
        break;
      }
    }
    if (best) out.push({ start: best.start, end: best.end, key: ind.key, value: best.value, words: best.named });
  }
  return out;
}

interface AnswerIndicator {
  readonly key: string;
  readonly section: string;
  readonly values: readonly string[];
  /** Each value folded as the sentence is (ASCII words, single spaces). */
  readonly foldedValues: readonly string[];
  /** The name's and each alias's words, folded. */
  readonly wordings: readonly string[][];
  /** For each wording, a test per word: printed as a whole word. */
  readonly wordTests: readonly (readonly RegExp[])[];
}

const byCatalogue = new WeakMap<IndicatorCatalogue, AnswerIndicator[]>();

function answerIndicators(catalogue: IndicatorCatalogue): AnswerIndicator[] {
  let list = byCatalogue.get(catalogue);
  if (!list) {
    // Folded and compiled once per catalogue: every sentence is tried against every answer.
    list = catalogue.all
      .filter((i) => i.type === 'text' && i.values?.length)
      .map((i) => {
        const wordings = [i.name, ...i.aliases].map((w) => foldAscii(w).split(/[^a-z0-9]+/).filter(Boolean));
        return {
          key: i.key,
          section: i.section,
          values: i.values!,
          foldedValues: i.values!.map((v) => foldAscii(v).replace(/[^a-z0-9]+/g, ' ').trim()),
          wordings,
          wordTests: wordings.map((w) => w.map((x) => new RegExp(`(^|[^a-z0-9])${x}([^a-z0-9]|$)`))),
        };
      });
    byCatalogue.set(catalogue, list);
  }
  return list;
}

/** The text folded to ASCII lower case letter by letter (search-form.ts), so that an index in it is one in the text. */
function foldPositions(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // ASCII letters and digits fold to themselves, or to the lower-case letter: most of a sentence.
    if (code < 0x80 && ALNUM_ASCII[code]) {
      out += ALNUM_ASCII[code];
      continue;
    }
    const f = foldLetter(text[i]!);
    out += f.length === 1 ? f : ' ';
  }
  return out;
}

/** ASCII code → what foldLetter gives for a letter or digit, '' for anything else. */
const ALNUM_ASCII = Array.from({ length: 0x80 }, (_, code) => {
  const c = String.fromCharCode(code);
  return /[A-Za-z0-9]/.test(c) ? foldLetter(c) : '';
});

function isWordAt(folded: string, start: number, end: number): boolean {
  const edge = (c: string | undefined) => c === undefined || !/[a-z0-9]/.test(c);
  return edge(folded[start - 1]) && edge(folded[end]);
}
