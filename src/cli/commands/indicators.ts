import type { Command } from 'commander';
import { formatOption, type OutputFormat } from '../output.js';

export function register(program: Command): void {
  program
    .command('indicators')
    .description('list the indicator catalogue (catalog/indicators.yaml)')
    .addOption(formatOption())
    .option('--section <n>', 'only this section (1–7)')
    .action(async (opts: { format: OutputFormat; section?: string }) => {
      const { indicatorCatalogue } = await import('../../catalog/index.js');
      const { render } = await import('../output.js');
      const catalogue = indicatorCatalogue();
      // A sub-row's name alone is ambiguous ("UBND huyện" under 1.4.1 and 1.4.2): the label carries
      // the code of the nearest coded row above it, as the warehouse's indicator_labels view does.
      const codeOf = (key: string | undefined): string => {
        for (let ind = key ? catalogue.get(key) : undefined; ind; ind = ind.parent ? catalogue.get(ind.parent) : undefined) if (ind.code) return ind.code;
        return '';
      };
      const rows = catalogue.all
        .filter((i) => !opts.section || i.section === opts.section)
        .map((i) => {
          const code = i.code || codeOf(i.parent);
          return { key: i.key, code: i.code, type: i.type, unit: i.unit ?? '', appendix: i.appendix ? 'có' : 'không', name: i.name, label: code ? `${code} — ${i.name}` : i.name };
        });
      console.log(render(rows, opts.format));
    });
}
