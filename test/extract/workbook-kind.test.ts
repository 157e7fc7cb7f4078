import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { looksLikeOnestop } from '../../src/extract/workbook-kind.js';
import { surveyWorkbook } from '../../src/extract/xlsx/index.js';

const fixture = (p: string) => fileURLToPath(new URL(`../../fixtures/${p}`, import.meta.url));
const kindOf = async (p: string) => looksLikeOnestop((await surveyWorkbook(readFileSync(fixture(p)))).workbook);

describe('a workbook told one-stop from its first rows, before any whole read', () => {
  it.each([
    'onestop/ban-thi-2024-list.xlsx', // dossier header on row 4
    'legacy/onestop-ban-thi-2024-tcvn3-list.xlsx', // header typed in .VnTime
    'onestop/bieu-06-ban-thi-2024.xlsx', // Biểu 06 column-number row
    'onestop/bieu-ii-06a-yen-thinh-2025.xlsx',
  ])('%s is one-stop', async (p) => {
    expect(await kindOf(p)).toBe(true);
  });

  it.each([
    'inbox/ban-thi-2024-phu-luc-II.xlsx',
    'legacy/legacy-tcvn3-nghia-ta-2019.xlsx', // "Chỉ tiêu" typed in .VnTime
    'xlsx/yen-thinh-2021-q3-template-cu.xlsx',
    'bad/no-appendix-table.xlsx',
  ])('%s is left to the appendix reader', async (p) => {
    expect(await kindOf(p)).toBe(false);
  });
});
