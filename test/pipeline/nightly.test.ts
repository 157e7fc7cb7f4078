import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ingestPaths, loadPipeline } from '../../src/pipeline/index.js';
import { fixture, tempDir } from '../helpers.js';
import { captureConsole, query } from './child.js';

const APPENDIX = fixture('inbox/ban-thi-2024-phu-luc-II.xlsx');
const OTHER = fixture('xlsx/yen-thinh-2021-q3-template-cu.xlsx');
const BAD = fixture('bad/truncated-workbook.xlsx');

function pipelineFile(yaml: string): string {
  const root = tempDir();
  mkdirSync(join(root, 'pipelines'));
  const file = join(root, 'pipelines', 'p.yaml');
  writeFileSync(file, yaml);
  return file;
}

describe('pipeline declarations', () => {
  it('name every wrong setting, one line each', async () => {
    const file = pipelineFile(
      ['name: p', 'inputs: [inbox]', 'db: w.sqlite', 'max_file_mb: -1', 'colour: blue', 'files:', '  loaded: move', '  rejected: delete', 'busy_timeout_s: "long"'].join('\n'),
    );
    const err = await loadPipeline(file).catch((e: Error) => e);
    expect((err as Error).message.split('\n')).toEqual([
      `${file}: max_file_mb: Too small: expected number to be >0`,
      `${file}: files.rejected: Invalid option: expected one of "keep"|"quarantine"`,
      `${file}: busy_timeout_s: Invalid input: expected number, received string`,
      `${file}: (top level): Unrecognized key: "colour"`,
    ]);
    const missing = await loadPipeline(pipelineFile('name: p\ninputs: [inbox]\ndb: w.sqlite\nfiles: { loaded: move }\n')).catch((e: Error) => e);
    expect((missing as Error).message).toMatch(/: files\.loaded_to: required when loaded is "move": the folder loaded files go to$/);
  });

  it('resolve their folders against the repository the pipelines folder sits in', async () => {
    const file = pipelineFile('name: p\ninputs: [inbox]\ndb: out/w.sqlite\nfiles: { rejected: quarantine, quarantine_to: q }\n');
    const root = join(file, '..', '..');
    const p = await loadPipeline(file);
    expect(p).toMatchObject({ inputs: [join(root, 'inbox')], db: join(root, 'out/w.sqlite'), files: { loaded: 'keep', rejected: 'quarantine', quarantine_to: join(root, 'q') }, busy_timeout_s: 60 });
  });
});

