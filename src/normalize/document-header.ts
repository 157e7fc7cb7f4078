import { basename } from 'node:path';
import { z } from 'zod';
import { loadCatalog } from '../catalog/index.js';
import { type CommuneClues, type Period, PeriodKind, type StatedWindow } from '../model/index.js';
import { clean, foldAscii, foldCleanAscii, matchesOf } from '../text/index.js';
import { unitTypes } from './commune/units.js';
import { makePeriod } from './period.js';

const HeaderCatalog = z.strictObject({
  commune: z.array(z.string()),
  district: z.array(z.string()),
  province: z.array(z.string()),
  place_date: z.string(),
  report_number: z.string(),
  report_date: z.string(),
  attached_to: z.string(),
  web_address: z.string(),
  title_line: z.string(),
  title: z.string(),
  appendix_title: z.string(),
  export_title: z.string(),
  periods: z.array(
    z.strictObject({
      kind: PeriodKind,
      number: z.number().int().optional(),
      pattern: z.string(),
    }),
  ),
  year: z.array(z.string()).min(1),
  dates: z.array(z.string()),
  citation: z.strictObject({ line: z.string(), dates: z.array(z.string()) }),
  // Every window phrase captures at least its end: day, month, year as named groups ed, em, ey.
  windows: z.array(z.string().refine((s) => ['(?<ed>', '(?<em>', '(?<ey>'].every((g) => s.includes(g)), 'a window pattern needs the groups ed, em and ey')).min(1),
  estimate: z.string(),
});
type HeaderCatalog = z.infer<typeof HeaderCatalog>;

interface CompiledHeader {
  readonly commune: RegExp[];
  readonly district: RegExp[];
  readonly province: RegExp[];
  readonly placeDate: RegExp;
  readonly reportNumber: RegExp;
  readonly reportDate: RegExp;
  readonly attachedTo: RegExp;
  readonly webAddress: RegExp;
  readonly titleLine: RegExp;
  readonly title: RegExp;
  readonly appendixTitle: RegExp;
  readonly exportTitle: RegExp;
  readonly periods: { kind: PeriodKind; number?: number; re: RegExp }[];
  readonly year: RegExp[];
  readonly dates: RegExp[];
  readonly citation: { readonly line: RegExp; readonly dates: RegExp[] };
  readonly windows: RegExp[];
  readonly estimate: RegExp;
}

let compiled: CompiledHeader | undefined;
function catalogue(): CompiledHeader {
  if (compiled) return compiled;
  const c: HeaderCatalog = loadCatalog('document-header.yaml', HeaderCatalog);
  const re = (s: string, flags = 'u') => new RegExp(withUnitTypes(s), flags);
  compiled = {
    commune: c.commune.map((s) => re(s, 'gmu')),
    district: c.district.map((s) => re(s, 'gmu')),
    province: c.province.map((s) => re(s, 'gmu')),
    placeDate: re(c.place_date, 'mu'),
    reportNumber: re(c.report_number, 'mu'),
    reportDate: re(c.report_date, 'u'),
    attachedTo: re(c.attached_to, 'u'),
    webAddress: re(c.web_address, 'giu'),
    titleLine: re(c.title_line),
    title: re(c.title),
    appendixTitle: re(c.appendix_title),
    exportTitle: re(c.export_title),
    periods: c.periods.map((p) => ({ kind: p.kind, ...(p.number ? { number: p.number } : {}), re: re(p.pattern) })),
    year: c.year.map((s) => re(s)),
    dates: c.dates.map((s) => re(s, 'gu')),
    citation: { line: re(c.citation.line), dates: c.citation.dates.map((s) => re(s, 'gu')) },
    windows: c.windows.map((s) => re(s)),
    estimate: re(c.estimate),
  };
  return compiled;
}

export interface DocumentHeader {
  readonly title?: string;
  readonly commune: CommuneClues;
  readonly period?: Period;
  readonly window?: StatedWindow;
}

