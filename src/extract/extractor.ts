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

/**
 * Rows that are too many to hold in memory (one-stop dossiers) are streamed by the extractor
 * straight into the load transaction that the pipeline holds open around it: if the document is
 * rejected later, they roll back with it.
 */
export interface RecordWriter {
  write(table: string, row: Readonly<Record<string, string | number | null>>): void;
}

export interface ExtractContext {
  readonly config: ExtractConfig;
  readonly records: RecordWriter;
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
