/** Exit statuses of `cchc`, documented in the README. */
export const ExitCode = {
  /** Every input loaded (or was already loaded). */
  ok: 0,
  /** The run itself failed (warehouse unwritable, bad pipeline declaration, a bug). */
  failed: 1,
  /** The command line was wrong. */
  usage: 2,
  /** Some inputs were rejected; the others loaded. */
  partial: 3,
  /** Another run holds the warehouse; nothing was done. Try again later. */
  locked: 4,
} as const;
