export { writeCommunes } from './communes.js';
export { loadDocument, recordRejection, recordWarnings, syncIndicators, type DocumentIdentity, type WarningSource } from './load-document.js';
export { checkpointWal, openWarehouse, openWarehouseReadOnly, type CheckpointResult, type OpenOptions, type Warehouse } from './open.js';
export { createDossierLoader, storedDossiers, type DossierLoader } from './records.js';
export type * from './schema.js';
export { syncCodeLabels, syncIndicatorRatios, type IndicatorRatio } from './catalog-tables.js';
export { prepareOnce } from './statements.js';
