import { fold } from '../text/index.js';
import type { FamilyField, Rules } from './rules.js';
import type { ReconObservation } from './types.js';

/**
 * The key a commune is grouped by: its official code, or "name:<name>" while the code is unknown
 * (the same key the pipeline reports touched commune-periods by).
 */
export function communeKeyOf(obs: { communeCode: string | null; communeName: string | null }): string | null {
  return obs.communeCode ?? (obs.communeName ? `name:${obs.communeName}` : null);
}

/** "<document sha256>#<seq>": names an observation identically in every warehouse. */
export function observationRef(obs: ReconObservation): string {
  return `${obs.documentSha256}#${obs.seq}`;
}

export interface SourceInfo {
  readonly id: string;
  readonly label: string;
  /** Position in the precedence order; lower is more trusted. */
  readonly rank: number;
}

/** Classifies an observation's source by the catalogue's `sources` list (first match wins). */
export function sourceOf(obs: ReconObservation, rules: Rules): SourceInfo {
  const cls = rules.sources.find(
    (s) =>
      (!s.method || s.method === obs.method) &&
      (!s.format || s.format === obs.document.format) &&
      (!s.kind || s.kind === obs.document.kind),
  );
  const id = cls?.id ?? obs.method;
  const rank = rules.precedence.indexOf(id);
  return { id, label: cls?.label ?? obs.method, rank: rank < 0 ? rules.precedence.length : rank };
}

/**
 * The source family: documents that are copies of one another (one report's narrative, its appendix,
 * the Excel and the PDF of that appendix) share it and so cast one vote together.
 */
export function familyOf(obs: ReconObservation, fields: readonly FamilyField[]): string {
  const d = obs.document;
  const parts = fields.map((f) => {
    switch (f) {
      case 'kind':
        return d.kind;
      case 'commune':
        return d.communeKey ?? communeKeyOf(obs) ?? '';
      case 'period':
        return d.periodKey ?? obs.periodKey ?? '';
      case 'title':
        return fold(d.title ?? '');
    }
  });
  return parts.join('|');
}

/** "table: report.xlsx!Sheet1!C12": what `indicator_values.source` has always shown. */
export function sourceText(obs: ReconObservation): string {
  return `${obs.method}: ${obs.document.fileName}${obs.location ?? ''}`;
}
