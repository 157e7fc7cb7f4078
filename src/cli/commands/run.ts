import type { Command } from 'commander';
import { type LogFormat, logOption } from '../log-option.js';

export function register(program: Command): void {
  program
    .command('run')
    .description('run a pipeline declared in pipelines/<name>.yaml (e.g. nightly)')
    .argument('<pipeline>', 'pipeline name or path to its .yaml')
    .option('--db <path>', 'override the warehouse file the pipeline declares')
    .addOption(logOption())
    .action(async (name: string, opts: { db?: string; log: LogFormat }) => {
      const { loadPipeline } = await import('../../pipeline/index.js');
      const { runIngest } = await import('../run-ingest.js');
      const p = await loadPipeline(name);
      const files = p.files;
      process.exitCode = await runIngest(p.inputs, {
        dbPath: opts.db ?? p.db,
        pipeline: p.name,
        config: {
          maxBytes: p.max_file_mb * 1024 * 1024,
          ...(p.province ? { province: p.province } : {}),
          ...(p.commune ? { commune: p.commune } : {}),
          ...(p.period ? { period: p.period } : {}),
          ...(p.cutoff_day ? { cutoffDay: p.cutoff_day } : {}),
        },
        ...(p.reconcile ? { reconcile: p.reconcile } : {}),
        ...(files
          ? {
              files: {
                ...(files.loaded === 'move' && files.loaded_to ? { loadedTo: files.loaded_to } : {}),
                ...(files.rejected === 'quarantine' && files.quarantine_to ? { quarantineTo: files.quarantine_to } : {}),
              },
            }
          : {}),
        busyTimeoutMs: p.busy_timeout_s * 1000,
        checkpointWaitMs: p.checkpoint_wait_s * 1000,
      }, opts.log);
    });
}
