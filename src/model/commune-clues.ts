import { z } from 'zod';
import { IsoDate } from './period.js';

/** A report's identity as printed: "Số: 125/BC-UBND" and the date of its place-date line. */
export const ReportReference = z.object({
  /** The number as printed, e.g. "125/BC-UBND". */
  number: z.string().min(1),
  date: IsoDate.optional(),
});
export type ReportReference = z.infer<typeof ReportReference>;

/**
 * Who reports: the commune as the document names it, and which report the document is or belongs
 * to. Resolution to an official code happens in `normalize/commune`, the linking of documents of
 * one report in `normalize/bundle`; extractors only collect clues.
 */
export const CommuneClues = z.object({
  /** Commune name as printed, without its prefix ("Bản Thi"). */
  name: z.string().optional(),
  /** Unit type as printed ("xã", "phường", "thị trấn"). */
  unitType: z.string().optional(),
  district: z.string().optional(),
  province: z.string().optional(),
  /** Other text that may name the place: web addresses, the "Bản Thi, ngày …" line, file path. */
  hints: z.array(z.string()).default([]),
  /** The report this document is ("Số: 125/BC-UBND … ngày 20 tháng 11 năm 2024"). */
  report: ReportReference.optional(),
  /** The report this document is attached to ("Kèm theo Báo cáo số 125/BC-UBND ngày 20/11/2024 …"). */
  attachedTo: ReportReference.optional(),
});
export type CommuneClues = z.infer<typeof CommuneClues>;
