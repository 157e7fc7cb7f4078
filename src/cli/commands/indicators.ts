import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('indicators')
    .description('list the indicator catalogue (catalog/indicators.yaml)')
    .option('--format <format>', 'table, csv or json', 'table')
    .option('--section <n>', 'only this section (1–7)')
    .action(async (opts: { format: string; section?: string }) => {
      const { indicatorCatalogue } = await import('../../catalog/index.js');
      const { render, parseFormat } = await import('../output.js');
      const rows = indicatorCatalogue()
        .all.filter((i) => !opts.section || i.section === opts.section)
        .map((i) => ({ key: i.key, code: i.code, type: i.type, unit: i.unit ?? '', appendix: i.appendix ? 'yes' : 'no', name: i.name }));
      console.log(render(rows, parseFormat(opts.format)));
    });
}
