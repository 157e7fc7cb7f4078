// The command line as a child process runs it (crash and lock tests): `node --import tsx cli-entry.ts <args>`.
import { main } from '../../src/cli/main.js';

await main(process.argv);
