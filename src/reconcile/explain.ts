import { clusterValue } from './choose.js';
import type { Cluster } from './candidates.js';
import { fill, formatNumber } from './format.js';
import type { RatioVerdict } from './precision.js';
import type { Rules } from './rules.js';

// How explanations and conflict messages put figures into words; the sentences are templates of the
// rules catalogue, the labels and numbers come from the observations.

/** "in 1,01%, tính được 1,0194% (10/981): …" for a rate that does not match its fraction. */
export function ratioMessage(rules: Rules, verdict: RatioVerdict, printed: string, computed: number, decimals: number, numerator: number, denominator: number): string {
  const template = verdict === 'truncation' ? rules.messages.ratio_truncation : verdict === 'rounding' ? rules.messages.ratio_rounding : rules.messages.ratio_wrong;
  // A wrong rate is shown at its printed precision (116,15%); a near miss two digits further (1,0194%).
  const shown = formatNumber(computed, verdict === 'wrong' ? decimals : decimals + 2);
  return fill(template, { printed, computed: shown, numerator: formatNumber(numerator), denominator: formatNumber(denominator) });
}

/** "Bảng phụ lục (Excel): 11; Thuyết minh: 12 (12/12 nhiệm vụ của UBND tỉnh)": each source once, the chosen value first. */
export function sourcesText(list: readonly Cluster[], chosen: Cluster | undefined, rules: Rules): string {
  const ordered = chosen ? [chosen, ...list.filter((c) => c !== chosen)] : [...list];
  const parts: string[] = [];
  for (const cl of ordered) {
    const shown = clusterValue(cl);
    const seen = new Set<string>();
    for (const c of [...cl.members].sort((a, b) => a.rank - b.rank)) {
      const printed = c.printed.trim();
      const text = printed === '' || samePrintedText(printed, shown) ? `${c.sourceLabel}: ${shown}` : `${c.sourceLabel}: ${shown} (${printed})`;
      if (seen.has(text)) continue;
      seen.add(text);
      parts.push(text);
    }
  }
  return parts.join(rules.messages.sources_joiner);
}

function samePrintedText(printed: string, shown: string): boolean {
  const norm = (s: string) => s.replace(/[\s%]/g, '').replace(/^0+(?=\d)/, '');
  return norm(printed) === norm(shown);
}
