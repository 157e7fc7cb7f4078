import { clean, matchesOf } from '../../text/index.js';
import { foldWords } from './search-form.js';

/** A page of text as the PDF reader hands it over, lines separated by newlines. */
export interface PageText {
  readonly page: number;
  readonly text: string;
}

/** A sentence of the narrative, NFC, without its list or heading marker. */
export interface Sentence {
  readonly text: string;
  /** Where each page's part of the sentence starts: a sentence can run over a page break. */
  readonly pages: readonly { readonly offset: number; readonly page: number }[];
  /** The headings the sentence stands under, outermost first ("II. KẾT QUẢ…", "2. Cải cách thủ tục hành chính"). */
  readonly headings?: readonly string[];
}

export interface SplitOptions {
  /** Folded lines that end the narrative (the appendix heading, "Nơi nhận"); only lines starting with a capital count. */
  readonly end: readonly RegExp[];
}

// A list bullet or a heading number at the start of a paragraph: "- ", "+) ", "+ ", "1. ", "II. ", "a) ", "1.2 ".
// Word's symbol-font bullets reach the text layer as private-use characters (U+F0B7 …).
const MARKER = /^(?:(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]|\d{1,2}(?:\.\d{1,2})+(?=\s)|[-–—+•*▪●○■□➢►>\uF000-\uF0FF]+\)?)\s+/u;
// A line that is only a page number ("2", "- 2 -", "Trang 2").
const PAGE_NUMBER = /^(?:[-–\s]*\d{1,3}[-–\s]*|(?:trang|page)\s*\d{1,3}(?:\s*\/\s*\d{1,3})?)$/iu;
// Words whose final dot does not end a sentence.
const ABBREVIATIONS = new Set(['tp', 'tx', 'tt', 'ths', 'ts', 'pgs', 'gs', 'bs', 'ks', 'v.v', 'vv', 'st', 'đ/c', 'p']);

interface Line {
  readonly page: number;
  readonly text: string;
}

// A heading: a Roman or Arabic number ("II.", "II.2.", "2.", "1.1"), then a title starting with a capital.
const HEADING = /^((?:[IVX]{1,4}|\d{1,2})(?:\.\d{1,2})*)\.?\s+(\p{Lu}.*)$/u;

/**
 * The heading level of a line, or 0 when the line is text. A numbered line is a heading when it is
 * written in capitals, or is short and does not end like a sentence ("1. Cải cách thể chế:" is one;
 * "1. UBND xã phối hợp … địa phương." is a list item).
 */
export function headingLevel(line: string): number {
  const m = HEADING.exec(line);
  if (!m) return 0;
  const title = m[2]!;
  const capitals = title === title.toUpperCase() && /\p{Lu}{3}/u.test(title);
  const short = title.split(/\s+/).length <= 16 && !/[.;,]$/.test(title) && !/\d/.test(title);
  if (!capitals && !short) return 0;
  const parts = m[1]!.split('.');
  return (/^[IVX]/.test(parts[0]!) ? 1 : 2) + parts.length - 1;
}

/** Splits page texts into sentences, stopping where the narrative ends. */
export function splitSentences(pages: readonly PageText[], options: SplitOptions): Sentence[] {
  const blocks = paragraphs(lines(pages, options));
  const stack: { level: number; text: string }[] = [];
  return blocks.flatMap((block) => {
    const first = block.parts[0];
    const level = block.parts.length === 1 && first ? headingLevel(first.text) : 0;
    if (level) {
      while (stack.length && stack.at(-1)!.level >= level) stack.pop();
      stack.push({ level, text: first!.text });
      // A heading's number is its place in the outline, not a figure.
      return [];
    }
    const headings = stack.map((h) => h.text);
    return sentencesOf(block).map((s) => (headings.length ? { ...s, headings } : s));
  });
}

