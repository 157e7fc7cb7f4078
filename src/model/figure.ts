import { z } from 'zod';
import { Method } from './method.js';
import { Provenance } from './provenance.js';
import { IsoDate, Period } from './period.js';
import { CommuneClues } from './commune-clues.js';

/**
 * One figure as an extractor found it, before it is mapped to an indicator.
 * Extractors emit these; `normalize/` turns them into observations.
 *
 * - Table rows carry `rowCode` / `rowLabel` / `unit` as printed and leave `indicatorKey` empty:
 *   the label matcher decides.
 * - Narrative patterns and one-stop derivations already know their indicator and set `indicatorKey`.
 */
export const ExtractedFigure = z.object({
  method: Method,
  /** Catalogue key when the extractor already knows it (narrative pattern, one-stop rule). */
  indicatorKey: z.string().optional(),
  /** Printed row code ("1.4.1", "Trong đó", "" for uncoded sub-rows). */
  rowCode: z.string().optional(),
  /** Printed row label (table) or the phrase that named the figure (narrative). */
  rowLabel: z.string().optional(),
  /** Printed unit ("Văn bản", "%", "Triệu đồng"). */
  unit: z.string().optional(),
  /** The figure exactly as printed (cell text, number in the sentence). Always kept. */
  raw: z.string(),
  /** A number the source stored as a number (Excel cell value, one-stop count), already in display scale:
   *  an Excel fraction formatted as percent arrives here as 85.71, not 0.8571. */
  number: z.number().optional(),
  /** "Ghi chú" column or other remark printed beside the figure. */
  note: z.string().optional(),
  /** Visual hints from the source: a bold row is usually a section, an italic one a sub-row. */
  style: z.object({ bold: z.boolean().optional(), italic: z.boolean().optional() }).optional(),
  provenance: Provenance,
  /**
   * Overrides of the document's commune and period for this figure. One-stop exports cover many units
   * and periods in one file; report figures leave this empty and inherit the document's.
   */
  scope: z
    .object({
      commune: CommuneClues.optional(),
      period: Period.optional(),
      /** The data window the figure was computed over (one-stop derivations). */
      window: z.object({ start: IsoDate, end: IsoDate, source: z.string() }).optional(),
    })
    .optional(),
  /** Extra facts a method wants to keep (e.g. one-stop: window used, rows behind a count). */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ExtractedFigure = z.infer<typeof ExtractedFigure>;
