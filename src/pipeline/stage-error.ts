import { isOutOfMemory, tooLargeToRead } from '../extract/index.js';
import { CchcError, InternalError, type Stage, UnreadableFile } from '../model/index.js';

/**
 * What a failure met while a file went through `stage` means for the run: one of our own errors
 * (`CchcError`, already saying its stage and code) as it is; a reader out of memory on a huge file
 * is a file too large (`too_large`), not a bug; a file-system error while reading (ENOENT, EACCES…)
 * is `cannot_read`, worded by `describeErrno`; anything else (a TypeError, a failed assertion) is a
 * bug of ours, `internal` at that stage.
 */
export function asStageError(stage: Stage, err: unknown, describeErrno?: (err: unknown) => string): CchcError {
  if (err instanceof CchcError) return err;
  if (isOutOfMemory(err) && (stage === 'extract' || stage === 'normalize')) return tooLargeToRead(err);
  if (describeErrno && isErrno(err)) return new UnreadableFile('cannot_read', describeErrno(err));
  return new InternalError(stage, err);
}

/** A system call's failure (ENOENT, EACCES, EIO…), by Node's convention of an `E…` code. */
function isErrno(err: unknown): boolean {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code);
}

/**
 * The warehouse itself cannot be written (locked past the busy timeout, disk full, read-only, I/O
 * error): no file is to blame and none after it could load either, so the run stops and fails.
 */
export function isWarehouseUnavailable(err: unknown): boolean {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB|PERM)/.test(code);
}
