import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../../../src/pipeline/index.js';
import { tempDir } from '../../helpers.js';
import { byKey, extract, fixture, STATED } from './helpers.js';

describe('record endings', () => {
  it('a lone-CR export (old Mac) gives the same 196 dossiers and figures as the CRLF original', async () => {
    const cr = await extract('onestop/ban-thi-2024-lone-cr.tsv', STATED);
    const crlf = await extract('inbox/onestop-ban-thi-2024.tsv', STATED);
    expect(cr.warnings).toEqual([]);
    expect(byKey(cr.figures, '2024')).toEqual(byKey(crlf.figures, '2024'));
    expect(byKey(cr.figures, '2024')).toMatchObject({ '7.2.4.received': 196 });

    const db = join(tempDir(), 'w.sqlite');
    const s = await ingestPaths([fixture('onestop/ban-thi-2024-lone-cr.tsv')], { dbPath: db });
    expect(s).toMatchObject({ loaded: 1, rejected: 0 });
    const conn = new SQLite(db, { readonly: true });
    expect(conn.prepare('SELECT COUNT(*) FROM dossiers').pluck().get()).toBe(196);
    expect(conn.prepare('SELECT MAX(source_line) FROM dossiers').pluck().get()).toBe(197);
    conn.close();
  });
});
