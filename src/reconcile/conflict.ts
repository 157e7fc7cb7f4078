import { createHash } from 'node:crypto';
import type { IndicatorCatalogue } from '../catalog/index.js';
import type { Candidate } from './candidates.js';
import { stableJson } from './format.js';
import type { Conflict, ConflictValue } from './types.js';

/** A conflict before its id: the id is a hash of everything else, so the same facts give the same id. */
export type ConflictDraft = Omit<Conflict, 'id'>;

/** Where a conflict belongs: commune and period. */
export type ConflictBase = Pick<ConflictDraft, 'communeKey' | 'communeCode' | 'communeName' | 'periodKey'>;

export function withId(draft: ConflictDraft): Conflict {
  const id = createHash('sha256').update(stableJson(draft)).digest('hex').slice(0, 16);
  return { id, ...draft };
}

export function conflictValue(c: Candidate): ConflictValue {
  return {
    indicator: c.indicatorKey,
    value: c.num ?? c.text,
    printed: c.printed,
    label: c.sourceLabel,
    source: c.source,
    observation: c.ref,
    quote: c.obs.quote,
  };
}

/**
 * How explanations name an indicator: its printed code ("7.2.4"), or for an uncoded sub-row its
 * parent's code and its own label ("1.4.1 UBND tỉnh").
 */
export function indicatorLabel(key: string, catalogue: IndicatorCatalogue): string {
  const ind = catalogue.get(key);
  if (!ind) return key;
  if (ind.code) return ind.code;
  const parent = ind.parent ? catalogue.get(ind.parent) : undefined;
  return parent?.code && parent.type !== 'section' ? `${parent.code} ${ind.name}` : ind.name;
}
