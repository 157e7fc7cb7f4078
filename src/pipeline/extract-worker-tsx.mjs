// Entry of the backfill's worker threads when the sources run under tsx (tests, `npm run bench`):
// piscina would `require` a .ts file, and tsx's require hook loses the ESM resolution of the
// extractors' dynamic imports; tsx's ESM API loads the worker as the ESM it is.
import { tsImport } from 'tsx/esm/api';

const worker = await tsImport('./extract-worker.ts', import.meta.url);
export default worker.default;
export const reconcileInWorker = worker.reconcileInWorker;
export const checkpointInWorker = worker.checkpointInWorker;
