import type { DossierSink } from './onestop/dossier-batch.js';
import type { ExtractedDocument, SourceFile } from '../model/index.js';

/** Settings an extractor may need; filled from the pipeline declaration and the command line. */
export interface ExtractConfig {
  /** Province the pipeline serves ("Bắc Kạn"), a clue for namesake communes. */
  readonly province?: string;
  /** Commune the run's files come from, for those that name none (a one-stop export without a unit column). */
  readonly commune?: string;
  /** Period the caller says a file covers, when the file cannot tell (one-stop exports). */
  readonly period?: string;
  /**
   * The data window the period's report states, when the caller knows it: one-stop exports are then
   * counted over it instead of the regulation's window (Nghị định 09/2019, Art. 12).
   */
  readonly window?: { readonly start: string; readonly end: string };
  /** Day of the month regulation windows start on (15 by Nghị định 09/2019). */
  readonly cutoffDay?: number;
  /** Reject larger files outright, before parsing (bytes). */
  readonly maxBytes: number;
  /** Reject PDFs with more pages than this (a report is a dozen pages; a merged binder is not one report). */
  readonly maxPages?: number;
}

export interface ExtractContext {
  readonly config: ExtractConfig;
  /**
   * Receives the one-stop dossier rows an export holds, batch by batch as they are read (plain data;
   * dossier-batch.ts): the extractor never writes anywhere itself. The pipeline's writer inserts them
   * in the document's transaction (or a worker thread gathers them to send to it). Absent, the
   * caller wants the figures only and the rows are not kept.
   */
  readonly dossiers?: DossierSink;
}

/**
 * An extractor reads one kind of file. It throws `RejectedInput` (extract/errors.ts) with a one-line
 * reason and a code (`ErrorCode`, model/errors.ts) for a file it cannot read, and `NotThisKind` when the file is of its format but not its
 * content (an .xlsx without an appendix table), so that the next extractor can try.
 */
export interface Extractor {
  readonly name: string;
  extract(file: SourceFile, ctx: ExtractContext): Promise<ExtractedDocument>;
}
