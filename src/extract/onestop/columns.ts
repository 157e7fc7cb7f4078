import { z } from 'zod';
import { duplicateWords, loadCatalog } from '../../catalog/index.js';
import { fold, foldAscii } from '../../text/fold.js';

/** The fields a dossier export may carry; names are the warehouse's, not any vendor's. */
export const DossierField = z.enum([
  'code',
  'procedure',
  'sector',
  'unit',
  'received_at',
  'promised_at',
  'finished_at',
  'status',
  'channel',
  'online_level',
  'paid_online',
  'payment_method',
  'payment_state',
  'applicant',
  'address',
  'phone',
  'id_number',
  'email',
]);
export type DossierField = z.infer<typeof DossierField>;

const ColumnEntry = z.strictObject({
  field: DossierField,
  required: z.boolean().default(false),
  personal: z.boolean().default(false),
  synonyms: z.array(z.string()).min(1),
});
export type ColumnEntry = z.infer<typeof ColumnEntry>;

/** A header wording names one field, listed once (folded without diacritics, as headers are matched). */
const ColumnFile = z.array(ColumnEntry).superRefine((entries, ctx) =>
  duplicateWords(ctx, entries.map((e, i) => ({ path: [i, 'synonyms'], words: e.synonyms })), foldAscii),
);

export interface ColumnCatalogue {
  readonly entries: readonly ColumnEntry[];
  readonly required: readonly ColumnEntry[];
  /** Field for a header cell, or undefined when no synonym matches. */
  recognise(header: string): DossierField | undefined;
}

export function buildColumnCatalogue(entries: readonly ColumnEntry[]): ColumnCatalogue {
  const exact = new Map<string, DossierField>();
  const ascii = new Map<string, DossierField>();
  for (const e of entries) {
    for (const s of [...e.synonyms, e.field]) {
      exact.set(fold(s), e.field);
      ascii.set(foldAscii(s), e.field);
    }
  }
  return {
    entries,
    required: entries.filter((e) => e.required),
    recognise(header) {
      // Header cells sometimes carry a line break or a footnote mark ("Ngày hẹn trả (*)").
      const f = fold(header.replace(/\(\s*\*+\s*\)|\*+$/g, ''));
      if (!f) return undefined;
      return exact.get(f) ?? ascii.get(foldAscii(f));
    },
  };
}

let cached: ColumnCatalogue | undefined;
/** `catalog/onestop-columns.yaml`, loaded once. */
export function columnCatalogue(): ColumnCatalogue {
  cached ??= buildColumnCatalogue(loadCatalog('onestop-columns.yaml', ColumnFile));
  return cached;
}
