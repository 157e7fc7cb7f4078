import type { Command } from 'commander';
import { indicatorCatalogue, type Indicator } from '../../catalog/index.js';
import { extractNarrative, type PageText } from '../../extract/narrative/index.js';
import type { ExtractedFigure } from '../../model/index.js';
import { parseFigure } from '../../normalize/normalize-document.js';

/** One printed number of a narrative, as `cchc narrative` prints it (one JSON object per line). */
export interface NarrativeLine {
  readonly file: string;
  readonly page: number;
  readonly section: string | null;
  readonly quote: string;
  readonly raw: string;
  readonly value: number | boolean | string | null;
  readonly indicator_key: string | null;
  readonly span: readonly [number, number] | null;
  readonly why: unknown;
}

export function register(program: Command): void {
  program
    .command('narrative')
    .description('print every number of a report narrative (PDF, or UTF-8 text: one paragraph per line) with the indicator it maps to; writes nothing')
    .argument('<files...>', 'report PDFs or text files')
    .action(async (files: string[]) => {
      const { readFile } = await import('node:fs/promises');
      const { createHash } = await import('node:crypto');
      const { extractPdf } = await import('../../extract/pdf/index.js');
      const { pagesOfTextLines } = await import('../../extract/narrative/text-file.js');
      const { ExitCode } = await import('../exit-codes.js');
      for (const file of files) {
        try {
          const bytes = await readFile(file);
          let lines: NarrativeLine[];
          if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
            // The PDF path ingest uses: the same pages, the same extractor, the same figures.
            const sha256 = createHash('sha256').update(bytes).digest('hex');
            const doc = await extractPdf({ path: file, bytes, sha256 }, { config: { maxBytes: Infinity } });
            lines = linesOf(file, doc.figures.filter((f) => f.method === 'narrative'));
          } else {
            lines = narrativeFigures(file, pagesOfTextLines(bytes.toString('utf8').split(/\r\n|\r|\n/)));
          }
          for (const line of lines) console.log(JSON.stringify(line));
        } catch (err) {
          console.error(`${file}: ${err instanceof Error ? err.message : String(err)}`);
          process.exitCode = ExitCode.partial;
        }
      }
    });
}

/** The narrative figures of some pages (the extractor ingest runs), each with the value the normaliser stores. */
export function narrativeFigures(file: string, pages: readonly PageText[]): NarrativeLine[] {
  return linesOf(file, extractNarrative(pages));
}

function linesOf(file: string, figures: readonly ExtractedFigure[]): NarrativeLine[] {
  const catalogue = indicatorCatalogue();
  return figures.map((f) => {
    const indicator = f.indicatorKey ? catalogue.get(f.indicatorKey) : undefined;
    const span = f.details?.['span'];
    return {
      file,
      page: f.provenance.page ?? 1,
      section: typeof f.details?.['section'] === 'string' ? f.details['section'] : null,
      quote: f.provenance.quote ?? '',
      raw: f.raw,
      value: indicator ? figureValue(f, indicator) : null,
      indicator_key: indicator?.key ?? null,
      span: Array.isArray(span) && span.length === 2 ? [Number(span[0]), Number(span[1])] : null,
      why: f.details?.['why'] ?? (f.details?.['pattern'] ? { pattern: f.details['pattern'] } : null),
    };
  });
}

/** The value as ingest stores it: the normaliser's own reading of the figure, in the indicator's unit. */
function figureValue(f: ExtractedFigure, indicator: Indicator): number | boolean | string | null {
  const parsed = parseFigure(f, indicator.type, indicator);
  if (indicator.type === 'boolean') return parsed.kind === 'boolean' ? parsed.num === 1 : null;
  if (indicator.type === 'text') return parsed.text;
  return parsed.num;
}