function lines(pages: readonly PageText[], options: SplitOptions): (Line | null)[] {
  const out: (Line | null)[] = [];
  for (const { page, text } of pages) {
    const cleaned = text.split(/\r\n|\r|\n/).map((raw) => stripEmphasis(clean(raw)));
    // Page numbers sit above or below the text; a number alone inside the page is text.
    const first = cleaned.findIndex((t) => t !== '');
    const last = cleaned.findLastIndex((t) => t !== '');
    for (const [i, t] of cleaned.entries()) {
      if (t === '') {
        out.push(null);
        continue;
      }
      // A heading starts with a capital: a wrapped line that happens to begin "biểu thống kê…" is not one.
      if (/^\p{Lu}/u.test(t)) {
        const folded = foldWords(t);
        if (options.end.some((re) => re.test(folded))) return out;
      }
      if ((i === first || i === last) && PAGE_NUMBER.test(t)) continue;
      out.push({ page, text: t });
    }
  }
  return out;
}

/** Markdown-style emphasis left by text conversions ("**196 hồ sơ**") is not printed text. */
function stripEmphasis(s: string): string {
  return s.replace(/(\*\*?)(?=\S)(.+?)(?<=\S)\1/g, '$2').replace(/\*\*/g, '');
}

/** A paragraph: its lines, the list or heading marker already cut off. */
interface Block {
  parts: Line[];
}

/**
 * Joins wrapped lines into paragraphs. A PDF breaks lines anywhere, and a page break can fall inside a
 * sentence, so a line break ends a paragraph only when the next line starts a list item or heading,
 * or the previous line ends a sentence, or a blank line is followed by a line that does not read as
 * a continuation (lower case).
 */
function paragraphs(input: readonly (Line | null)[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  let blank = false;
  for (const line of input) {
    if (!line) {
      blank = true;
      continue;
    }
    const heading = headingLevel(line.text) > 0;
    const marker = heading ? '' : (MARKER.exec(line.text)?.[0] ?? '');
    const prev = current?.parts.at(-1)?.text ?? '';
    const afterHeading = current?.parts.length === 1 && headingLevel(prev) > 0;
    const continues = /^[\p{Ll}\d(]/u.test(line.text);
    const startsNew =
      !current ||
      heading ||
      afterHeading ||
      marker !== '' ||
      /[.!?…]["”’)\]]*$/u.test(prev) ||
      (/[:;]$/.test(prev) && !continues) ||
      (blank && !/^\p{Ll}/u.test(line.text));
    blank = false;
    if (startsNew) {
      current = { parts: [{ page: line.page, text: line.text.slice(marker.length) }] };
      blocks.push(current);
    } else {
      current!.parts.push(line);
    }
  }
  return blocks;
}

// A sentence ends where a stop (and a closing quote or bracket) is followed by a capital or a digit.
const SENTENCE_END = /[.!?…]+["”’)\]]*\s+(?=["“(]?[\p{Lu}\d])/gu;

function sentencesOf(block: Block): Sentence[] {
  let text = '';
  const pages: { offset: number; page: number }[] = [];
  for (const part of block.parts) {
    if (text) text += ' ';
    if (pages.at(-1)?.page !== part.page) pages.push({ offset: text.length, page: part.page });
    text += part.text;
  }
  const out: Sentence[] = [];
  let start = 0;
  for (const m of matchesOf(SENTENCE_END, text)) {
    const before = /(\S+)[.!?…]+["”’)\]]*\s+$/u.exec(text.slice(start, m.index + m[0].length))?.[1] ?? '';
    if (ABBREVIATIONS.has(before.toLowerCase()) || /^\p{Lu}$/u.test(before)) continue;
    const end = m.index + m[0].length;
    pushSentence(out, text, start, end, pages);
    start = end;
  }
  pushSentence(out, text, start, text.length, pages);
  return out;
}

function pushSentence(out: Sentence[], text: string, start: number, end: number, pages: readonly { offset: number; page: number }[]) {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const s = raw.trim();
  if (!s) return;
  const from = start + lead;
  const own = pages.filter((p, i) => (pages[i + 1]?.offset ?? Infinity) > from && p.offset < from + s.length);
  out.push({ text: s, pages: own.map((p) => ({ offset: Math.max(0, p.offset - from), page: p.page })) });
}

/** The page on which the sentence's character at `offset` was printed. */
export function pageAt(sentence: Sentence, offset: number): number {
  let page = sentence.pages[0]?.page ?? 1;
  for (const p of sentence.pages) if (p.offset <= offset) page = p.page;
  return page;
}
