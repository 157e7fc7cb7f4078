import { posix } from 'node:path';
import { z } from 'zod';
import { ReportReference, pushTo } from '../../model/index.js';
import { foldAscii } from '../../text/index.js';

const Era = z.enum(['pre2025', 'post2025']);
const UnitRef = z.object({ code: z.string(), era: Era });
export type UnitRef = z.infer<typeof UnitRef>;

/** What bundling needs to know of a loaded document: plain data, read from the `documents` table. */
export const BundleDocument = z.object({
  sha256: z.string(),
  path: z.string(),
  /** 'report' (narrative report or appendix workbook) or 'onestop' (dossier export, summary form). */
  kind: z.string(),
  periodKey: z.string().nullable(),
  /** The commune when resolved. */
  commune: UnitRef.nullable(),
  /** The name the document printed (or its path spelled), resolved or not. */
  communeName: z.string().nullable(),
  /** The units it could be, when unresolved. */
  candidates: z.array(UnitRef),
  report: ReportReference.nullable(),
  attachedTo: ReportReference.nullable(),
});
export type BundleDocument = z.infer<typeof BundleDocument>;

export interface BundleLink {
  /** The smaller sha256 of the pair. */
  readonly a: string;
  readonly b: string;
  readonly reason: string;
}

export interface Bundle {
  /** The smallest sha256 among the members: the same set of documents gives the same key. */
  readonly key: string;
  readonly members: readonly string[];
  readonly links: readonly BundleLink[];
  /** The commune the bundle resolves to, if one. */
  readonly commune: UnitRef | null;
}

/** A member that gains its commune from the bundle. */
export interface BundleAssignment {
  readonly sha256: string;
  readonly commune: UnitRef;
  readonly reason: string;
}

export interface BundlePlan {
  readonly bundles: readonly Bundle[];
  readonly assignments: readonly BundleAssignment[];
  /** Bundles that cannot give a commune, and documents that could not be linked, one line each. */
  readonly problems: readonly { readonly sha256: string; readonly message: string }[];
}

const id = (u: UnitRef) => `${u.era}:${u.code}`;
const folder = (p: string) => posix.dirname(p.replace(/\\/g, '/'));
const numberKey = (n: string) => foldAscii(n).replace(/\s+/g, '');

/**
 * Links the documents of one report and gives every member the commune one of them resolves.
 * Three kinds of evidence link two documents:
 *  1. an appendix that names its report ("Kèm theo Báo cáo số 45/BC-UBND ngày 18/11/2024") and the
 *     report that bears that number (and date, when both print one);
 *  2. two documents in one folder that name the same commune and period;
 *  3. a one-stop export, or a document that names no commune, in the folder of a report (or of
 *     one report's bundle: a folder holding reports of several communes links it to none; if those
 *     reports are all of one commune, it takes that commune without joining a bundle).
 * A bundle's commune is the one unit every member's clues allow: the resolved members' unit (they
 * must agree), or the only unit in every unresolved member's candidates. A member whose own clues
 * exclude it is not touched. Pure: the same documents give the same plan, whatever the order they
 * arrived in.
 */
