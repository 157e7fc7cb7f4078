import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';

/**
 * Catalogues are YAML files under `catalog/` at the package root: domain knowledge (labels, aliases,
 * patterns, vocabularies, rules) lives there as data, validated by a zod schema when loaded.
 * This file sits two levels below the root both in `src/` (tsx, vitest) and in `dist/` (built).
 */
export const CATALOG_DIR = fileURLToPath(new URL('../../catalog/', import.meta.url));

/** Reads `catalog/<name>`, parses YAML and validates it; a bad catalogue fails loudly, naming the file. */
export function loadCatalog<S extends z.ZodType>(name: string, schema: S): z.infer<S> {
  return parseCatalog(`catalog/${name}`, readFileSync(`${CATALOG_DIR}${name}`, 'utf8'), schema);
}

/**
 * Parses and validates catalogue text (NFC first: what is matched must be what is stored). Throws one
 * line naming the file, the line and what is wrong: a YAML error (a key given twice in one mapping is
 * one), a key the schema does not know (schemas are strict: a misspelt key would otherwise be ignored),
 * a wrong value, or a synonym listed twice (see `duplicateWords`).
 */
export function parseCatalog<S extends z.ZodType>(file: string, text: string, schema: S): z.infer<S> {
  const lines = new LineCounter();
  const doc = parseDocument(text.normalize('NFC'), { lineCounter: lines, prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = lines.linePos(yamlError.pos[0]).line;
    throw new Error(`${file}${line ? `:${line}` : ''}: ${yamlError.message.split('\n')[0]}`);
  }
  const result = schema.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const line = lineOf(doc, lines, issue.path, keys[0]);
    const where = issue.path.join('.');
    const what = keys.length ? `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
    throw new Error(`${file}${line ? `:${line}` : ''}: ${where ? `${where}: ` : ''}${what}`);
  }
  return result.data;
}

/** Line (1-based) of the node at `path`, or of its key `key`; the nearest enclosing node's otherwise. */
function lineOf(doc: Document, lines: LineCounter, path: readonly PropertyKey[], key?: string): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true);
    if (n === path.length && key !== undefined && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
      const range = isPair(pair) && isScalar(pair.key) ? pair.key.range : undefined;
      if (range) return lines.linePos(range[0]).line;
    }
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return lines.linePos(range[0]).line;
  }
  return undefined;
}

/**
 * Issues for a word listed twice (once folded by `fold`) among the lists given, wherever they sit:
 * a second listing would silently overwrite or shadow the first. For a schema's `superRefine`.
 */
export function duplicateWords(ctx: z.RefinementCtx, lists: readonly { path: PropertyKey[]; words: readonly string[] }[], fold: (s: string) => string): void {
  const seen = new Map<string, string>();
  for (const list of lists) {
    list.words.forEach((word, i) => {
      // A word that folds to nothing ("-", "*") is compared as printed.
      const key = fold(word) || word;
      const first = seen.get(key);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: [...list.path, i], message: `"${word}" is listed twice (first at ${first})` });
      else seen.set(key, [...list.path, i].join('.'));
    });
  }
}
