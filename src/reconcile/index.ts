import type { Warehouse } from '../warehouse/index.js';

/** A commune × period whose observations changed in this run. */
export interface TouchedKey {
  readonly communeKey: string;
  readonly periodKey: string;
}

// Placeholder until reconciliation lands (issue 5): the interim `indicator_values` view needs nothing.
export async function reconcileTouched(_wh: Warehouse, _touched: readonly TouchedKey[]): Promise<void> {}
