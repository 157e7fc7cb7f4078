import type { IndicatorCatalogue } from '../catalog/index.js';
import { fold } from '../text/index.js';
import { cmp } from './candidates.js';
import { fill } from './format.js';
import type { ConflictDraft } from './conflict.js';
import type { Rules } from './rules.js';
import { communeKeyOf, familyOf, observationRef, sourceOf, sourceText } from './sources.js';
import type { ReconObservation } from './types.js';
import { pushTo } from '../model/index.js';

const CODE = /^\d+(?:\.\d+)*$/;

/**
 * Checks on how an appendix table is numbered, one document at a time: a code printed twice for two
 * different rows (the 2024 template's second "4.2"), and a gap in a numbered run (5.1, 5.2, 5.4).
 */
export function structureConflicts(observations: readonly ReconObservation[], rules: Rules, catalogue: IndicatorCatalogue): ConflictDraft[] {
  const byFamily = new Map<string, ReconObservation[]>();
  for (const o of observations) {
    if (o.method !== 'table' || !o.rowCode || !CODE.test(o.rowCode.trim())) continue;
    // Copies of one appendix (Excel and PDF) are one table: report its numbering once.
    const family = familyOf(o, rules.family);
    const list = byFamily.get(family) ?? [];
    list.push(o);
    byFamily.set(family, list);
  }
  const out: ConflictDraft[] = [];
  for (const family of [...byFamily.keys()].sort(cmp)) {
    const rows = byFamily.get(family)!;
    const first = rows[0]!;
    const communeKey = first.document.communeKey ?? communeKeyOf(first);
    const periodKey = first.document.periodKey ?? first.periodKey;
    if (!communeKey || !periodKey) continue;
    const base = { communeKey, communeCode: first.communeCode, communeName: first.communeName, periodKey };
    const value = (o: ReconObservation) => ({
      indicator: o.indicatorKey ?? '',
      value: o.valueNum ?? o.valueText,
      printed: o.rawText,
      label: sourceOf(o, rules).label,
      source: sourceText(o),
      observation: observationRef(o),
      quote: o.rowLabel,
    });

    // Rows sharing a code, told apart by their folded label.
    const byCode = new Map<string, ReconObservation[]>();
    for (const o of rows) {
      const code = o.rowCode!.trim();
      pushTo(byCode, code, o);
    }
    for (const [code, list] of byCode) {
      const labels = [...new Map(list.map((o) => [fold(o.rowLabel ?? ''), o] as const)).values()];
      if (labels.length < 2) continue;
      out.push({
        ...base,
        indicators: [...new Set(labels.map((o) => o.indicatorKey ?? ''))].filter(Boolean).sort(cmp),
        rule: 'structure: duplicate_code',
        kind: 'structure',
        severity: rules.structure.duplicate_code.severity,
        verdict: 'duplicate_code',
        values: labels.map(value),
        message: fill(rules.messages.duplicate_code, { code, labels: labels.map((o) => `"${o.rowLabel ?? ''}"`).join(' / ') }),
        decision: rules.messages.decision_info,
      });
    }

    // Gaps: siblings under one parent numbered 1, 2, 4 miss 3. Only gaps inside a run count:
    // where a run ends is the template's business.
    // A code is present when printed, when a longer code under it is printed (5.1 for 5.1.1), or when
    // an uncoded sub-row mapped under it is (1.3 for "Ban hành Quyết định giao nhiệm vụ CCHC"):
    // extractors may drop group rows that carry no figure.
    const present = new Set<string>();
    for (const o of rows) {
      const parts = o.rowCode!.trim().split('.');
      for (let i = 1; i <= parts.length; i++) present.add(parts.slice(0, i).join('.'));
    }
    for (const o of observations) {
      if (o.method !== 'table' || !o.indicatorKey || familyOf(o, rules.family) !== family) continue;
      for (const key of [o.indicatorKey, ...catalogue.ancestors(o.indicatorKey)]) {
        const code = catalogue.get(key)?.code;
        if (code && CODE.test(code)) present.add(code);
      }
    }
    const siblings = new Map<string, Set<number>>();
    for (const code of present) {
      const parts = code.split('.');
      const parent = parts.slice(0, -1).join('.');
      const set = siblings.get(parent) ?? new Set<number>();
      set.add(Number(parts.at(-1)));
      siblings.set(parent, set);
    }
    // Sections (1–7) are left out: a section row carries no figure, so a partial table (one section
    // only, or rows lost to an unreadable page) would read as missing sections.
    siblings.delete('');
    for (const parent of [...siblings.keys()].sort(cmp)) {
      const nums = [...siblings.get(parent)!].sort((a, b) => a - b);
      const run = nums.map((n) => (parent ? `${parent}.${n}` : `${n}`)).join(', ');
      for (let i = 1; i < nums.length; i++) {
        for (let missing = nums[i - 1]! + 1; missing < nums[i]!; missing++) {
          const code = parent ? `${parent}.${missing}` : `${missing}`;
          out.push({
            ...base,
            indicators: [],
            rule: 'structure: missing_code',
            kind: 'structure',
            severity: rules.structure.missing_code.severity,
            verdict: 'missing_code',
            // The document names where the gap was seen: the Excel and PDF copies each show it.
            values: [{ indicator: '', value: null, printed: code, label: sourceOf(first, rules).label, source: first.document.fileName, observation: null, quote: null }],
            message: fill(rules.messages.missing_code, { code, run }),
            decision: rules.messages.decision_info,
          });
        }
      }
    }
  }
  return out;
}
