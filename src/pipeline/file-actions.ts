import { copyFile, mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';

/** What a pipeline does with a file once read (pipelines/*.yaml `files:`). Nothing is ever deleted. */
export interface FileActions {
  /** Move loaded (and already-loaded) files under this folder; unset: leave them (the warehouse marks them). */
  readonly loadedTo?: string;
  /** Move rejected files under this folder, each with `<name>.reason.txt` beside it; unset: leave them. */
  readonly quarantineTo?: string;
}

/**
 * Moves a file under `toDir`, keeping its path below the input folder it was found in (so two
 * offices' `bao-cao.pdf` do not collide), never over an existing file (a numbered name instead).
 * Returns where it went. Across file systems it is copied, then the original unlinked: still a move.
 */
export async function moveUnder(fsPath: string | Buffer, shownPath: string, roots: readonly string[], toDir: string): Promise<string> {
  const abs = resolve(shownPath);
  const root = roots.map((r) => resolve(r)).find((r) => abs.startsWith(`${r}/`));
  const rel = root ? relative(root, abs) : basename(abs);
  let target = join(toDir, rel);
  for (let n = 1; await exists(target); n++) target = join(toDir, `${rel}.${n}`);
  await mkdir(dirname(target), { recursive: true });
  try {
    await rename(fsPath, target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    await copyFile(fsPath, target);
    await unlink(fsPath);
  }
  return target;
}

/** Quarantines a rejected file: moved under `toDir`, with the reason in `<name>.reason.txt` beside it. */
export async function quarantine(fsPath: string | Buffer, shownPath: string, roots: readonly string[], toDir: string, reason: string, runId: string): Promise<string> {
  const target = await moveUnder(fsPath, shownPath, roots, toDir);
  await writeFile(`${target}.reason.txt`, `${reason}\nfile: ${shownPath}\nrun: ${runId}\nat: ${new Date().toISOString()}\n`);
  return target;
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}
