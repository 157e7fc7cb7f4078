import { posix } from 'node:path';
import { type Bundle, type BundleDocument, type BundlePlan, type Era, communeRegistry, communeRows, planBundles } from '../normalize/index.js';
import type { TouchedKey } from '../reconcile/index.js';
import { type Warehouse, prepareOnce, writeCommunes } from '../warehouse/index.js';

/** The `documents` columns bundling reads. */
interface DocumentRow {
  sha256: string;
  path: string;
  kind: string;
  period_key: string | null;
  commune_code: string | null;
  commune_era: Era | null;
  commune_name: string | null;
  commune_candidates: string | null;
  report_number: string | null;
  report_date: string | null;
  attached_number: string | null;
  attached_date: string | null;
  bundle_key: string | null;
}

/**
 * Links the documents of one report (`normalize/bundle`) among those just loaded and the ones they
 * may belong with: the documents of the same folders, those that bear or name the same report
 * numbers, and the members of the bundles these already belong to. Then writes what the plan says:
 * `documents.bundle_key`, the `document_links` (a bundle's links are rewritten whole, so the result
 * does not depend on the order documents arrived in), and, for a member that gains its commune from
 * its bundle, the code on the document and on its observations that had none, the communes rows, and
 * a warning line in `ingest_errors` saying where the code came from. Returns the commune-periods to
 * re-reconcile (the new code's and the unresolved name's).
 */
export async function linkBundles(wh: Warehouse, loaded: readonly { sha256: string; path: string }[], runId: string): Promise<TouchedKey[]> {
  if (loaded.length === 0) return [];
  const rows = relatedDocuments(wh, loaded.map((l) => l.sha256));
  const plan = planBundles(rows.map(describe));
  return applyPlan(wh, plan, rows, runId);
}

const COLUMNS = `sha256, path, kind, period_key, commune_code, commune_era, commune_name, commune_candidates,
  report_number, report_date, attached_number, attached_date, bundle_key`;

function relatedDocuments(wh: Warehouse, shas: readonly string[]): DocumentRow[] {
  const db = wh.sqlite;
  const byId = new Map<string, DocumentRow>();
  const add = (rs: DocumentRow[]) => rs.forEach((r) => byId.set(r.sha256, r));
  const one = db.prepare(`SELECT ${COLUMNS} FROM documents WHERE sha256 = ? AND status = 'loaded'`);
  const seeds = shas.flatMap((s) => (one.get(s) as DocumentRow | undefined) ?? []);
  add(seeds);
  // The paths that start with "<folder>/" are those from it up to (not including) "<folder>0", the
  // character after '/': a range the index on path answers, where substr() read every document.
  const inFolder = db.prepare(`SELECT ${COLUMNS} FROM documents WHERE status = 'loaded' AND path >= ? AND path < ?`);
  for (const f of new Set(seeds.map((s) => posix.dirname(s.path.replace(/\\/g, '/'))))) {
    add((inFolder.all(`${f}/`, `${f}0`) as DocumentRow[]).filter((r) => posix.dirname(r.path.replace(/\\/g, '/')) === f));
  }
  // A report number alone ("12/BC-UBND") is printed by every commune: only a document whose number's
  // date agrees (or is not printed) can be linked by it (normalize/bundle's rule), so only those are
  // read. Asked by number alone, every lookup read the country's documents with that number.
  const refs = new Map<string, { number: string; date: string | null }>();
  for (const s of seeds) {
    for (const [number, date] of [[s.report_number, s.report_date], [s.attached_number, s.attached_date]] as const) {
      if (number) refs.set(`${number}\u0000${date ?? ''}`, { number, date: date ?? null });
    }
  }
  const byNumber = db.prepare(
    `SELECT ${COLUMNS} FROM documents WHERE status = 'loaded' AND (
       (report_number = @number AND (@date IS NULL OR report_date IS NULL OR report_date = @date)) OR
       (attached_number = @number AND (@date IS NULL OR attached_date IS NULL OR attached_date = @date)))`,
  );
  for (const ref of refs.values()) add(byNumber.all(ref) as DocumentRow[]);
  const byBundle = db.prepare(`SELECT ${COLUMNS} FROM documents WHERE status = 'loaded' AND bundle_key = ?`);
  for (const k of new Set([...byId.values()].map((r) => r.bundle_key).filter((k): k is string => Boolean(k)))) add(byBundle.all(k) as DocumentRow[]);
  return [...byId.values()];
}

interface LinkRow {
  document_sha256: string;
  linked_sha256: string;
  reason: string;
  bundle_key: string;
}

/**
 * Makes a bundle's links in `document_links` those of the plan: the members' links are read and only
 * the difference is written. Rewritten whole, a bundle of n documents cost n² inserts for each new
 * member (a commune folder that received the same report many times), where the difference is the
 * new member's own links.
 */
