import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every file under the given paths, recursively, in a stable order (sorted by path) so that two runs
 * over the same inbox do the same work in the same order. Hidden files and folders are skipped
 * (editors' lock files, .DS_Store); a path that does not exist is returned as is, to be reported.
 */
export async function listFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch {
      out.push(p);
      continue;
    }
    if (info.isDirectory()) out.push(...(await walk(p)));
    else out.push(p);
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) files.push(...(await walk(full)));
    else if (e.isFile()) files.push(full);
  }
  return files;
}
