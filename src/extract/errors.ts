/**
 * A file that cannot be loaded, with a one-line reason a person can act on: what is wrong and where
 * ("sheet 'Phụ lục' row 14: …"). The pipeline records it in `ingest_errors` and goes on.
 */
export class RejectedInput extends Error {
  override readonly name = 'RejectedInput';
  constructor(
    message: string,
    readonly location?: string,
  ) {
    super(message);
  }
}

/** The file is of the extractor's format but not of its content; the dispatcher tries the next one. */
export class NotThisKind extends Error {
  override readonly name = 'NotThisKind';
}
