import { z } from 'zod';

/** Where a file failed: the stage of the pipeline that gave up on it (`ingest_errors.stage`). */
export const Stage = z.enum(['read', 'extract', 'normalize', 'load', 'reconcile']);
export type Stage = z.infer<typeof Stage>;

/**
 * Why a file failed, as a closed list a scheduler or an analyst can count and act on
 * (`ingest_errors.code`; docs/data-dictionary.md lists them). `internal` is a bug in cchc-etl
 * itself: the run fails, the file is not to blame.
 */
export const ErrorCode = z.enum([
  // read: the file system object, before its content is looked at
  'not_a_file',
  'cannot_read',
  'cannot_list',
  'dangling_symlink',
  'symlink_loop',
  'file_changed',
  'too_large',
  // extract: the content
  'empty_file',
  'unknown_format',
  'legacy_xls',
  'not_cchc_content',
  'unreadable_workbook',
  'corrupt_pdf',
  'encrypted_pdf',
  'too_many_pages',
  'no_text_layer',
  'no_appendix_table',
  'no_appendix_rows',
  'legacy_encoding',
  'unknown_encoding',
  'mixed_encoding',
  'record_too_long',
  'missing_columns',
  'no_dossier_rows',
  'uncountable_rows',
  'bad_summary_form',
  'bad_setting',
  // any stage
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * The base of every error cchc-etl raises on purpose about a file: which stage gave up, why (a code),
 * a one-line reason a person can act on, and where in the file when known ("sheet 'Phụ lục' row 14").
 * Anything else thrown while a file is processed is a bug of ours (`InternalError`).
 */
export class CchcError extends Error {
  override readonly name: string = 'CchcError';
  constructor(
    readonly stage: Stage,
    readonly code: ErrorCode,
    message: string,
    readonly location?: string,
  ) {
    super(message);
  }
}

/** The file cannot be read as a file (not a regular file, no permission, over the size limit). */
export class UnreadableFile extends CchcError {
  override readonly name: string = 'UnreadableFile';
  constructor(code: ErrorCode, message: string) {
    super('read', code, message);
  }
}

/**
 * A bug in cchc-etl met while processing a file (a TypeError, a failed assertion): not the file's
 * fault. The run is marked failed and exits 1; the file is left to be read again once fixed.
 */
export class InternalError extends CchcError {
  override readonly name = 'InternalError';
  constructor(
    stage: Stage,
    override readonly cause: unknown,
  ) {
    super(stage, 'internal', `internal error in ${stage} (a bug in cchc-etl): ${describe(cause)}`);
    if (cause instanceof Error && cause.stack) this.stack = cause.stack;
  }
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  return `${err.name}: ${err.message.split('\n')[0]}`;
}
