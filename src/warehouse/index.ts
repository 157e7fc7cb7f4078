export { writeCommunes } from './communes.js';
export { loadDocument, recordRejection, syncIndicators, type DocumentIdentity } from './load-document.js';
export { openWarehouse, type Warehouse } from './open.js';
export { createRecordWriter } from './records.js';
export type * from './schema.js';
