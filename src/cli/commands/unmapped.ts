import type { Command } from 'commander';
import { formatOption, type OutputFormat } from '../output.js';
import { DEFAULT_DB } from './ingest.js';

export function register(program: Command): void {
  program
    .command('unmapped')
    .description('list row labels and narrative figures that matched no indicator, to grow the catalogue')
    .option('--db <path>', 'warehouse file', DEFAULT_DB)
    .addOption(formatOption())
    .action(async (opts: { db: string; format: OutputFormat }) => {
      const { openWarehouseReadOnly } = await import('../../warehouse/index.js');
      const { render } = await import('../output.js');
      const { sql } = await import('kysely');
      const wh = await openWarehouseReadOnly(opts.db);
      try {
        const rows = await wh.db
          .selectFrom('observations as o')
          .innerJoin('documents as d', 'd.sha256', 'o.document_sha256')
          .select([
            'o.method',
            'o.row_code',
            'o.row_label',
            'o.unit',
            sql<number>`count(*)`.as('seen'),
            sql<string>`min(o.raw_text)`.as('example_value'),
            sql<string>`min(d.file_name)`.as('example_file'),
          ])
          .where('o.mapped', '=', 0)
          .groupBy(['o.method', 'o.row_label', 'o.row_code', 'o.unit'])
          .orderBy('seen', 'desc')
          .orderBy('o.row_label')
          .execute();
        const { codeLabel } = await import('../../export/index.js');
        console.log(render(rows.map((r) => ({ ...r, method_vi: codeLabel('method', r.method) })), opts.format));
      } finally {
        await wh.close();
      }
    });
}
