import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { reconcileTouched } from '../../src/reconcile/index.js';
import { tempDir } from '../helpers.js';
import { seedObservations } from './seed.js';
import { freshWarehouse, storeDocument } from './warehouse-io.js';

describe('cchc conflicts and cchc override', () => {
  let db: string;
  let out: string[];
  beforeAll(async () => {
    db = join(tempDir(), 'w.sqlite');
    const wh = await freshWarehouse(db);
    const byDoc = new Map<string, ReturnType<typeof seedObservations>>();
    for (const o of seedObservations()) byDoc.set(o.documentSha256, [...(byDoc.get(o.documentSha256) ?? []), o]);
    for (const d of byDoc.values()) storeDocument(wh, d);
    await reconcileTouched(wh, [{ communeKey: '02035', periodKey: '2024' }]);
    await wh.close();
  });
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
  const run = (...args: string[]) => main(['node', 'cchc', ...args, '--db', db]);

  it('lists conflicts filtered by indicator, as JSON with every value and its source', async () => {
    await run('conflicts', '--indicator', '1.4.1.province', '--format', 'json');
    const rows = JSON.parse(out.join('\n')) as { kind: string; severity: string; values: { value: number; label: string }[] }[];
    expect(rows.map((r) => [r.kind, r.severity])).toEqual([['cross_source', 'major']]);
    expect(rows[0]!.values.map((v) => `${v.label}: ${v.value}`)).toEqual(['Bảng phụ lục (Excel): 11', 'Bảng phụ lục (PDF): 11', 'Thuyết minh: 12']);
  });

  it('filters by severity and prints CSV', async () => {
    await run('conflicts', '--severity', 'major', '--period', '2024', '--commune', 'xã Bản Thi', '--format', 'csv');
    const lines = out.join('\n').split('\r\n');
    expect(lines[0]).toBe('\uFEFFid,commune,period,severity,kind,verdict,indicators,message,decision,severity_vi,kind_vi');
    expect(lines.slice(1).map((l) => l.split(',')[4])).toEqual([
      'cross_source', 'cross_source', 'cross_source', 'cross_source', 'cross_source', 'printed_fraction', 'sum', 'sum',
    ]);
    expect(lines.slice(1).every((l) => l.split(',')[3] === 'major')).toBe(true);
    expect(lines.join('\n')).toContain('116,15%');
  });

  it('matches nothing for a commune it does not know', async () => {
    await run('conflicts', '--commune', 'Nowhere', '--format', 'json');
    expect(JSON.parse(out.join('\n'))).toEqual([]);
  });

  it('records, lists and removes an override', async () => {
    await run('override', '02035', '2024', '1.4.1.district', '9', '--reason', 'Theo biểu của huyện', '--by', 'lan');
    expect(out).toEqual(['override #1 recorded']);
    out = [];
    await run('override', '--list', '--format', 'json');
    expect(JSON.parse(out.join('\n'))).toEqual([expect.objectContaining({ id: 1, indicator: '1.4.1.district', value: '9', who: 'lan', reason: 'Theo biểu của huyện' })]);
    out = [];
    await run('override', '--remove', '1', '--by', 'lan');
    expect(out).toEqual(['override #1 removed']);
    out = [];
    await run('override', '02035', '2024', '1.4.1.district', '9');
    expect(process.exitCode).toBe(2);
    expect(out.join('\n')).toMatch(/usage: cchc override/);
  });
});
