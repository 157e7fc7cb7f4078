import { CchcError, type ErrorCode } from '../model/errors.js';

/**
 * A file that cannot be loaded, with a code and a one-line reason a person can act on: what is wrong
 * and where ("sheet 'Phụ lục' row 14: …"). The pipeline records it in `ingest_errors` (stage
 * `extract`) and goes on.
 */
export class RejectedInput extends CchcError {
  override readonly name = 'RejectedInput';
  constructor(code: ErrorCode, message: string, location?: string) {
    super('extract', code, message, location);
  }
}

/** The file is of the extractor's format but not of its content; the dispatcher tries the next one. */
export class NotThisKind extends Error {
  override readonly name = 'NotThisKind';
}

/**
 * A reader that ran out of room on a huge file (V8 cannot make the string or buffer it needs): the
 * file is too large to read, not a bug of ours.
 */
export function isOutOfMemory(err: unknown): boolean {
  return err instanceof RangeError && /Invalid string length|Invalid array length|Array buffer allocation failed|Invalid typed array length/i.test(err.message);
}

/** The rejection of a file a reader ran out of memory on (see `isOutOfMemory`). */
export function tooLargeToRead(err: unknown): RejectedInput {
  const message = err instanceof Error ? err.message : String(err);
  return new RejectedInput('too_large', `file too large to read in memory (${message.split('\n')[0]})`);
}
