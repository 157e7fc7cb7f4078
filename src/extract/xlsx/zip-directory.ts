import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { RejectedInput } from '../errors.js';

/** One member of a zip archive, as its central directory lists it. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated; anything else is refused when the entry is opened. */
  readonly method: number;
  readonly compressedSize: number;
  /** As declared: what inflating it would cost, known before inflating a byte. */
  readonly size: number;
  readonly localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Reads a zip's central directory from the bytes, without inflating anything: the names and
 * uncompressed sizes of a workbook's parts, from which its cost can be told before it is read.
 * Any member can then be opened as a stream, in any order (a sheet stored before the shared strings
 * needs no temporary file).
 */
export function readZipDirectory(bytes: Buffer): Map<string, ZipEntry> {
  const eocd = findEocd(bytes);
  let count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  const locator = eocd - 20;
  if ((count === 0xffff || offset === 0xffffffff) && locator >= 0 && bytes.readUInt32LE(locator) === EOCD64_LOCATOR) {
    const at = Number(bytes.readBigUInt64LE(locator + 8));
    if (at + 56 > bytes.length || bytes.readUInt32LE(at) !== EOCD64) throw corrupt('zip64 end record missing');
    count = Number(bytes.readBigUInt64LE(at + 32));
    offset = Number(bytes.readBigUInt64LE(at + 48));
  }
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL) throw corrupt(`central directory entry ${i + 1} of ${count} missing`);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    let compressedSize = bytes.readUInt32LE(offset + 20);
    let size = bytes.readUInt32LE(offset + 24);
    let localHeaderOffset = bytes.readUInt32LE(offset + 42);
    // Zip64: the 0xffffffff fields come, in this order, from the extra field 0x0001.
    const extra = bytes.subarray(offset + 46 + nameLength, offset + 46 + nameLength + extraLength);
    for (let e = 0; e + 4 <= extra.length; ) {
      const id = extra.readUInt16LE(e);
      const len = extra.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let p = e + 4;
        const next = () => {
          const v = p + 8 <= e + 4 + len ? Number(extra.readBigUInt64LE(p)) : 0;
          p += 8;
          return v;
        };
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
      }
      e += 4 + len;
    }
    entries.set(name.replace(/^\/+/, ''), { name, method: bytes.readUInt16LE(offset + 10), compressedSize, size, localHeaderOffset });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The member's bytes as a stream of inflated chunks; nothing is inflated beyond what is read. */
export function openZipEntry(bytes: Buffer, entry: ZipEntry): Readable {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) throw corrupt(`local header of ${entry.name} missing`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt(`${entry.name} is cut short`);
  const data = bytes.subarray(start, end);
  // Handed over in slices so that a reader that stops early never pays for the rest.
  const slices = (function* () {
    for (let i = 0; i < data.length; i += SLICE) yield data.subarray(i, Math.min(i + SLICE, data.length));
  })();
  if (entry.method === 0) return Readable.from(slices, { objectMode: false });
  if (entry.method !== 8) throw new RejectedInput('unreadable_workbook', `workbook part ${entry.name} uses zip compression method ${entry.method} (only stored and deflated parts can be read)`);
  return Readable.from(slices, { objectMode: false }).pipe(createInflateRaw({ chunkSize: SLICE }));
}

/** A small member read whole as text (workbook.xml, its relationships, styles.xml), refused above `max` bytes. */
export async function readZipText(bytes: Buffer, entry: ZipEntry, max: number): Promise<string> {
  if (entry.size > max) throw new RejectedInput('too_large', `workbook part ${entry.name} is ${entry.size} bytes (more than ${max} for a part read whole)`);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of openZipEntry(bytes, entry)) {
    total += (chunk as Buffer).length;
    // The declared size may lie: the bytes inflated are what counts.
    if (total > max) throw new RejectedInput('too_large', `workbook part ${entry.name} inflates beyond ${max} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const SLICE = 64 * 1024;

function findEocd(bytes: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (bytes.readUInt32LE(i) === EOCD) return i;
  }
  throw corrupt('no zip end-of-directory record (truncated file?)');
}

function corrupt(what: string): RejectedInput {
  return new RejectedInput('unreadable_workbook', `corrupt or truncated workbook: ${what}`);
}
