import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/pipeline/index.js';
import { WORKER_TEXT_MAX_BYTES, closeLoadedChecks, extractOne } from '../../src/pipeline/extract-worker.js';
import { fixture, tempDir } from '../helpers.js';

const APPENDIX = fixture('inbox/ban-thi-2024-phu-luc-II.xlsx');
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('a pool thread reads the file it extracts', () => {
  it('reads, hashes and extracts a workbook, and leaves one the warehouse holds to the writer', async () => {
    const dir = tempDir();
    const path = join(dir, 'phu-luc.xlsx');
    copyFileSync(APPENDIX, path);
    const warehouse = join(dir, 'w.sqlite');
    const config = { maxBytes: 200 * 1024 * 1024 };
    try {
      // No warehouse yet (a first run): nothing is loaded.
      const first = await extractOne({ path, config, warehouse });
      expect(first.kind).toBe('document');
      expect(first.sha256).toBe(sha(APPENDIX));
      expect(first.kind === 'document' && first.document.observations.length).toBe(88);

      await ingestPaths([path], { dbPath: warehouse });
      // Loaded now: a resumed backfill extracts it no more.
      expect(await extractOne({ path, config, warehouse })).toEqual({ kind: 'main', sha256: sha(APPENDIX) });
    } finally {
      closeLoadedChecks();
    }
  }, 60_000);

  it('leaves to the writer what a thread is not to read: a FIFO, a missing file, a long text export, a file over the limit', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const long = join(dir, 'long.csv');
    writeFileSync(long, 'Mã hồ sơ,Ngày nhận\n' + 'HS-1,02/01/2024\n'.repeat(Math.ceil(WORKER_TEXT_MAX_BYTES / 16)));
    const config = { maxBytes: 200 * 1024 * 1024 };
    expect(await extractOne({ path: fifo, config })).toEqual({ kind: 'main' });
    expect(await extractOne({ path: join(dir, 'missing.xlsx'), config })).toEqual({ kind: 'main' });
    expect(await extractOne({ path: long, config })).toEqual({ kind: 'main' });
    expect(await extractOne({ path: APPENDIX, config: { maxBytes: 1000 } })).toEqual({ kind: 'main' });
  }, 60_000);
});
