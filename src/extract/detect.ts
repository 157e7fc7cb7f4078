/** The container format, told from the bytes (never from the extension alone). */
export type Container = 'xlsx' | 'xls' | 'pdf' | 'text' | 'empty' | 'binary';

export function detectContainer(bytes: Buffer): Container {
  if (bytes.length === 0) return 'empty';
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'xls';
  return looksLikeText(bytes) ? 'text' : 'binary';
}

/** UTF-16 with a BOM, or no NUL bytes and few control characters in the first 64 KiB. */
function looksLikeText(bytes: Buffer): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const head = bytes.subarray(0, 65536);
  let controls = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) controls++;
  }
  return controls <= head.length / 100;
}
