/**
 * Adds a value to the list a map keeps under a key. Why not `map.set(k, [...(map.get(k) ?? []), v])`:
 * that copies the list at every value, quadratic in its length, and a commune's year can hold tens
 * of thousands of figures (a report resent many times).
 */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
