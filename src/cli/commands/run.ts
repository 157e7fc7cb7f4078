import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('run')
    .description('run a pipeline declared in pipelines/<name>.yaml (e.g. nightly)')
    .argument('<pipeline>', 'pipeline name or path to its .yaml')
    .option('--db <path>', 'override the warehouse file the pipeline declares')
    .action(async (name: string, opts: { db?: string }) => {
      const { loadPipeline } = await import('../../pipeline/index.js');
      const { runIngest } = await import('../run-ingest.js');
      const p = await loadPipeline(name);
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
      });
    });
}
