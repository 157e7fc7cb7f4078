import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { main } from '../../src/cli/main.js';
import { fixture, tempDir } from '../helpers.js';

describe('cchc command line', () => {
  let out: string[];
  beforeEach(() => {
    out = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    process.exitCode = undefined;
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  const run = (...args: string[]) => main(['node', 'cchc', ...args]);

  it('ingest prints a line per file and a summary, and exits 3 when some files were rejected', async () => {
    const db = join(tempDir(), 'w.sqlite');
    await run('ingest', fixture('inbox/ban-thi-2024-phu-luc-II.xlsx'), fixture('bad/truncated-workbook.xlsx'), '--db', db);
    expect(process.exitCode).toBe(ExitCode.partial);
    expect(out.some((l) => /^loaded .*ban-thi-2024-phu-luc-II\.xlsx: 88 observations$/.test(l.replace(/ +/g, ' ')))).toBe(true);
    expect(out.some((l) => /^rejected .*truncated-workbook\.xlsx: corrupt or truncated workbook/.test(l.replace(/ +/g, ' ')))).toBe(true);
    expect(out.at(-1)).toMatch(/: 1 loaded, 0 skipped, 1 rejected, 88 observations, 0 warnings in [\d.]+s/);

    process.exitCode = undefined;
    await run('ingest', fixture('inbox/ban-thi-2024-phu-luc-II.xlsx'), '--db', db);
    expect(process.exitCode).toBe(ExitCode.ok);
    expect(out.at(-1)).toMatch(/0 loaded, 1 skipped, 0 rejected, 0 observations/);
  });

  it('unmapped lists labels no indicator matched', async () => {
    const db = join(tempDir(), 'w.sqlite');
    await run('ingest', fixture('xlsx/yen-thinh-2021-q3-template-cu.xlsx'), '--db', db);
    out = [];
    await run('unmapped', '--db', db, '--format', 'csv');
    expect(out.join('\n')).toContain('table,3,Số cuộc kiểm tra CCHC tại các bộ phận,Cuộc,1,2,yen-thinh-2021-q3-template-cu.xlsx');
  });

  it('indicators lists the catalogue', async () => {
    await run('indicators', '--format', 'json', '--section', '4');
    const rows = JSON.parse(out.join('\n')) as { key: string; name: string }[];
    expect(rows.map((r) => r.key)).toContain('4.2.part_time');
    expect(rows.find((r) => r.key === '4.2')?.name).toBe('Số liệu về biên chế công chức');
  });

  it('a wrong command line exits 2', async () => {
    await run('ingest');
    expect(process.exitCode).toBe(ExitCode.usage);
  });

  it('an unknown pipeline fails the run with exit 1 and one line', async () => {
    await run('run', 'no-such-pipeline');
    expect(process.exitCode).toBe(ExitCode.failed);
    expect(out.at(-1)).toMatch(/^cchc: pipeline "no-such-pipeline" not found/);
  });
});
