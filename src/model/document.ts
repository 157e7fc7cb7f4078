import { z } from 'zod';
import { ExtractedFigure } from './figure.js';
import { Period, StatedWindow } from './period.js';
import { CommuneClues } from './commune-clues.js';

export const DocumentFormat = z.enum(['xlsx', 'pdf', 'csv', 'tsv']);
export type DocumentFormat = z.infer<typeof DocumentFormat>;

/** A file as read from disk: bytes plus identity. Extractors never touch the file system themselves. */
export interface SourceFile {
  readonly path: string;
  readonly bytes: Buffer;
  readonly sha256: string;
}


/** What an extractor returns: the figures plus what the document says about itself. */
export const ExtractedDocument = z.object({
  format: DocumentFormat,
  /** Document title as printed ("BÁO CÁO Công tác cải cách hành chính năm 2024"). */
  title: z.string().optional(),
  commune: CommuneClues,
  period: Period.optional(),
  window: StatedWindow.optional(),
  figures: z.array(ExtractedFigure),
  /** Problems that did not stop the document (an unreadable cell, an unknown channel), one line each. */
  warnings: z.array(z.object({ where: z.string(), message: z.string() })).default([]),
  /** Per-commune one-stop exports carry their own units and periods; the loader handles them. */
  kind: z.enum(['report', 'onestop']).default('report'),
});
export type ExtractedDocument = z.infer<typeof ExtractedDocument>;