function writeLinks(wh: Warehouse, bundle: Bundle): void {
  const db = wh.sqlite;
  const members = [...bundle.members];
  const existing = new Map<string, LinkRow>();
  for (let i = 0; i < members.length; i += 400) {
    const part = members.slice(i, i + 400);
    const marks = part.map(() => '?').join(', ');
    const rows = db
      .prepare(`SELECT document_sha256, linked_sha256, reason, bundle_key FROM document_links WHERE document_sha256 IN (${marks}) OR linked_sha256 IN (${marks})`)
      .all(...part, ...part) as LinkRow[];
    for (const r of rows) existing.set(`${r.document_sha256}|${r.linked_sha256}`, r);
  }
  const wanted = new Map(bundle.links.map((l) => [`${l.a}|${l.b}`, l]));
  const remove = prepareOnce(db, 'DELETE FROM document_links WHERE document_sha256 = ? AND linked_sha256 = ?');
  for (const [k, r] of existing) {
    const w = wanted.get(k);
    if (!w || w.reason !== r.reason || r.bundle_key !== bundle.key) remove.run(r.document_sha256, r.linked_sha256);
    else wanted.delete(k);
  }
  const insert = prepareOnce(db, 'INSERT INTO document_links (document_sha256, linked_sha256, reason, bundle_key) VALUES (?, ?, ?, ?)');
  for (const l of wanted.values()) insert.run(l.a, l.b, l.reason, bundle.key);
}

function describe(r: DocumentRow): BundleDocument {
  const candidates = r.commune_code ? [] : ((r.commune_candidates ? JSON.parse(r.commune_candidates) : []) as { code: string; era?: Era }[]);
  return {
    sha256: r.sha256,
    path: r.path,
    kind: r.kind,
    periodKey: r.period_key,
    commune: r.commune_code ? { code: r.commune_code, era: r.commune_era ?? 'pre2025' } : null,
    communeName: r.commune_name,
    // Candidates written before 004-communes carry no era: they were all pre-2025 units.
    candidates: candidates.map((c) => ({ code: c.code, era: c.era ?? 'pre2025' })),
    report: r.report_number ? { number: r.report_number, ...(r.report_date ? { date: r.report_date } : {}) } : null,
    attachedTo: r.attached_number ? { number: r.attached_number, ...(r.attached_date ? { date: r.attached_date } : {}) } : null,
  };
}

async function applyPlan(wh: Warehouse, plan: BundlePlan, rows: readonly DocumentRow[], runId: string): Promise<TouchedKey[]> {
  const byId = new Map(rows.map((r) => [r.sha256, r]));
  const registry = communeRegistry();
  const touched = new Map<string, TouchedKey>();
  const at = new Date().toISOString();
  await wh.db.transaction().execute(async (trx) => {
    for (const b of plan.bundles) {
      const moved = b.members.filter((m) => byId.get(m)?.bundle_key !== b.key);
      if (moved.length) await trx.updateTable('documents').set({ bundle_key: b.key }).where('sha256', 'in', moved).execute();
      writeLinks(wh, b);
    }
    for (const a of plan.assignments) {
      const doc = byId.get(a.sha256)!;
      const unit = registry.unit(a.commune.era, a.commune.code);
      if (!unit) continue;
      const rowsOf = communeRows(registry, unit);
      writeCommunes(wh.sqlite, rowsOf.communes, rowsOf.crosswalk);
      await trx.updateTable('documents').set({ commune_code: unit.code, commune_era: unit.era, commune_name: unit.fullName }).where('sha256', '=', a.sha256).execute();
      // The figures that took the document's commune: those without a code, under its printed name or none.
      const figures = await trx
        .selectFrom('observations')
        .select(['id', 'period_key', 'indicator_key', 'commune_name'])
        .where('document_sha256', '=', a.sha256)
        .where('commune_code', 'is', null)
        .where((eb) => (doc.commune_name === null ? eb('commune_name', 'is', null) : eb.or([eb('commune_name', 'is', null), eb('commune_name', '=', doc.commune_name)])))
        .execute();
      const ids = figures.map((f) => f.id);
      for (let i = 0; i < ids.length; i += 500) {
        await trx.updateTable('observations').set({ commune_code: unit.code, commune_name: unit.fullName }).where('id', 'in', ids.slice(i, i + 500)).execute();
      }
      for (const f of figures) {
        if (!f.period_key || !f.indicator_key) continue;
        touched.set(`${unit.code}|${f.period_key}`, { communeKey: unit.code, periodKey: f.period_key });
        if (f.commune_name) touched.set(`name:${f.commune_name}|${f.period_key}`, { communeKey: `name:${f.commune_name}`, periodKey: f.period_key });
      }
      await trx
        .insertInto('ingest_errors')
        .values({ run_id: runId, document_sha256: a.sha256, path: doc.path, stage: 'bundle', severity: 'warning', location: 'commune', message: a.reason, created_at: at })
        .execute();
    }
    for (const p of plan.problems) {
      const doc = byId.get(p.sha256);
      const seen = await trx.selectFrom('ingest_errors').select('id').where('document_sha256', '=', p.sha256).where('stage', '=', 'bundle').where('message', '=', p.message).executeTakeFirst();
      if (seen) continue;
      await trx
        .insertInto('ingest_errors')
        .values({ run_id: runId, document_sha256: p.sha256, path: doc?.path ?? '', stage: 'bundle', severity: 'warning', location: 'commune', message: p.message, created_at: at })
        .execute();
    }
  });
  return [...touched.values()];
}