/**
 * Reads who reports and for which period from a document's text lines (title rows of a workbook,
 * the first page and closing of a PDF), falling back to the file name. Pure: no I/O.
 *
 * @param lines  text lines in reading order (the title zone first is best; the whole text works)
 * @param path   the file's path, used as the last resort for the period and as a commune hint
 */
export function readDocumentHeader(lines: readonly string[], path: string): DocumentHeader {
  const c = catalogue();
  // Table cells arrive tab-separated; a cell boundary ends a name ("UBND huyện | Nhiệm vụ").
  const text = lines.flatMap((l) => l.split('\t')).map(clean).filter(Boolean);
  const all = text.join('\n');

  const communeHit = mostFrequent(all, c.commune, 2);
  const commune: CommuneClues = {
    ...(communeHit ? { name: titleCase(communeHit.value), unitType: communeHit.prefix?.toLowerCase() } : {}),
    ...optional('district', titleCaseOpt(mostFrequent(all, c.district, 1)?.value)),
    ...optional('province', titleCaseOpt(mostFrequent(all, c.province, 1)?.value)),
    hints: collectHints(all, c, path),
    ...reportReferences(all, c),
  };

  const title = text.find((l) => c.title.test(l) && l.length < 200);
  // Each line folded once: the period's title lines and the window's quote are looked for in the same lines.
  const lined = text.map((line) => ({ line, folded: foldCleanAscii(line) }));
  const period = periodOf(lined, c, path);
  const window = findWindow(lined, c);

  return {
    ...(title ? { title: titleWithSubtitle(text, title) } : {}),
    commune,
    ...(period ? { period } : {}),
    ...(window ? { window } : {}),
  };
}

/**
 * The reporting period a document's lines name (title, appendix title, a form's "Kỳ báo cáo" line),
 * else its file name's ("phu-luc-2022-q4.xlsx"). Patterns: `catalog/document-header.yaml`.
 */
export function readPeriod(lines: readonly string[], path?: string): Period | undefined {
  return periodOf(cleanLines(lines), catalogue(), path);
}

/** A text line, `clean`, with its `foldAscii` form: header lines are matched folded, quoted as printed. */
interface Line {
  readonly line: string;
  readonly folded: string;
}

/** Lines as the readers take them: `clean` (which `clean` again leaves as they are), with their folded form. */
function cleanLines(lines: readonly string[]): Line[] {
  return lines.map((l) => {
    const line = clean(l);
    return { line, folded: foldCleanAscii(line) };
  });
}

/** The period of the first title line (`titleLine` of the catalogue, or `exportTitle`) that names one, else the file name's. */
function periodOf(lines: readonly Line[], c: CompiledHeader, path: string | undefined, title = c.titleLine): Period | undefined {
  const titleLines = lines.filter((l) => title.test(l.folded)).map((l) => l.folded);
  return findPeriod(titleLines, c) ?? (path ? findPeriod([foldAscii(basename(path))], c, true) : undefined);
}

/**
 * The period a one-stop dossier list names: on its title lines ("Danh sách hồ sơ tiếp nhận 6 tháng
 * đầu năm 2024", the `export_title` phrases), else in its file name ("…-2024-h1-mot-cua.csv").
 */
export function readExportPeriod(lines: readonly string[], path?: string): Period | undefined {
  const c = catalogue();
  return periodOf(cleanLines(lines), c, path, c.exportTitle);
}

/**
 * The data window the lines state ("số liệu tính từ ngày 01/12/2023 ước thực hiện đến ngày 20/11/2024",
 * "Từ ngày 01/01/2025 đến hết ngày 31/3/2025", "tính đến ngày 14/6/2025"), and whether the figures
 * are partly estimated. Phrases: `windows` of `catalog/document-header.yaml`.
 */
export function readWindow(lines: readonly string[]): StatedWindow | undefined {
  return findWindow(cleanLines(lines).filter((l) => l.line), catalogue());
}

