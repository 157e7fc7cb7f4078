export { openWarehouse, type Warehouse } from './open.js';
export type * from './schema.js';
