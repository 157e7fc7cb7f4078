import { z } from 'zod';

/**
 * Where a figure was found. Every extractor fills the fields that make sense for its format:
 * a spreadsheet gives sheet + cell, a PDF page + position, a CSV/TSV export a line number.
 */
export const Provenance = z.object({
  sheet: z.string().optional(),
  cell: z.string().optional(),
  page: z.number().int().positive().optional(),
  x: z.number().optional(),
  y: z.number().optional(),
  line: z.number().int().positive().optional(),
  /** The sentence (narrative) or the row text (table) the figure was read from, as printed. */
  quote: z.string().optional(),
});
export type Provenance = z.infer<typeof Provenance>;