/** An appendix title line: "Phụ lục II", "PHỤ LỤC", "Phụ lục số 02". */
export function isAppendixTitle(line: string): boolean {
  return catalogue().appendixTitle.test(foldAscii(line));
}

/** A one-stop dossier list's title line: "DANH SÁCH HỒ SƠ TIẾP NHẬN". */
export function isExportTitle(line: string): boolean {
  return catalogue().exportTitle.test(foldAscii(line));
}

/** The first period named by one of the lines, each given in its `foldAscii` form (or the folded file name). */
function findPeriod(folded: readonly string[], c: CompiledHeader, isFileName = false): Period | undefined {
  for (const line of folded) {
    const f = withoutDates(isFileName ? line.replace(/[_\-.]+/g, ' ') : line, c);
    const year = firstGroup(c.year, f);
    if (!year) continue;
    for (const p of c.periods) {
      const m = p.re.exec(f);
      if (!m) continue;
      const number = p.number ?? (m[1] ? romanOrNumber(m[1]) : undefined);
      return makePeriod(p.kind, Number(year), number ?? null);
    }
  }
  return undefined;
}

/** The line without its dates (and, on a line citing another document, its month-year dates). */
function withoutDates(folded: string, c: CompiledHeader): string {
  const patterns = c.citation.line.test(folded) ? [...c.dates, ...c.citation.dates] : c.dates;
  return patterns.reduce((text, re) => text.replace(re, ' '), folded).replace(/ {2,}/g, ' ');
}

function firstGroup(patterns: readonly RegExp[], text: string): string | undefined {
  for (const re of patterns) {
    const m = re.exec(text);
    if (m?.[1]) return m[1];
  }
  return undefined;
}

function findWindow(lines: readonly Line[], c: CompiledHeader): StatedWindow | undefined {
  // The lines' folded forms joined are the joined text folded: a line break folds to a space, as a
  // line's ends do, and no letter's case or marks depend on the line beside it (test/text/fold.test.ts).
  const folded = lines.flatMap((l) => (l.folded ? [l.folded] : [])).join(' ');
  const estimate = c.estimate.test(folded);
  for (const re of c.windows) {
    const g = re.exec(folded)?.groups;
    if (!g?.ed || !g.em || !g.ey) continue;
    const end = isoDate(g.ed, g.em, g.ey);
    const start = g.sd && g.sm && g.sy ? isoDate(g.sd, g.sm, g.sy) : undefined;
    if (!end || (g.sd && !start) || (start && start > end)) continue;
    const quote = quoteOf(lines, re);
    return { ...(start ? { start } : {}), end, estimate, ...(quote ? { quote } : {}) };
  }
  return estimate ? { estimate } : undefined;
}

