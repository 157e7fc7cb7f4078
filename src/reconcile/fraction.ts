import { parseNumber, parseValue } from '../normalize/parse-value.js';
import type { ReconObservation } from './types.js';

export interface PrintedFraction {
  readonly numerator: number;
  readonly denominator: number;
  /** Where it was read: the observation's own columns, its Ghi chú cell or its sentence. */
  readonly from: 'columns' | 'note' | 'quote';
  readonly text: string;
}

// A fraction in running text: "61 hồ sơ/196 hồ sơ", "114.984.119đồng/99.000.000 đồng", "64/404TTHC".
// A few unit words may sit between the numerator and the slash.
const IN_TEXT = /(?<![\d/])(\d[\d.,]*)\s*([^\d/();,]{0,12}?)\s*\/\s*(\d[\d.,]*)(?![\d]*\/\d)/gu;

/**
 * The fraction printed with a figure, if any: its own numerator/denominator, else the Ghi chú cell
 * ("64/404TTHC"), else the single fraction of its sentence. A sentence with two fractions ("12/12 …;
 * 9/9 …") is ambiguous and gives none; dates (28/5/2024) are not fractions.
 */
export function printedFraction(obs: ReconObservation): PrintedFraction | undefined {
  if (obs.numerator !== null && obs.denominator !== null) {
    const text = obs.rawText.includes('/') ? obs.rawText : `${obs.numerator}/${obs.denominator}`;
    return { numerator: obs.numerator, denominator: obs.denominator, from: 'columns', text };
  }
  if (obs.note) {
    const p = parseValue(obs.note, { type: 'percent' });
    if (p.kind === 'fraction' && p.numerator !== undefined && p.denominator !== undefined) {
      return { numerator: p.numerator, denominator: p.denominator, from: 'note', text: obs.note };
    }
  }
  if (obs.method === 'narrative') {
    for (const text of [obs.rawText, obs.quote]) {
      const found = text ? fractionsIn(text) : [];
      if (found.length === 1) return { ...found[0]!, from: 'quote' };
      if (found.length > 1) return undefined;
    }
  }
  return undefined;
}

function fractionsIn(text: string): { numerator: number; denominator: number; text: string }[] {
  const out: { numerator: number; denominator: number; text: string }[] = [];
  for (const m of text.matchAll(IN_TEXT)) {
    const numerator = parseNumber(m[1]!, 'count');
    const denominator = parseNumber(m[3]!, 'count');
    if (numerator === null || denominator === null) continue;
    out.push({ numerator, denominator, text: m[0].trim() });
  }
  return out;
}
