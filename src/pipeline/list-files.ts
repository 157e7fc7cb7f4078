import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import type { ErrorCode } from '../model/index.js';

/**
 * A file to ingest, or something found while listing that cannot be (reported, then passed over).
 * `fsPath` is what the file system knows the file by: a string when the name is UTF-8, else the raw
 * bytes (a name written by an old Windows tool in CP1258 or TCVN3 is still a file to read).
 * `path` is how it is shown and recorded, invalid bytes written as \xNN.
 */
export type ListedEntry =
  | { readonly kind: 'file'; readonly fsPath: string | Buffer; readonly path: string }
  | { readonly kind: 'problem'; readonly path: string; readonly code: ErrorCode; readonly reason: string };

/**
 * Every file under the given paths, recursively, in a stable order (sorted by name bytes) so that
 * two runs over the same inbox do the same work in the same order. Hidden files and folders are
 * skipped (editors' lock files, .DS_Store). Symbolic links are followed, each folder entered once
 * (a link back to a folder already listed is a loop, reported); a dangling link, a folder that
 * cannot be listed and anything that is not a regular file (FIFO, socket, device) are reported as
 * problems and the listing goes on. Nothing is opened here.
 */
export async function listFiles(paths: readonly string[]): Promise<ListedEntry[]> {
  const out: ListedEntry[] = [];
  const visited = new Set<string>();
  for (const p of paths) {
    const name = Buffer.from(p);
    let info: Stats;
    try {
      info = await stat(p);
    } catch (err) {
      out.push({ kind: 'problem', path: p, code: 'cannot_read', reason: cannotRead(err) });
      continue;
    }
    if (info.isDirectory()) await walk(name, info, visited, out);
    else out.push(entryFor(name, info));
  }
  return out;
}

async function walk(dir: Buffer, info: Stats, visited: Set<string>, out: ListedEntry[]): Promise<void> {
  visited.add(`${info.dev}:${info.ino}`);
  let entries: Dirent<Buffer>[];
  try {
    entries = await readdir(fsPathOf(dir), { withFileTypes: true, encoding: 'buffer' });
  } catch (err) {
    out.push({ kind: 'problem', path: shown(dir), code: 'cannot_list', reason: `cannot list folder: ${describeErrno(err)}` });
    return;
  }
  for (const e of entries.sort((a, b) => Buffer.compare(a.name, b.name))) {
    const first = e.name[0];
    if (first === 0x2e || (first === 0x7e && e.name[1] === 0x24)) continue; // ".", "~$"
    const full = Buffer.concat([dir, Buffer.from('/'), e.name]);
    if (e.isFile()) {
      out.push(file(full));
      continue;
    }
    let target: Stats | undefined;
    if (e.isDirectory()) target = await statOr(full, out);
    else if (e.isSymbolicLink()) target = await statOr(full, out, true);
    else {
      out.push({ kind: 'problem', path: shown(full), code: 'not_a_file', reason: notRegular(e) });
      continue;
    }
    if (!target) continue;
    if (target.isDirectory()) {
      if (visited.has(`${target.dev}:${target.ino}`)) out.push({ kind: 'problem', path: shown(full), code: 'symlink_loop', reason: 'symlink loop: leads back to a folder already listed; not followed again' });
      else await walk(full, target, visited, out);
    } else out.push(entryFor(full, target));
  }
}

/** The entry's target, or undefined with the problem recorded (a dangling link, a loop). */
async function statOr(full: Buffer, out: ListedEntry[], link = false): Promise<Stats | undefined> {
  try {
    return await stat(fsPathOf(full));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const problem: { code: ErrorCode; reason: string } =
      link && code === 'ENOENT'
        ? { code: 'dangling_symlink', reason: 'dangling symlink: its target does not exist' }
        : link && code === 'ELOOP'
          ? { code: 'symlink_loop', reason: 'symlink loop: the link leads back to itself' }
          : { code: 'cannot_read', reason: cannotRead(err) };
    out.push({ kind: 'problem', path: shown(full), ...problem });
    return undefined;
  }
}

function entryFor(name: Buffer, info: Stats): ListedEntry {
  return info.isFile() ? file(name) : { kind: 'problem', path: shown(name), code: 'not_a_file', reason: notRegular(info) };
}

function file(name: Buffer): ListedEntry {
  return { kind: 'file', fsPath: fsPathOf(name), path: shown(name) };
}

/** Why a file-system object that is not a regular file is refused, before anything opens it. */
export function notRegular(info: Pick<Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isDirectory'>): string {
  const what = info.isFIFO()
    ? 'a FIFO (named pipe)'
    : info.isSocket()
      ? 'a socket'
      : info.isCharacterDevice()
        ? 'a character device'
        : info.isBlockDevice()
          ? 'a block device'
          : info.isDirectory()
            ? 'a folder'
            : 'not a regular file';
  return `not a regular file: ${what}; refused without opening it`;
}

export function cannotRead(err: unknown): string {
  return `cannot read file: ${describeErrno(err)}`;
}

const ERRNO_WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'too many symbolic links',
  EISDIR: 'is a folder',
  EIO: 'input/output error',
};

function describeErrno(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (!code) return err instanceof Error ? err.message : String(err);
  return ERRNO_WORDS[code] ? `${code} (${ERRNO_WORDS[code]})` : code;
}

/** The name as the file system wants it: a string when it round-trips through UTF-8, else its bytes. */
function fsPathOf(name: Buffer): string | Buffer {
  const text = name.toString('utf8');
  return Buffer.from(text).equals(name) ? text : name;
}

/** The name for people and the warehouse: UTF-8 where it is, each other byte as \xNN. */
export function shown(name: Buffer): string {
  const text = name.toString('utf8');
  if (Buffer.from(text).equals(name)) return text;
  let out = '';
  let i = 0;
  while (i < name.length) {
    const len = utf8Length(name, i);
    if (len > 0) {
      out += name.subarray(i, i + len).toString('utf8');
      i += len;
    } else out += `\\x${name[i++]!.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte starts none. */
function utf8Length(b: Buffer, i: number): number {
  const c = b[i]!;
  const n = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
  if (n === 0 || i + n > b.length) return 0;
  for (let k = 1; k < n; k++) if ((b[i + k]! & 0xc0) !== 0x80) return 0;
  const seq = b.subarray(i, i + n);
  return Buffer.from(seq.toString('utf8')).equals(seq) ? n : 0;
}
