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
