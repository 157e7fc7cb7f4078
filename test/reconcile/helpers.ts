import { parseValue } from '../../src/normalize/parse-value.js';
import { findFraction } from '../../src/normalize/printed-fraction.js';
import { indicatorCatalogue } from '../../src/catalog/index.js';
import type { ReconDocument, ReconObservation } from '../../src/reconcile/types.js';

/** Documents of the seed report: its PDF (narrative + appendix), the Excel copy of its appendix, a one-stop export. */
export function doc(over: Partial<ReconDocument> & { sha256: string }): ReconDocument {
  return {
    fileName: `${over.sha256}.pdf`,
    format: 'pdf',
    kind: 'report',
    title: 'BÁO CÁO Công tác cải cách hành chính năm 2024',
    communeKey: '02035',
    periodKey: '2024',
    isEstimate: false,
    statedEnd: null,
    ...over,
  };
}

let seqs = new Map<string, number>();
export function resetSeq(): void {
  seqs = new Map();
}

export interface ObsSpec {
  key: string | null;
  raw: string;
  method?: 'table' | 'narrative' | 'onestop';
  note?: string;
  quote?: string;
  rowCode?: string;
  rowLabel?: string;
  period?: string;
  commune?: string;
  numerator?: number;
  denominator?: number;
  seq?: number;
}

/** An observation as the loader would store it: the value parsed by the project's own parser. */
export function obs(d: ReconDocument, spec: ObsSpec): ReconObservation {
  const ind = spec.key ? indicatorCatalogue().get(spec.key) : undefined;
  if (spec.key && !ind) throw new Error(`unknown key ${spec.key}`);
  const parsed = parseValue(spec.raw, { type: ind?.type ?? 'text', unit: ind?.unit });
  // A rate's fraction from its note or sentence, as normalise stores it (numerator, denominator, details.fraction).
  const found =
    ind?.type === 'percent' && parsed.numerator === undefined && spec.numerator === undefined
      ? findFraction({ raw: spec.raw, note: spec.note, quote: spec.quote, narrative: spec.method === 'narrative' })
      : undefined;
  const seq = spec.seq ?? (seqs.get(d.sha256) ?? 0) + 1;
  seqs.set(d.sha256, seq);
  return {
    documentSha256: d.sha256,
    seq,
    method: spec.method ?? (d.kind === 'onestop' ? 'onestop' : 'table'),
    indicatorKey: spec.key,
    communeCode: spec.commune ?? '02035',
    communeName: 'Bản Thi',
    periodKey: spec.period ?? d.periodKey,
    rowCode: spec.rowCode ?? null,
    rowLabel: spec.rowLabel ?? null,
    rawText: spec.raw,
    valueNum: parsed.num,
    valueText: parsed.text,
    valueKind: parsed.kind,
    numerator: spec.numerator ?? parsed.numerator ?? found?.numerator ?? null,
    denominator: spec.denominator ?? parsed.denominator ?? found?.denominator ?? null,
    ...(found ? { fraction: { from: found.from, text: found.text, scale: found.scale } } : {}),
    note: spec.note ?? null,
    quote: spec.quote ?? null,
    location: `!Phụ lục!C${seq}`,
    document: d,
  };
}
