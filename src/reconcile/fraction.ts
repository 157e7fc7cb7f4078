import type { ReconObservation } from './types.js';

export interface PrintedFraction {
  readonly numerator: number;
  readonly denominator: number;
  /** Where it was read: the observation's own cell, its Ghi chú cell or its sentence. */
  readonly from: 'columns' | 'note' | 'quote';
  readonly text: string;
  /** Multiplier from the money unit the parts were printed in to đồng (1 when none). */
  readonly scale: number;
}

/**
 * The fraction printed with a figure, if any. Normalise found it (normalize/printed-fraction.ts) and
 * stored its parts as `numerator`/`denominator`, with where and how in `details.fraction`: nothing
 * is read from text here. Rows loaded before `details.fraction` existed show their parts as "n/d".
 */
export function printedFraction(obs: ReconObservation): PrintedFraction | undefined {
  if (obs.numerator === null || obs.denominator === null) return undefined;
  const { numerator, denominator } = obs;
  return obs.fraction ? { numerator, denominator, ...obs.fraction } : { numerator, denominator, from: 'columns', text: `${numerator}/${denominator}`, scale: 1 };
}
