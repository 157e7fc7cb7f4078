/**
 * Numbers as a Vietnamese reader expects them in explanations: dot thousands, comma decimals
 * (114.984.119; 116,15). Written out rather than left to Intl so that output does not depend on
 * the ICU data a Node build ships with.
 */
export function formatNumber(x: number, maxDecimals = 2): string {
  const sign = x < 0 ? '-' : '';
  const abs = Math.abs(x);
  const f = 10 ** maxDecimals;
  const rounded = Math.round(abs * f) / f;
  const [whole, frac] = rounded.toFixed(maxDecimals).split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const decimals = (frac ?? '').replace(/0+$/, '');
  return sign + grouped + (decimals ? ',' + decimals : '');
}

/** Fills `{name}` placeholders; an unknown name stays visible rather than vanishing. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) => {
    const v = values[name];
    return v === undefined ? all : typeof v === 'number' ? formatNumber(v) : v;
  });
}

/** JSON with object keys in a fixed order, so that equal data always gives equal bytes. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeys((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}
