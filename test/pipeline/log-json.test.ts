import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, tempDir } from '../helpers.js';
import { runCli } from './child.js';

describe('--log json', () => {
  it('writes one JSON object per file and one for the run on stderr, nothing on stdout', async () => {
    const db = join(tempDir(), 'w.sqlite');
    const r = await runCli(['ingest', fixture('xlsx/yen-thinh-2021-q3-template-cu.xlsx'), fixture('bad/truncated-workbook.xlsx'), '--db', db, '--log', 'json']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    const events = r.stderr.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.map((e) => [e.event, e.status ?? null, e.level])).toEqual([
      ['file', 'loaded', 30],
      ['file', 'rejected', 40],
      ['run', null, 30],
    ]);
    expect(events[0]).toMatchObject({ pipeline: 'ingest', observations: 9, path: expect.stringMatching(/yen-thinh-2021-q3-template-cu\.xlsx$/) });
    expect(events[1]!.reason).toMatch(/^corrupt or truncated workbook/);
    expect(events[2]).toMatchObject({ loaded: 1, skipped: 0, rejected: 1, observations: 9, reconciled: 1, db });
    expect(typeof events[2]!.time).toBe('string');
  }, 60_000);
});
