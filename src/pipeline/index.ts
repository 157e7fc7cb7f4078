export { describeOutcome, ingestPaths, type FileOutcome, type FileStatus, type IngestOptions, type IngestSummary } from './ingest.js';
export { listFiles } from './list-files.js';
export { PipelineDeclaration, loadPipeline } from './pipeline-config.js';
export { backfill, fileClues, folderBatches, type BackfillOptions, type BackfillProgress, type BackfillSummary, type FileClues } from './backfill.js';
