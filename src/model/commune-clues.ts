import { z } from 'zod';

/**
 * Who reports: the commune as the document names it. Resolution to an official code happens in
 * `normalize/commune`; extractors only collect clues.
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
});
export type CommuneClues = z.infer<typeof CommuneClues>;
