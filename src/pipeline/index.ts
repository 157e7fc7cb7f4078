export { describeOutcome, ingestPaths, type FileOutcome, type FileStatus, type IngestOptions, type IngestSummary } from './ingest.js';
export { listFiles, type ListedEntry } from './list-files.js';
export { InvalidPipeline, PipelineDeclaration, loadPipeline } from './pipeline-config.js';
export type { FileActions } from './file-actions.js';
export { WarehouseBusy, type LockHolder } from './run-lock.js';
export { backfill, fileClues, folderBatches, type BackfillOptions, type BackfillProgress, type BackfillSummary, type FileClues } from './backfill.js';