export function planBundles(input: readonly BundleDocument[]): BundlePlan {
  const docs = [...input].sort((x, y) => (x.sha256 < y.sha256 ? -1 : x.sha256 > y.sha256 ? 1 : 0));
  const folders = new Map(docs.map((d) => [d, folder(d.path)]));
  const folderOf = (d: BundleDocument) => folders.get(d)!;
  const parent = new Map(docs.map((d) => [d.sha256, d.sha256]));
  const find = (s: string): string => {
    let r = s;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(s, r);
    return r;
  };
  const links = new Map<string, BundleLink>();
  const link = (x: BundleDocument, y: BundleDocument, reason: string) => {
    if (x.sha256 === y.sha256) return;
    const [a, b] = x.sha256 < y.sha256 ? [x.sha256, y.sha256] : [y.sha256, x.sha256];
    if (!links.has(`${a}|${b}`)) links.set(`${a}|${b}`, { a, b, reason });
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  const problems: { sha256: string; message: string }[] = [];
  const folderAssignments: BundleAssignment[] = [];

  // 1. An appendix and the report it names.
  for (const d of docs) {
    if (!d.attachedTo) continue;
    const ref = d.attachedTo;
    let reports = docs.filter(
      (r) => r !== d && r.report && numberKey(r.report.number) === numberKey(ref.number) && (!ref.date || !r.report.date || ref.date === r.report.date) && sameCommune(d, r) !== false,
    );
    if (reports.length > 1) reports = reports.filter((r) => folderOf(r) === folderOf(d));
    if (reports.length === 1) link(d, reports[0]!, `attached to report ${ref.number}${ref.date ? ` of ${ref.date}` : ''}`);
    else if (reports.length > 1) problems.push({ sha256: d.sha256, message: `names report ${ref.number} but ${reports.length} reports bear that number: not linked` });
  }
  // 2. One folder, one commune, one period: pairs are looked for within each folder and period only.
  const byFolderPeriod = new Map<string, BundleDocument[]>();
  for (const d of docs) if (d.periodKey) pushTo(byFolderPeriod, `${folderOf(d)}\u0000${d.periodKey}`, d);
  for (const group of byFolderPeriod.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const x = group[i]!;
        const y = group[j]!;
        if (sameCommune(x, y) === true) link(x, y, `same folder, commune and period (${x.periodKey})`);
      }
    }
  }
  // 3. A one-stop export, or a document that names no commune, in the folder of one report's bundle.
  for (const d of docs) {
    const nameless = !d.commune && !d.communeName;
    if (d.kind !== 'onestop' && !nameless) continue;
    const targets = docs.filter(
      (t) =>
        t !== d &&
        (t.commune || t.communeName) &&
        folderOf(t) === folderOf(d) &&
        (d.kind === 'onestop' ? t.kind === 'report' && periodsFit(d.periodKey, t.periodKey) : Boolean(d.periodKey) && t.periodKey === d.periodKey) &&
        sameCommune(d, t) !== false,
    );
    const bundles = new Set(targets.map((t) => find(t.sha256)));
    const what = d.kind === 'onestop' ? 'one-stop export' : 'document that names no commune';
    if (bundles.size === 1) for (const t of targets) link(d, t, `${what} in the folder of ${posix.basename(t.path)}`);
    else if (bundles.size > 1) {
      // Several reports of one commune (a year's quarterly reports beside the year's export): the
      // export belongs to none of them alone, but the folder still says whose it is.
      const one = oneCommune(targets);
      if (one && !d.commune && allows(d, one)) folderAssignments.push({ sha256: d.sha256, commune: one, reason: `commune from its folder: ${one.code} (${one.era}), the commune of all ${bundles.size} reports beside it` });
      else problems.push({ sha256: d.sha256, message: `${what} in a folder with documents of ${bundles.size} different reports: not linked to any` });
    }
  }

  const groups = new Map<string, BundleDocument[]>();
  for (const d of docs) pushTo(groups, find(d.sha256), d);
  const linksByRoot = new Map<string, BundleLink[]>();
  for (const l of links.values()) pushTo(linksByRoot, find(l.a), l);
  const bundles: Bundle[] = [];
  const assignments: BundleAssignment[] = [];
  for (const [key, members] of groups) {
    if (members.length < 2) continue;
    const bundleLinks = (linksByRoot.get(key) ?? []).sort((x, y) => (x.a + x.b < y.a + y.b ? -1 : 1));
    const decided = bundleCommune(members);
    if ('problem' in decided) problems.push({ sha256: key, message: decided.problem });
    const commune = 'unit' in decided ? decided.unit : null;
    bundles.push({ key, members: members.map((m) => m.sha256), links: bundleLinks, commune });
    if (!commune) continue;
    const source = members.find((m) => m.commune && id(m.commune) === id(commune));
    for (const m of members) {
      if (m.commune) continue;
      if (m.candidates.length && !m.candidates.some((c) => id(c) === id(commune))) {
        problems.push({ sha256: m.sha256, message: `its bundle resolves to ${commune.code}, which its own clues rule out: left unresolved` });
        continue;
      }
      assignments.push({
        sha256: m.sha256,
        commune,
        reason: source
          ? `commune from its bundle (${members.length} documents): ${commune.code} (${commune.era}) as resolved in ${source.path}`
          : `commune from its bundle (${members.length} documents): ${commune.code} (${commune.era}), the only unit every member's clues allow`,
      });
    }
  }
  // A folder's commune only for a document no bundle took in.
  const bundled = new Set(bundles.flatMap((b) => b.members));
  assignments.push(...folderAssignments.filter((a) => !bundled.has(a.sha256)));
  return { bundles, assignments, problems };
}

/** The document's own clues do not rule the unit out. */
const allows = (d: BundleDocument, u: UnitRef) => !d.candidates.length || d.candidates.some((c) => id(c) === id(u));

/** The one unit documents name: resolved ones agree, unresolved ones allow it. */
function oneCommune(docs: readonly BundleDocument[]): UnitRef | undefined {
  const resolved = new Map(docs.flatMap((d) => (d.commune ? [[id(d.commune), d.commune] as const] : [])));
  if (resolved.size !== 1) return undefined;
  const unit = [...resolved.values()][0]!;
  return docs.every((d) => d.commune || allows(d, unit)) ? unit : undefined;
}

/** True: the two name the same commune; false: they name different ones; undefined: cannot tell. */
function sameCommune(x: BundleDocument, y: BundleDocument): boolean | undefined {
  if (x.commune && y.commune) return id(x.commune) === id(y.commune);
  if (x.commune && !y.commune) return y.communeName ? allows(y, x.commune) && namesMatch(x, y) : undefined;
  if (y.commune && !x.commune) return x.communeName ? allows(x, y.commune) && namesMatch(x, y) : undefined;
  if (x.communeName && y.communeName) return foldAscii(x.communeName) === foldAscii(y.communeName) ? true : false;
  return undefined;
}

/** Printed names, when both documents print one, must agree ("Xã Yên Thịnh" and "Yên Thịnh" do). */
function namesMatch(x: BundleDocument, y: BundleDocument): boolean {
  if (!x.communeName || !y.communeName) return true;
  const a = foldAscii(x.communeName);
  const b = foldAscii(y.communeName);
  return a === b || a.endsWith(` ${b}`) || b.endsWith(` ${a}`);
}

/** A one-stop export of a year fits the year's report and its halves and quarters; no period fits any. */
function periodsFit(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  return a === b || a.slice(0, 4) === b.slice(0, 4);
}

function bundleCommune(members: readonly BundleDocument[]): { unit: UnitRef } | { problem: string } | { none: true } {
  const resolved = new Map<string, UnitRef>();
  for (const m of members) if (m.commune) resolved.set(id(m.commune), m.commune);
  if (resolved.size > 1) return { problem: `documents of one bundle resolve to different communes (${[...resolved.keys()].sort().join(', ')}): none is given to the others` };
  if (resolved.size === 1) return { unit: [...resolved.values()][0]! };
  let common: Map<string, UnitRef> | undefined;
  for (const m of members) {
    if (!m.candidates.length) continue;
    const mine = new Map(m.candidates.map((c) => [id(c), c]));
    common = common ? new Map([...common].filter(([k]) => mine.has(k))) : mine;
  }
  if (common?.size === 1) return { unit: [...common.values()][0]! };
  return { none: true };
}