/** "1", "12", "2023" → "2023-12-01"; undefined for a day that does not exist (31/02). */
function isoDate(d: string, m: string, y: string): string | undefined {
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const t = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/** The phrase as printed: the parenthesised part of the line that states the window, or the line. */
function quoteOf(lines: readonly Line[], re: RegExp): string | undefined {
  const line = lines.find((l) => re.test(l.folded))?.line;
  if (!line) return undefined;
  const inner = [...line.matchAll(/\(([^()]*)\)/g)].map((m) => m[1]!.trim()).find((p) => re.test(foldAscii(p)));
  return inner ?? line;
}

/** The commonest match of any pattern; a report names its own unit far more often than any other. */
function mostFrequent(all: string, patterns: readonly RegExp[], group: 1 | 2): { value: string; prefix?: string } | undefined {
  const counts = new Map<string, { n: number; prefix?: string; first: number }>();
  const names = new Map<string, string>();
  for (const re of patterns) {
    for (const m of matchesOf(re, all)) {
      const value = clean(m[group] ?? '');
      if (!value) continue;
      const key = foldAscii(value);
      const prev = counts.get(key);
      if (prev) prev.n++;
      else counts.set(key, { n: 1, first: m.index ?? 0, ...(group === 2 && m[1] ? { prefix: m[1] } : {}) });
      if (!prev) names.set(key, value);
    }
    if (counts.size) break; // the first (most specific) pattern that matches wins
  }
  let best: [string, { n: number; prefix?: string; first: number }] | undefined;
  for (const entry of counts) {
    if (!best || entry[1].n > best[1].n || (entry[1].n === best[1].n && entry[1].first < best[1].first)) best = entry;
  }
  if (!best) return undefined;
  return { value: names.get(best[0]) ?? best[0], ...(best[1].prefix ? { prefix: best[1].prefix } : {}) };
}
function collectHints(all: string, c: CompiledHeader, path: string): string[] {
  const hints = new Set<string>();
  const place = c.placeDate.exec(all);
  if (place?.[1]) hints.add(clean(place[1]));
  for (const m of matchesOf(c.webAddress, all)) if (m[1]) hints.add(m[1].toLowerCase());
  hints.add(path);
  return [...hints];
}

/** How far (characters) from the report number its date line may be printed. */
const DATE_NEAR_NUMBER = 300;

/** The report's own number and date, and the report an appendix says it is attached to. */
function reportReferences(all: string, c: CompiledHeader): Pick<CommuneClues, 'report' | 'attachedTo'> {
  const number = (s: string) => s.replace(/\s+/g, '').toUpperCase();
  const own = c.reportNumber.exec(all);
  // The date is the place-date line printed beside the number, not a date quoted in the text.
  const date = own ? c.reportDate.exec(all.slice(Math.max(0, own.index - DATE_NEAR_NUMBER), own.index + own[0].length + DATE_NEAR_NUMBER)) : null;
  const attached = c.attachedTo.exec(all);
  const attachedParts = attached && (attached[2] ? [attached[2], attached[3], attached[4]] : attached[5] ? [attached[5], attached[6], attached[7]] : undefined);
  const ownDate = date ? isoDate(date[1]!, date[2]!, date[3]!) : undefined;
  const attachedDate = attachedParts ? isoDate(attachedParts[0]!, attachedParts[1]!, attachedParts[2]!) : undefined;
  return {
    ...(own?.[1] ? { report: { number: number(own[1]), ...(ownDate ? { date: ownDate } : {}) } } : {}),
    ...(attached?.[1] ? { attachedTo: { number: number(attached[1]), ...(attachedDate ? { date: attachedDate } : {}) } } : {}),
  };
}

/**
 * Expands `{commune_types}` (every commune-level type word of catalog/units.yaml, in lower, title and
 * upper case) and `{commune_types_no_caps}` (without the upper case) in a header pattern.
 */
function withUnitTypes(pattern: string): string {
  if (!pattern.includes('{commune_types')) return pattern;
  const words = unitTypes().words('commune');
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const title = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const eachTitle = (w: string) => w.split(' ').map(title).join(' ');
  const variants = (caps: boolean) => [...new Set(words.flatMap((w) => [w, title(w), eachTitle(w), ...(caps ? [w.toUpperCase()] : [])]))].map(escape).join('|');
  return pattern.replaceAll('{commune_types_no_caps}', variants(false)).replaceAll('{commune_types}', variants(true));
}

function romanOrNumber(s: string): number | undefined {
  const roman: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
  const t = s.toLowerCase();
  return roman[t] ?? (Number.isInteger(Number(t)) ? Number(t) : undefined);
}

function titleCaseOpt(name: string | undefined): string | undefined {
  return name === undefined ? undefined : titleCase(name);
}

/** "BẢN THI" → "Bản Thi"; a name already in title case is kept. */
function titleCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .split(' ')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** "BÁO CÁO" on its own line is followed by the subject line in real reports. */
function titleWithSubtitle(lines: readonly string[], title: string): string {
  const i = lines.indexOf(title);
  const next = lines[i + 1];
  if (title.length < 20 && next && next.length < 200) return `${title} ${next}`;
  return title;
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}
