import { z } from 'zod';
import { indicatorCatalogue, loadCatalog } from '../catalog/index.js';

const ReportFile = z
  .object({
    charts: z.array(z.object({ indicator: z.string(), title: z.string().min(1) }).strict()).min(1),
    texts: z.record(z.string(), z.string()),
  })
  .strict()
  .superRefine((file, ctx) => {
    const catalogue = indicatorCatalogue();
    file.charts.forEach((c, i) => {
      if (!catalogue.get(c.indicator)) ctx.addIssue({ code: 'custom', path: ['charts', i, 'indicator'], message: `unknown indicator ${c.indicator}` });
    });
  });
export type ReportFile = z.infer<typeof ReportFile>;

let cached: ReportFile | undefined;

/** catalog/report.yaml: the charted indicators and the page's texts. */
export function reportCatalog(): ReportFile {
  cached ??= loadCatalog('report.yaml', ReportFile);
  return cached;
}

/** A text of the page; a missing key is a catalogue bug, not something to print as "undefined". */
export function text(key: string): string {
  const t = reportCatalog().texts[key];
  if (t === undefined) throw new Error(`catalog/report.yaml: no text "${key}"`);
  return t;
}
