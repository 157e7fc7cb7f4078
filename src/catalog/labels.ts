import { z } from 'zod';
import { loadCatalog } from './files.js';

/** catalog/labels.yaml: Vietnamese text for stable codes, and Vietnamese column titles. */
const LabelsFile = z
  .object({
    codes: z.record(z.string(), z.record(z.string(), z.string().min(1))),
    columns: z.record(z.string(), z.string().min(1)),
  })
  .strict();
export type LabelsFile = z.infer<typeof LabelsFile>;

let cached: LabelsFile | undefined;

export function labels(): LabelsFile {
  cached ??= loadCatalog('labels.yaml', LabelsFile);
  return cached;
}

/**
 * The Vietnamese text of a code of `domain` ("status", "rule", …). A value "code: detail" keeps its
 * detail ("evidence: 1.2 = 1.2.2 / 1.2.1" → "Khớp phép tính kiểm tra: 1.2 = 1.2.2 / 1.2.1"); an
 * unknown code is returned as is, so that nothing is hidden.
 */
export function codeLabel(domain: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const texts = labels().codes[domain];
  if (!texts) throw new Error(`catalog/labels.yaml: no codes for "${domain}"`);
  const exact = texts[value];
  if (exact) return exact;
  const m = /^([a-z_]+): (.*)$/s.exec(value);
  const head = m ? texts[m[1]!] : undefined;
  return head ? `${head}: ${m![2]}` : value;
}

/** The Vietnamese title of an exported column; the column name itself when the catalogue has none. */
export function columnTitle(column: string): string {
  return labels().columns[column] ?? column;
}
