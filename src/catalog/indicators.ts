import { z } from 'zod';
import { fold, foldAscii } from '../text/index.js';
import { duplicateWords, loadCatalog } from './files.js';
import { valueWords } from './value-words.js';

export const ValueType = z.enum(['section', 'group', 'count', 'percent', 'money', 'boolean', 'text']);
export type ValueType = z.infer<typeof ValueType>;

export const Aggregation = z.enum(['flow', 'stock', 'cumulative', 'ratio', 'none']);
export type Aggregation = z.infer<typeof Aggregation>;

export const IndicatorEntry = z
  .strictObject({
    key: z.string().min(1),
    code: z.string().default(''),
    name: z.string().min(1),
    section: z.string(),
    parent: z.string().optional(),
    unit: z.string().optional(),
    type: ValueType,
    aggregation: Aggregation.optional(),
    appendix: z.boolean().default(true),
    max: z.number().optional(),
    values: z.array(z.string()).optional(),
    aliases: z.array(z.string()).default([]),
    note: z.string().optional(),
  });
export type IndicatorEntry = z.infer<typeof IndicatorEntry>;

/** An indicator with its defaults filled in. */
export interface Indicator extends IndicatorEntry {
  readonly aggregation: Aggregation;
  /** Multiplier from the printed unit to the stored scale (money in đồng). */
  readonly scale: number;
}

/** The file `catalog/indicators.yaml`: entries with unique keys, known parents, each wording once per indicator. */
export const IndicatorCatalogFile = z.array(IndicatorEntry).superRefine((rows, ctx) => {
  const keys = new Set<string>();
  for (const [i, row] of rows.entries()) {
    if (keys.has(row.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `duplicate key ${row.key}` });
    keys.add(row.key);
  }
  // One indicator's name and aliases: each wording once (two indicators may share a label: the
  // matcher tells them apart by code and parent).
  for (const [i, row] of rows.entries()) duplicateWords(ctx, [{ path: [i, 'name'], words: [row.name] }, { path: [i, 'aliases'], words: row.aliases }], fold);
  for (const [i, row] of rows.entries()) {
    if (row.parent && !keys.has(row.parent)) {
      ctx.addIssue({ code: 'custom', path: [i, 'parent'], message: `unknown parent ${row.parent}` });
    }
  }
});

function defaultAggregation(type: ValueType): Aggregation {
  if (type === 'count' || type === 'money') return 'flow';
  if (type === 'percent') return 'ratio';
  return 'none';
}

/** Money units as printed, to đồng (`money` of catalog/value-words.yaml). */
function unitScale(unit: string | undefined): number {
  return valueWords().moneyScale(unit);
}

export { unitScale };

/** The loaded catalogue with the look-ups the matcher needs. */
export class IndicatorCatalogue {
  readonly all: readonly Indicator[];
  private readonly byKey = new Map<string, Indicator>();
  private readonly byLabel = new Map<string, Indicator[]>();
  private readonly byAsciiLabel = new Map<string, Indicator[]>();
  private readonly byCode = new Map<string, Indicator[]>();

  constructor(entries: readonly IndicatorEntry[]) {
    this.all = entries.map((e) => ({
      ...e,
      aggregation: e.aggregation ?? defaultAggregation(e.type),
      scale: e.type === 'money' ? unitScale(e.unit) : 1,
    }));
    for (const ind of this.all) {
      this.byKey.set(ind.key, ind);
      for (const label of [ind.name, ...ind.aliases]) {
        for (const form of labelForms(label)) {
          push(this.byLabel, fold(form), ind);
          push(this.byAsciiLabel, foldAscii(form), ind);
        }
      }
      if (ind.code) push(this.byCode, ind.code, ind);
    }
  }

  get(key: string): Indicator | undefined {
    return this.byKey.get(key);
  }

  /** Every indicator whose name or alias equals the label once folded (diacritics kept). */
  findByLabel(label: string): Indicator[] {
    return firstHit(labelForms(label), (f) => this.byLabel.get(fold(f)));
  }

  /** Same, ignoring diacritics: for labels typed without accents or mangled by an encoding. */
  findByAsciiLabel(label: string): Indicator[] {
    return firstHit(labelForms(label), (f) => this.byAsciiLabel.get(foldAscii(f)));
  }

  findByCode(code: string): Indicator[] {
    return this.byCode.get(code.trim()) ?? [];
  }

  /** Ancestors from the parent up to the section, nearest first. */
  ancestors(key: string): string[] {
    const out: string[] = [];
    let cur = this.byKey.get(key)?.parent;
    while (cur && !out.includes(cur)) {
      out.push(cur);
      cur = this.byKey.get(cur)?.parent;
    }
    return out;
  }
}

/** A label as printed, then without its parenthesised remarks ("(lũy kế đến thời điểm báo cáo)"). */
function labelForms(label: string): string[] {
  const stripped = label.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  return stripped && stripped !== label.trim() ? [label, stripped] : [label];
}

function firstHit(forms: string[], look: (f: string) => Indicator[] | undefined): Indicator[] {
  for (const f of forms) {
    const hit = look(f);
    if (hit?.length) return hit;
  }
  return [];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

let cached: IndicatorCatalogue | undefined;

/** The indicator catalogue from `catalog/indicators.yaml`, loaded once per process. */
export function indicatorCatalogue(): IndicatorCatalogue {
  cached ??= new IndicatorCatalogue(loadCatalog('indicators.yaml', IndicatorCatalogFile));
  return cached;
}
