/** `s` as a literal inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A regular-expression alternation of catalogue words, longest first so that "thị trấn" is tried
 * before "thị" and "triệu đồng" before "đồng"; `(?!)` (never matches) when there is none.
 */
export function alternation(words: readonly string[]): string {
  if (words.length === 0) return '(?!)';
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}

/**
 * Every match of a global expression in `text`, as `text.matchAll(re)` gives them, found with the
 * expression itself. `matchAll` runs a copy of the expression, and a copy made after a full garbage
 * collection has lost the compiled code (V8 drops its cache of compiled expressions then): the
 * narrative's hundred patterns were compiled again, at several milliseconds each, after every such
 * collection. `re.lastIndex` is left as it was.
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`matchesOf needs a global expression: ${re}`);
  const before = re.lastIndex;
  const out: RegExpExecArray[] = [];
  try {
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      out.push(m);
      // An empty match moves on by one character (a whole code point in unicode mode), as matchAll does.
      if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, re.unicode || re.flags.includes('v'));
    }
  } finally {
    re.lastIndex = before;
  }
  return out;
}

function advance(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const code = text.charCodeAt(at);
  const next = text.charCodeAt(at + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? at + 2 : at + 1;
}
