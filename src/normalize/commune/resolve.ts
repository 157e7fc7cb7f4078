import type { CommuneClues } from '../../model/index.js';
import { foldAscii, foldCompact } from '../../text/index.js';
import { type CommuneRegistry, type RegistryUnit, bareName } from './registry.js';

export interface CommuneResolution {
  /** The official code when exactly one unit fits the clues; never a guess. */
  readonly unit?: RegistryUnit;
  /** The name as the document printed it. */
  readonly printedName?: string;
  /** Every unit that could be meant, when more than one (or none) fits. */
  readonly candidates: readonly RegistryUnit[];
  /** Why it was or was not resolved, in one line. */
  readonly reason: string;
}

export interface ResolveOptions {
  /** The province the pipeline serves, from its declaration: a clue like any other. */
  readonly province?: string | undefined;
}

/**
 * Resolves a document's commune to its official code from every clue it gives: the printed name,
 * district and province, web addresses (banthi.chodon.backan.gov.vn), the file path, and the
 * province the pipeline serves. Many communes share a name across provinces, so a name alone
 * resolves only when it is unique; otherwise the clues must single one unit out.
 */
export function resolveCommune(registry: CommuneRegistry, clues: CommuneClues, options: ResolveOptions = {}): CommuneResolution {
  const printedName = clues.name ?? nameFromHints(registry, clues.hints);
  if (!printedName) return { candidates: [], reason: 'the document names no commune' };
  let candidates = registry.byBareName(printedName);
  if (candidates.length === 0) {
    return { printedName, candidates: [], reason: `no commune named "${printedName}" in the registry` };
  }
  if (clues.unitType) {
    const typed = candidates.filter((c) => c.unitType === clues.unitType!.toLowerCase());
    if (typed.length) candidates = typed;
  }

  const hintText = clues.hints.map((h) => foldCompact(h)).join(' ');
  const district = clues.district ? foldAscii(bareName(clues.district)) : undefined;
  const provinces = [clues.province, options.province].filter(Boolean).map((p) => foldAscii(bareName(p!)));
  const scored = candidates.map((unit) => {
    let score = 0;
    let contradicted = false;
    if (district) {
      if (foldAscii(unit.district) === district) score += 4;
      else contradicted = true;
    }
    for (const p of provinces) {
      if (foldAscii(unit.province) === p) score += 3;
      else if (p === provinces[0] && clues.province) contradicted = true;
    }
    if (unit.district && hintText.includes(foldCompact(unit.district))) score += 2;
    if (unit.province && hintText.includes(foldCompact(unit.province))) score += 2;
    return { unit, score, contradicted };
  });
  const fitting = scored.filter((s) => !s.contradicted);
  const best = Math.max(0, ...fitting.map((s) => s.score));
  const top = fitting.filter((s) => s.score === best);

  if (top.length === 1 && (best > 0 || candidates.length === 1)) {
    const u = top[0]!.unit;
    const why = best > 0 ? 'name and district/province clues' : 'the only unit with that name';
    return { unit: u, printedName, candidates: candidates.length > 1 ? candidates : [], reason: `${why}: ${describe(u)}` };
  }
  const list = (top.length ? top.map((t) => t.unit) : candidates).slice(0, 20);
  return {
    printedName,
    candidates: list,
    reason: `"${printedName}" is ambiguous: ${list.length} units fit (${list.slice(0, 5).map(describe).join('; ')}${list.length > 5 ? '; …' : ''})`,
  };
}

/** A commune named only in a web address or the place-date line. */
function nameFromHints(registry: CommuneRegistry, hints: readonly string[]): string | undefined {
  for (const h of hints) {
    const host = /^([a-z0-9-]+)\.[a-z0-9.-]+\.gov\.vn$/.exec(h);
    if (host?.[1] && registry.byCompact(host[1]).length) return registry.byCompact(host[1])[0]!.name;
  }
  return undefined;
}

export function describe(u: RegistryUnit): string {
  return `${u.fullName}, ${u.district}, ${u.province} (${u.code})`;
}
