import { codeLabel } from '../catalog/index.js';
import type { ConflictRow, DocumentCell, UnmappedRow } from './data.js';
import { text } from './texts.js';

/** Everything a page interpolates goes through here: text from files is never markup. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** A number the Vietnamese way (1.234,5); text as it is. */
export function vn(value: unknown): string {
  return typeof value === 'number' ? NUMBER.format(value) : String(value ?? '');
}

const slug = (s: string) => s.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();

export interface CoverageCommune {
  readonly key: string;
  readonly name: string;
}

/** The grid communes × periods: what arrived for each, what is missing, what was rejected and why. */
export function coverageSection(docs: readonly DocumentCell[], extraCommunes: readonly CoverageCommune[]): string {
  const placed = docs.filter((d) => d.communeKey && d.periodKey);
  const unplaced = docs.filter((d) => !(d.communeKey && d.periodKey));
  const periods = [...new Set(placed.map((d) => d.periodKey!))].sort();
  const communes = new Map<string, string>();
  for (const c of extraCommunes) communes.set(c.key, c.name);
  for (const d of placed) if (!communes.has(d.communeKey!)) communes.set(d.communeKey!, d.communeName ?? d.communeKey!);
  const cell = (commune: string, period: string) => {
    const here = placed.filter((d) => d.communeKey === commune && d.periodKey === period);
    if (!here.length) return `<td class="missing">${esc(text('missing'))}</td>`;
    const items = here.map((d) =>
      d.status === 'loaded'
        ? `<li class="ok" title="${esc(d.fileName)}">✓ ${esc(codeLabel('document_kind', d.kind))} (${esc(d.format)})</li>`
        : `<li class="bad" title="${esc(d.fileName)}">✗ ${esc(text('rejected'))}: ${esc(d.error)}</li>`,
    );
    const state = here.some((d) => d.status === 'loaded') ? 'arrived' : 'rejected';
    return `<td class="${state}"><ul>${items.join('')}</ul></td>`;
  };
  const rows = [...communes].map(([key, name]) => `<tr><th scope="row">${esc(name)}<br><small>${esc(key)}</small></th>${periods.map((p) => cell(key, p)).join('')}</tr>`);
  const grid = periods.length
    ? `<table class="grid"><thead><tr><th>${esc(text('commune'))}</th>${periods.map((p) => `<th>${esc(p)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`
    : `<p>${esc(text('no_data'))}</p>`;
  const list = (title: string, docs: readonly DocumentCell[], second: (d: DocumentCell) => string, head: string) =>
    docs.length
      ? `<h3>${esc(text(title))}</h3><table><thead><tr><th>${esc(text('file'))}</th><th>${esc(text(head))}</th></tr></thead><tbody>${docs
          .map((d) => `<tr><td>${esc(d.fileName)}</td><td>${esc(second(d))}</td></tr>`)
          .join('')}</tbody></table>`
      : '';
  // Files that belong to no single commune-period: rejected ones (why), and loaded exports that span periods.
  const rejected =
    list('rejected_unplaced', unplaced.filter((d) => d.status === 'rejected'), (d) => d.error ?? '', 'reason') +
    list('loaded_unplaced', unplaced.filter((d) => d.status === 'loaded'), (d) => `${d.communeName ?? ''} · ${codeLabel('document_kind', d.kind)} (${d.format})`, 'commune');
  return `<section id="coverage"><h2>${esc(text('coverage'))}</h2><p class="note">${esc(text('coverage_note'))}</p>${grid}${rejected}</section>`;
}

/** Conflicts grouped by severity, kind and rule, worst first; each group links to its conflicts' values and quotes. */
export function conflictsSection(rows: readonly ConflictRow[]): string {
  const groups = new Map<string, ConflictRow[]>();
  for (const r of rows) {
    const key = `${r.severity}|${r.kind}|${r.rule}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  if (!rows.length) return `<section id="conflicts"><h2>${esc(text('conflicts'))}</h2><p>${esc(text('none'))}</p></section>`;
  const summary = [...groups].map(([key, list]) => {
    const r = list[0]!;
    return `<tr class="sev-${esc(r.severity)}"><td>${esc(codeLabel('severity', r.severity))}</td><td>${esc(codeLabel('kind', r.kind))}</td><td><a href="#g-${slug(key)}">${esc(codeLabel('rule', r.rule))}</a></td><td class="num">${vn(list.length)}</td></tr>`;
  });
  const details = [...groups].map(([key, list]) => {
    const r0 = list[0]!;
    const items = list.map((r) => {
      const values = r.values
        .map((v) => `<tr><td>${esc(v.indicator ?? '')}</td><td class="num">${esc(v.printed ?? vn(v.value))}</td><td>${esc(v.label ?? '')}</td><td>${esc(v.source ?? '')}</td><td class="quote">${esc(v.quote ?? '')}</td></tr>`)
        .join('');
      return `<article id="c-${esc(r.id)}"><h4>${esc(r.communeName ?? r.communeKey)} · ${esc(r.periodKey)}</h4><p>${esc(r.message)}</p><p class="note">${esc(text('decision'))}: ${esc(r.decision)}</p>
        <table><thead><tr><th>${esc(text('label'))}</th><th>${esc(text('value'))}</th><th>${esc(text('method'))}</th><th>${esc(text('source'))}</th><th>${esc(text('quote'))}</th></tr></thead><tbody>${values}</tbody></table></article>`;
    });
    return `<div class="group" id="g-${slug(key)}"><h3>${esc(codeLabel('severity', r0.severity))} · ${esc(codeLabel('rule', r0.rule))}</h3>${items.join('')}</div>`;
  });
  return `<section id="conflicts"><h2>${esc(text('conflicts'))}</h2><p class="note">${esc(text('conflicts_note'))}</p>
    <table><thead><tr><th>${esc(text('severity'))}</th><th>${esc(text('kind'))}</th><th>${esc(text('rule'))}</th><th>${esc(text('count'))}</th></tr></thead><tbody>${summary.join('')}</tbody></table>${details.join('')}</section>`;
}

export function unmappedSection(rows: readonly UnmappedRow[]): string {
  const body = rows.length
    ? `<table><thead><tr><th>${esc(text('label'))}</th><th>${esc(text('method'))}</th><th>${esc(text('seen'))}</th><th>${esc(text('example'))}</th><th>${esc(text('file'))}</th></tr></thead><tbody>${rows
        .map((r) => `<tr><td>${esc([r.rowCode, r.rowLabel].filter(Boolean).join(' '))}</td><td>${esc(codeLabel('method', r.method))}</td><td class="num">${vn(r.seen)}</td><td>${esc(r.example)}</td><td>${esc(r.file)}</td></tr>`)
        .join('')}</tbody></table>`
    : `<p>${esc(text('none'))}</p>`;
  return `<section id="unmapped"><h2>${esc(text('unmapped'))}</h2><p class="note">${esc(text('unmapped_note'))}</p>${body}</section>`;
}

const STYLE = `
body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:1200px}
h1{font-size:1.6rem}h2{border-bottom:2px solid #ccc;padding-bottom:.2rem;margin-top:2.5rem}
table{border-collapse:collapse;margin:.5rem 0 1rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}
.num{text-align:right}.note{color:#555;font-size:.9rem}.quote{font-style:italic;color:#444;max-width:28rem}
.grid ul{list-style:none;margin:0;padding:0}.grid td{min-width:9rem;font-size:.85rem}
td.missing{background:#f4f4f4;color:#888}td.arrived{background:#eef8ee}td.rejected{background:#fdecec}
li.bad{color:#a00}tr.sev-major td:first-child{color:#a00;font-weight:bold}tr.sev-minor td:first-child{color:#a60}
.charts{display:flex;flex-wrap:wrap;gap:1rem}.chart{border:1px solid #ddd;padding:.5rem}
article{margin:0 0 1rem 1rem}
`;

export function page(parts: { scope: string; warehouse: string; generatedAt: string; sections: readonly string[] }): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${esc(text('title'))}</title><style>${STYLE}</style></head>
<body><h1>${esc(text('title'))}</h1>
<p class="note">${esc(text('warehouse'))}: ${esc(parts.warehouse)} · ${esc(text('filters'))}: ${esc(parts.scope)} · ${esc(text('generated'))}: ${esc(parts.generatedAt)}</p>
${parts.sections.join('\n')}
</body></html>
`;
}
