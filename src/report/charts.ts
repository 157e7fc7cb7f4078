import { indicatorCatalogue } from '../catalog/index.js';
import type { SeriesPoint } from './data.js';
import { text } from './texts.js';

/** Vietnamese number formatting for every chart: "1.234,5". */
const LOCALE = { number: { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' đ'] as [string, string] } };

export interface ChartPoint {
  readonly period: string;
  readonly series: string;
  readonly aggregate: boolean;
  readonly value: number;
}

/**
 * The points of one indicator's chart: a line per commune, and one for all of them together —
 * counts and money summed, a rate recomputed from its numerator and denominator summed over the
 * communes that gave both (a rate is never averaged; without parts there is no "together" line).
 */
export function chartPoints(indicator: string, points: readonly SeriesPoint[], parts: { numerator: string; denominator: string } | undefined): ChartPoint[] {
  const ind = indicatorCatalogue().get(indicator);
  const own = points.filter((p) => p.indicatorKey === indicator);
  const out: ChartPoint[] = own.map((p) => ({ period: p.periodKey, series: p.communeName, aggregate: false, value: p.value }));
  const communes = new Set(own.map((p) => p.communeKey));
  if (communes.size < 2) return out;
  const byPeriod = new Map<string, SeriesPoint[]>();
  for (const p of points) byPeriod.set(p.periodKey, [...(byPeriod.get(p.periodKey) ?? []), p]);
  for (const [period, list] of [...byPeriod].sort(([a], [b]) => a.localeCompare(b))) {
    let value: number | undefined;
    if (ind?.type === 'percent') {
      if (!parts) continue;
      let num = 0;
      let den = 0;
      const byCommune = new Map<string, Map<string, number>>();
      for (const p of list) byCommune.set(p.communeKey, (byCommune.get(p.communeKey) ?? new Map()).set(p.indicatorKey, p.value));
      for (const values of byCommune.values()) {
        const n = values.get(parts.numerator);
        const d = values.get(parts.denominator);
        if (n !== undefined && d !== undefined) [num, den] = [num + n, den + d];
      }
      if (den > 0) value = Math.round((10_000 * num) / den) / 100;
    } else {
      const mine = list.filter((p) => p.indicatorKey === indicator);
      if (mine.length) value = mine.reduce((s, p) => s + p.value, 0);
    }
    if (value !== undefined) out.push({ period, series: text('aggregate'), aggregate: true, value });
  }
  return out;
}

/** One chart as inline SVG, drawn by Vega-Lite compiled to Vega and rendered without a browser. */
export async function chartSvg(title: string, indicator: string, data: readonly ChartPoint[]): Promise<string> {
  const [vega, vl] = await Promise.all([import('vega'), import('vega-lite')]);
  const percent = indicatorCatalogue().get(indicator)?.type === 'percent';
  const spec = vl.compile({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, anchor: 'start' },
    width: 520,
    height: 220,
    data: { values: data.map((d) => ({ ...d })) },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'period', type: 'ordinal', title: text('period'), sort: 'ascending', axis: { labelAngle: 0 } },
      y: { field: 'value', type: 'quantitative', title: null, axis: { format: percent ? ',.1f' : ',.0f' } },
      color: { field: 'series', type: 'nominal', title: text('commune') },
      strokeDash: { field: 'aggregate', type: 'nominal', legend: null },
      tooltip: [
        { field: 'series', title: text('commune') },
        { field: 'period', title: text('period') },
        { field: 'value', title: text('value'), format: percent ? ',.2f' : ',.0f' },
      ],
    },
    config: { font: 'sans-serif', view: { stroke: null } },
  }).spec;
  // The View takes the locale as d3-format specs ({ number, time }) and builds the formatters
  // itself (vega-view's constructor), whatever its typings say.
  const view = new vega.View(vega.parse(spec), { renderer: 'none', locale: LOCALE as unknown as import('vega').LocaleFormatters });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
