import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { ExitCode } from './exit-codes.js';

/**
 * Every command, as a module that registers itself. Modules import their heavy dependencies
 * (parsers, SQLite, the commune registry) inside their action, so `cchc --help` loads none of them.
 * Add a command: a file in commands/ exporting `register(program)`, and one line here.
 */
const COMMANDS = [
  () => import('./commands/run.js'),
  () => import('./commands/ingest.js'),
  () => import('./commands/backfill.js'),
  () => import('./commands/indicators.js'),
  () => import('./commands/unmapped.js'),
  () => import('./commands/conflicts.js'),
  () => import('./commands/override.js'),
  () => import('./commands/reconcile.js'),
  () => import('./commands/export.js'),
  () => import('./commands/report.js'),
  () => import('./commands/narrative.js'),
];

/** The version package.json declares (the same relative path from src/cli and dist/cli). */
function packageVersion(): string {
  return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
}

export async function main(argv: readonly string[]): Promise<void> {
  const program = new Command();
  program
    .name('cchc')
    .description('Ingest commune administrative-reform (CCHC) reports into a SQLite warehouse')
    .version(packageVersion(), '-V, --version')
    // A wrong command line is one line naming what is wrong (and, for a choice, the valid values):
    // no help screen after it. Through console.error, like every other message.
    .configureOutput({ outputError: (text) => console.error(`cchc: ${text.trim().replace(/^error: /, '')}`) })
    .exitOverride();
  for (const load of COMMANDS) (await load()).register(program);
  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      process.exitCode = err.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
      return;
    }
    console.error(`cchc: ${err instanceof Error ? err.message : String(err)}`);
    // A bug of ours (code `internal`, model/errors.ts; not imported here, to keep start-up light)
    // always shows where it is; other failures only when asked.
    if (err instanceof Error && (process.env.CCHC_DEBUG || (err as { code?: unknown }).code === 'internal')) console.error(err.stack);
    process.exitCode = ExitCode.failed;
  }
}
