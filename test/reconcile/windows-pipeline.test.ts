import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ingestPaths } from '../../src/pipeline/index.js';
import type { Rival } from '../../src/reconcile/types.js';
import { openWarehouse, type Warehouse } from '../../src/warehouse/index.js';
import { fixture, tempDir } from '../helpers.js';
import { dumpReconciliation } from './warehouse-io.js';

/** The sample inbox: the PDF report (it states 01/12/2023–20/11/2024), its Excel appendix, the one-stop export. */
const INBOX = readdirSync(fixture('inbox'))
  .sort()
  .map((f) => fixture(join('inbox', f)));

describe('one-stop figures over the stated and the regulation window, through the pipeline', () => {
  let dir: string;
  let wh: Warehouse;
  beforeAll(async () => {
    dir = tempDir();
    await ingestPaths(INBOX, { dbPath: join(dir, 'a.sqlite') });
    wh = await openWarehouse(join(dir, 'a.sqlite'));
  });
  afterAll(async () => {
    await wh.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  const row = (key: string) =>
    wh.sqlite.prepare(`SELECT value_num, status, rivals, explanation FROM indicator_values WHERE period_key = '2024' AND indicator_key = ?`).get(key) as {
      value_num: number;
      status: string;
      rivals: string;
      explanation: string;
    };

  it('takes the figures over the window the report states', () => {
    expect(INBOX.map((f) => f.split('/').pop())).toEqual(['ban-thi-2024-bao-cao.pdf', 'ban-thi-2024-phu-luc-II.xlsx', 'onestop-ban-thi-2024.tsv']);
    expect(row('7.2.4.received').value_num).toBe(196);
    expect(row('3.3.1.early').value_num).toBe(161);
    expect(row('3.3.1.due_day').value_num).toBe(35);
    expect(row('7.2.4.online').value_num).toBe(61);
  });

  it('keeps 190 over the Nghị định 09 window as a rival marked with its window, explained as a window difference', () => {
    const received = row('7.2.4.received');
    const rivals = JSON.parse(received.rivals) as Rival[];
    expect(rivals.filter((r) => r.cause === 'window')).toEqual([
      expect.objectContaining({ value: 190, label: 'Hệ thống một cửa điện tử', window: { source: 'regulation', start: '2023-12-15', end: '2024-12-14' } }),
    ]);
    expect(received.explanation).toContain('Hệ thống một cửa điện tử (kỳ theo Nghị định 09: 15/12/2023–14/12/2024): 190 — khác do kỳ số liệu');
    expect(row('3.3.1.early')).toMatchObject({ status: 'agreed' });
  });

  it('records no data conflict that comes only from the window', () => {
    const conflicts = wh.sqlite.prepare(`SELECT kind, severity, indicators, values_json FROM conflicts WHERE period_key = '2024'`).all() as { kind: string; severity: string; indicators: string; values_json: string }[];
    const regulation = new Set(
      (wh.sqlite.prepare(`SELECT document_sha256 || '#' || seq AS ref FROM observations WHERE method = 'onestop' AND window_source = 'regulation'`).all() as { ref: string }[]).map((r) => r.ref),
    );
    // A conflict may set a regulation-window figure against another figure only as a window difference;
    // the regulation-window figures checked among themselves (their own rate against their own counts) stay data checks.
    const mixing = conflicts.filter((c) => {
      const refs = (JSON.parse(c.values_json) as { observation: string | null }[]).map((v) => v.observation ?? '');
      return refs.some((r) => regulation.has(r)) && !refs.every((r) => regulation.has(r));
    });
    expect(new Set(mixing.map((c) => `${c.kind}/${c.severity}`))).toEqual(new Set(['window/info']));
    expect(conflicts.filter((c) => c.kind === 'cross_source').map((c) => JSON.parse(c.indicators)[0])).not.toContain('3.3.1.early');
    expect(conflicts.filter((c) => c.kind === 'sum' && (JSON.parse(c.indicators) as string[]).includes('7.2.4.received'))).toEqual([]);
    expect(conflicts.filter((c) => c.kind === 'window').map((c) => JSON.parse(c.indicators)[0])).toContain('7.2.4.received');
  });

  it('gives byte-identical results whatever the order the files arrive in, one run each', async () => {
    const b = join(dir, 'b.sqlite');
    for (const f of [...INBOX].reverse()) await ingestPaths([f], { dbPath: b });
    const wb = await openWarehouse(b);
    try {
      expect(dumpReconciliation(wb)).toBe(dumpReconciliation(wh));
    } finally {
      await wb.close();
    }
  });

  it('cchc reconcile rebuilds the same rows', async () => {
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    const before = dumpReconciliation(wh);
    wh.sqlite.exec(`DELETE FROM reconciled_values; DELETE FROM conflicts;`);
    await main(['node', 'cchc', 'reconcile', '--db', join(dir, 'a.sqlite')]);
    expect(process.exitCode ?? 0).toBe(0);
    expect(out.join('\n')).toMatch(/^reconciled \d+ values, \d+ conflicts/);
    expect(dumpReconciliation(wh)).toBe(before);
  });

  it('cchc reconcile refuses a warehouse that does not exist', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await main(['node', 'cchc', 'reconcile', '--db', join(dir, 'missing.sqlite')]);
    expect(process.exitCode).toBe(1);
  });
});