describe('a nightly inbox', () => {
  it('passes over unchanged files unread, and re-hashes touched or replaced ones (found loaded by content)', async () => {
    const dir = tempDir();
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox);
    copyFileSync(APPENDIX, join(inbox, 'a.xlsx'));
    copyFileSync(OTHER, join(inbox, 'b.xlsx'));
    const db = join(dir, 'w.sqlite');
    const first = await ingestPaths([inbox], { dbPath: db });
    expect(first.loaded).toBe(2);

    const second = await ingestPaths([inbox], { dbPath: db });
    expect(second.files.map((f) => f.reason)).toEqual([`unchanged since run ${first.runId} (already loaded)`, `unchanged since run ${first.runId} (already loaded)`]);

    // Touched, same bytes: read and hashed again, then found loaded.
    utimesSync(join(inbox, 'a.xlsx'), new Date('2030-01-01'), new Date('2030-01-01'));
    // Replaced by other content under the same name: loaded.
    copyFileSync(APPENDIX, join(inbox, 'b.xlsx'));
    copyFileSync(OTHER, join(inbox, 'c.xlsx'));
    const third = await ingestPaths([inbox], { dbPath: db });
    expect(third.files.map((f) => [f.path.split('/').pop(), f.status, f.reason])).toEqual([
      ['a.xlsx', 'skipped', 'already loaded'],
      ['b.xlsx', 'skipped', `already loaded as ${join(inbox, 'a.xlsx')}`],
      ['c.xlsx', 'skipped', `already loaded as ${join(inbox, 'b.xlsx')}`],
    ]);
    const fourth = await ingestPaths([inbox], { dbPath: db });
    expect(fourth.files.every((f) => f.reason?.startsWith('unchanged since run'))).toBe(true);
    expect(query(db, 'SELECT path, run_id FROM source_files ORDER BY path')).toEqual([
      { path: join(inbox, 'a.xlsx'), run_id: third.runId },
      { path: join(inbox, 'b.xlsx'), run_id: third.runId },
      { path: join(inbox, 'c.xlsx'), run_id: third.runId },
    ]);
  });

  it('moves loaded files and quarantines rejected ones with their reason beside them; nothing is deleted', async () => {
    const dir = tempDir();
    const inbox = join(dir, 'inbox');
    mkdirSync(join(inbox, 'office-2'), { recursive: true });
    copyFileSync(APPENDIX, join(inbox, 'a.xlsx'));
    copyFileSync(BAD, join(inbox, 'office-2', 'broken.xlsx'));
    const db = join(dir, 'w.sqlite');
    const files = { loadedTo: join(dir, 'done'), quarantineTo: join(dir, 'quarantine') };
    const lines: string[] = [];
    const s = await ingestPaths([inbox], { dbPath: db, files, log: (l) => lines.push(l) });
    expect(s).toMatchObject({ loaded: 1, rejected: 1 });
    expect(readdirSync(inbox, { recursive: true })).toEqual(['office-2']);
    expect(readFileSync(join(dir, 'done', 'a.xlsx')).equals(readFileSync(APPENDIX))).toBe(true);
    const q = join(dir, 'quarantine', 'office-2', 'broken.xlsx');
    expect(readFileSync(q).equals(readFileSync(BAD))).toBe(true);
    const reason = readFileSync(`${q}.reason.txt`, 'utf8').split('\n');
    expect(reason[0]).toMatch(/^corrupt or truncated workbook/);
    expect(reason[1]).toBe(`file: ${join(inbox, 'office-2', 'broken.xlsx')}`);
    expect(reason[2]).toBe(`run: ${s.runId}`);
    expect(lines.find((l) => l.startsWith('rejected'))).toMatch(/\(quarantined as .*quarantine\/office-2\/broken\.xlsx\)$/);

    // The same name arriving again is quarantined beside the first, not over it.
    copyFileSync(BAD, join(inbox, 'office-2', 'broken.xlsx'));
    await ingestPaths([inbox], { dbPath: db, files });
    expect(existsSync(`${q}.1`) && existsSync(`${q}.1.reason.txt`)).toBe(true);
  });
});

describe('cchc run <pipeline>', () => {
  const out = captureConsole();

  it('takes the quarantine folder from the declaration, and exits 1 naming a wrong setting', async () => {
    const file = pipelineFile('name: p\ninputs: [inbox]\ndb: w.sqlite\nfiles: { rejected: quarantine, quarantine_to: q }\n');
    const root = join(file, '..', '..');
    mkdirSync(join(root, 'inbox'));
    copyFileSync(BAD, join(root, 'inbox', 'broken.xlsx'));
    await main(['node', 'cchc', 'run', file]);
    expect(process.exitCode).toBe(3);
    expect(existsSync(join(root, 'q', 'broken.xlsx.reason.txt'))).toBe(true);
    expect(query(db(root), 'SELECT pipeline, status, files_rejected FROM runs')).toEqual([{ pipeline: 'p', status: 'partial', files_rejected: 1 }]);

    process.exitCode = undefined;
    writeFileSync(file, 'name: p\ninputs: [inbox]\ndb: w.sqlite\nmax_file_mb: 0\n');
    await main(['node', 'cchc', 'run', file]);
    expect(process.exitCode).toBe(1);
    expect(out.lines.at(-1)).toBe(`cchc: ${file}: max_file_mb: Too small: expected number to be >0`);
  });
});

const db = (root: string) => join(root, 'w.sqlite');
