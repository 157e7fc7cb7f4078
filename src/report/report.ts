import type { Warehouse } from '../warehouse/index.js';
import { chartPoints, chartSvg } from './charts.js';
import { conflicts, documents, ratioParts, type ReportScope, scopedCommunes, series, unmapped } from './data.js';
import { conflictsSection, coverageSection, esc, page, unmappedSection } from './html.js';
import { reportCatalog, text } from './texts.js';

/**
 * The data-quality report: one self-contained HTML page (styles inline, charts inline SVG, no
 * script, nothing fetched) — coverage, conflicts, unmapped labels, key indicators over time.
 */
export async function buildReport(wh: Warehouse, scope: ReportScope, describeScope: string, now = new Date()): Promise<string> {
  const { charts } = reportCatalog();
  const points = series(wh, scope, charts.map((c) => c.indicator));
  const parts = ratioParts(wh, charts.map((c) => c.indicator));
  const svgs: string[] = [];
  for (const c of charts) {
    const data = chartPoints(c.indicator, points, parts.find((p) => p.rate === c.indicator));
    svgs.push(
      `<figure class="chart" data-indicator="${esc(c.indicator)}">${data.length ? await chartSvg(c.title, c.indicator, data) : `<figcaption>${esc(c.title)}</figcaption><p>${esc(text('no_data'))}</p>`}</figure>`,
    );
  }
  const chartsSection = `<section id="charts"><h2>${esc(text('charts'))}</h2><p class="note">${esc(text('charts_note'))}</p><div class="charts">${svgs.join('')}</div></section>`;
  return page({
    scope: describeScope,
    warehouse: wh.path,
    generatedAt: now.toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
    sections: [coverageSection(documents(wh, scope), scopedCommunes(wh, scope)), chartsSection, conflictsSection(conflicts(wh, scope)), unmappedSection(unmapped(wh, scope))],
  });
}
