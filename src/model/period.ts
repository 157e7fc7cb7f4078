import { z } from 'zod';

export const PeriodKind = z.enum(['year', 'half', 'quarter', 'nine_months', 'month']);
export type PeriodKind = z.infer<typeof PeriodKind>;

/** ISO calendar date (yyyy-mm-dd). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * A reporting period. `key` is what analysts type: `2024`, `2024-H1`, `2024-Q3`, `2024-9M`, `2024-M10`.
 * `number` is the half (1–2), quarter (1–4) or month (1–12); null for a year and for nine months.
 */
export const Period = z.object({
  key: z.string(),
  kind: PeriodKind,
  year: z.number().int(),
  number: z.number().int().nullable(),
});
export type Period = z.infer<typeof Period>;

/** The data window a document states ("số liệu tính từ ngày 01/12/2023 ước thực hiện đến ngày 20/11/2024"). */
export const StatedWindow = z.object({
  start: IsoDate.optional(),
  end: IsoDate.optional(),
  /** True when the report says its figures are partly estimated ("ước thực hiện"). */
  estimate: z.boolean(),
  quote: z.string().optional(),
});
export type StatedWindow = z.infer<typeof StatedWindow>;
