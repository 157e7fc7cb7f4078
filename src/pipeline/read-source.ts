import { createHash } from 'node:crypto';
import { type Stats, constants } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';
import { detectContainer } from '../extract/index.js';
import { UnreadableFile } from '../model/index.js';
import { notRegular } from './list-files.js';
import { type Snapshot, sameSnapshot, snapshotOf } from './source-files.js';

/** Text files above this size are hashed and parsed as streams; the rest are read whole. */
export const STREAM_TEXT_ABOVE = 32 * 1024 * 1024;

export interface LoadedFile {
  readonly sha256: string;
  readonly size: number;
  /** The whole file, or only its first 64 KiB when `streamed` or too large to read. */
  readonly bytes: Buffer;
  readonly streamed: boolean;
  /** Open on the file that was hashed, until the document is loaded or rejected. */
  readonly handle: FileHandle;
  readonly snapshot: Snapshot;
}

/** The file's size or time changed between the start and the end of reading it. */
export class FileChanged extends UnreadableFile {
  constructor() {
    super('file_changed', 'file changed while being read; will retry next run');
  }
}


export async function assertUnchanged(fsPath: string | Buffer, before: Snapshot): Promise<void> {
  const now = await stat(fsPath).catch(() => undefined);
  if (!now || !sameSnapshot(before, snapshotOf(now))) throw new FileChanged();
}

/**
 * Reads a file from one snapshot: refused by type before it is opened (a FIFO would block, a device
 * never end), opened without blocking, then read whole, except a large text export (hashed as a
 * stream and handed to the extractor as a path, so that a million-row export never sits in memory)
 * or a file above the size limit (hashed as a stream, to be rejected). If the file's size, time or
 * inode moved while it was read, nothing of it is used (FileChanged).
 */
export async function readSource(fsPath: string | Buffer, before: Stats, streamTextAbove: number, maxBytes: number): Promise<LoadedFile> {
  if (!before.isFile()) throw new UnreadableFile('not_a_file', notRegular(before));
  const handle = await open(fsPath, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    // Swapped for a FIFO between the stat and the open: still refused.
    if (!info.isFile()) throw new UnreadableFile('not_a_file', notRegular(info));
    const snapshot = snapshotOf(info);
    let file: Omit<LoadedFile, 'handle' | 'snapshot'>;
    if (info.size > streamTextAbove || info.size > maxBytes) {
      const head = Buffer.alloc(Math.min(65536, info.size));
      await handle.read(head, 0, head.length, 0);
      const streamed = info.size <= maxBytes && detectContainer(head) === 'text';
      const hash = createHash('sha256');
      for await (const chunk of handle.createReadStream({ start: 0, highWaterMark: 1024 * 1024, autoClose: false })) hash.update(chunk as Buffer);
      file = { sha256: hash.digest('hex'), size: info.size, bytes: head, streamed };
    } else {
      const bytes = await handle.readFile();
      file = { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, bytes, streamed: false };
    }
    const after = await handle.stat();
    if (!sameSnapshot(snapshot, snapshotOf(after)) || file.size !== snapshot.size) throw new FileChanged();
    await assertUnchanged(fsPath, snapshot);
    return { ...file, handle, snapshot };
  } catch (err) {
    await handle.close();
    throw err;
  }
}
