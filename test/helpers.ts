import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever the working directory of the test run. */
export const ROOT = fileURLToPath(new URL('../', import.meta.url));

export function fixture(rel: string): string {
  return join(ROOT, 'fixtures', rel);
}

export function readFixture(rel: string): Buffer {
  return readFileSync(fixture(rel));
}

export function tempDir(prefix = 'cchc-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface SourceRow {
  code: string;
  label: string;
  unit: string;
  value: string;
  note: string;
  style: 'section' | 'row' | 'sub';
}

/** The appendix as transcribed from the seed report: the source of truth the fixtures are made from. */
export function appendixSource(): SourceRow[] {
  return JSON.parse(readFileSync(fixture('source/ban-thi-2024/appendix.json'), 'utf8')) as SourceRow[];
}
