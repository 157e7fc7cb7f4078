// A backfill in a process of its own, for the test that kills it (backfill-resume.test.ts).
import { backfill } from '../../src/pipeline/index.js';

const [root, dbPath] = process.argv.slice(2);
await backfill(root!, { dbPath: dbPath!, workers: 2, batchFiles: 3 });
