import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { z } from 'zod';

/**
 * Catalogues are YAML files under `catalog/` at the package root: domain knowledge (labels, aliases,
 * patterns, vocabularies, rules) lives there as data, validated by a zod schema when loaded.
 * This file sits two levels below the root both in `src/` (tsx, vitest) and in `dist/` (built).
 */
export const CATALOG_DIR = fileURLToPath(new URL('../../catalog/', import.meta.url));

/** Reads `catalog/<name>`, parses YAML and validates it; a bad catalogue fails loudly, naming the file. */
export function loadCatalog<S extends z.ZodType>(name: string, schema: S): z.infer<S> {
  const path = `${CATALOG_DIR}${name}`;
  const text = readFileSync(path, 'utf8').normalize('NFC');
  const result = schema.safeParse(parse(text));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`catalog/${name}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}
