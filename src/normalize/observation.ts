import type { CommunesTable, ObservationsTable, PeriodsTable } from '../warehouse/schema.js';

/**
 * An observation ready for the warehouse: one figure as found, mapped or unmapped, with its parsed
 * value, provenance and scope. The `observations` columns minus what the loader adds (row id,
 * document and run), so the table's definition stays the one source of these fields.
 */
export type ObservationRow = Omit<ObservationsTable, 'id' | 'document_sha256' | 'run_id'>;

/** A resolved commune, as the `communes` dimension stores it. */
export type CommuneRow = CommunesTable;

/** A reporting period, as the `periods` dimension stores it. */
export type PeriodRow = PeriodsTable;
