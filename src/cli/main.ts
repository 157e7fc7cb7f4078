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
  () => import('./commands/indicators.js'),
  () => import('./commands/unmapped.js'),
  () => import('./commands/conflicts.js'),
  () => import('./commands/override.js'),
  () => import('./commands/reconcile.js'),
  () => import('./commands/narrative.js'),
];

export async function main(argv: readonly string[]): Promise<void> {
  const program = new Command();
  program
    .name('cchc')
    .description('Ingest commune administrative-reform (CCHC) reports into a SQLite warehouse')
    .showHelpAfterError()
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
    if (process.env.CCHC_DEBUG && err instanceof Error) console.error(err.stack);
    process.exitCode = ExitCode.failed;
  }
}
