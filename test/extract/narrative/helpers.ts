import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { indicatorCatalogue } from '../../../src/catalog/index.js';
import { extractNarrative, pagesOfTextLines } from '../../../src/extract/narrative/index.js';
import { parseFigure } from '../../../src/normalize/normalize-document.js';
import type { ExtractedFigure } from '../../../src/model/index.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The narrative of the sample report, committed so that the tests do not need ../shared. */
export const fixturePath = path.join(repoRoot, 'fixtures/source/ban-thi-2024/narrative.txt');
/** The whole sample report (narrative, signature, appendix), where CI has it. */
export const seedPath = path.resolve(repoRoot, '../shared/seeds/000_2187fbe5bdf4b2a4.txt');
export const seedAvailable = existsSync(seedPath);

export const readFixture = (): string => readFileSync(fixturePath, 'utf8');

/** One sentence or paragraph on page 1. */
export function extractText(text: string): ExtractedFigure[] {
  return extractNarrative([{ page: 1, text }]);
}

/** A paragraph under a heading line, read as `cchc narrative` reads a text file. */
export function under(heading: string, text: string): ExtractedFigure[] {
  return extractNarrative(pagesOfTextLines([heading, text]));
}

/** The raw texts of the figures mapped to `key`, in reading order. */
export function raws(figures: readonly ExtractedFigure[], key: string): string[] {
  return figures.filter((f) => f.indicatorKey === key).map((f) => f.raw);
}

/** `{ indicatorKey: raw }` of every mapped figure (a key mapped twice keeps the first). */
export function mappedOf(figures: readonly ExtractedFigure[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of figures) if (f.indicatorKey && !(f.indicatorKey in out)) out[f.indicatorKey] = f.raw;
  return out;
}

/** The one mapped figure with this key and raw text; fails if there is none. */
export function figure(figures: readonly ExtractedFigure[], key: string, raw: string, nth = 0): ExtractedFigure {
  const hits = figures.filter((f) => f.indicatorKey === key && f.raw === raw);
  expect(hits.length, `${key} = ${raw}`).toBeGreaterThan(nth);
  return hits[nth]!;
}

export const unmapped = (figures: readonly ExtractedFigure[]): ExtractedFigure[] => figures.filter((f) => !f.indicatorKey);

/** `key → value` as ingest stores it (the normaliser's reading of each mapped figure). */
export function values(figures: readonly ExtractedFigure[]): Record<string, number | boolean | string | null> {
  const out: Record<string, number | boolean | string | null> = {};
  for (const f of figures) {
    if (!f.indicatorKey) continue;
    const indicator = indicatorCatalogue().get(f.indicatorKey)!;
    const parsed = parseFigure(f, indicator.type, indicator);
    out[f.indicatorKey] = indicator.type === 'boolean' ? parsed.num === 1 : indicator.type === 'text' ? parsed.text : parsed.num;
  }
  return out;
}
