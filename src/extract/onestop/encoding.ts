import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { RejectedInput } from '../errors.js';

/**
 * Text encodings of one-stop exports, told from the bytes: a BOM; else valid UTF-8; else whichever
 * single-byte code page decodes to Vietnamese (Windows-1258 in practice). The extension and any
 * "charset" are never trusted.
 */
export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'windows1258';

export interface DetectedEncoding {
  readonly encoding: TextEncoding;
  /** Why: "BOM", "valid UTF-8", "decodes to Vietnamese". */
  readonly evidence: string;
}

/** Single-byte candidates tried on files that are not UTF-8: the first that reads as Vietnamese wins. */
const LEGACY_CANDIDATES = ['windows1258', 'windows1252'] as const;

export function detectEncoding(head: Buffer): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf8', evidence: 'UTF-8 BOM' };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf16le', evidence: 'UTF-16LE BOM' };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf16be', evidence: 'UTF-16BE BOM' };
  // "Unicode Text" without its BOM: every other byte of ASCII text is NUL.
  if (head.length >= 4 && head[1] === 0 && head[3] === 0 && head[0] !== 0) return { encoding: 'utf16le', evidence: 'NUL high bytes (UTF-16LE without BOM)' };
  if (isUtf8(trimPartialUtf8(head))) return { encoding: 'utf8', evidence: 'valid UTF-8' };
  if (firstUtf8Vietnamese(head) >= 0) {
    throw new RejectedInput('mixed encoding: the first bytes hold both UTF-8 Vietnamese letters and bytes that are not UTF-8');
  }
  let best: { encoding: (typeof LEGACY_CANDIDATES)[number]; score: number } | undefined;
  for (const encoding of LEGACY_CANDIDATES) {
    const score = vietnameseScore(iconv.decode(head, encoding).normalize('NFC'));
    if (!best || score > best.score) best = { encoding, score };
  }
  if (best && best.score > 0 && best.encoding === 'windows1258') return { encoding: 'windows1258', evidence: 'decodes to Vietnamese as Windows-1258' };
  throw new RejectedInput('unknown text encoding: not UTF-8 or UTF-16 (no BOM, invalid UTF-8) and no code page decodes it to Vietnamese (TCVN3/VNI exports must be converted to Unicode first)');
}

/** A streaming decoder; throws RejectedInput when bytes stop being valid in the detected encoding. */
export interface ChunkDecoder {
  write(chunk: Buffer): string;
  end(): string;
}

export function createDecoder(detected: DetectedEncoding): ChunkDecoder {
  if (detected.encoding === 'windows1258') {
    const dec = iconv.getDecoder('windows1258');
    let offset = 0;
    return {
      write(chunk) {
        // A Windows-1258 file never holds "áº"/"á»" (E1 BA, E1 BB): those are UTF-8 Vietnamese letters pasted in.
        const at = firstUtf8Vietnamese(chunk);
        if (at >= 0) throw new RejectedInput(`mixed encoding: Windows-1258 text with UTF-8 bytes at byte ${offset + at}`);
        offset += chunk.length;
        return dec.write(chunk);
      },
      end: () => dec.end() ?? '',
    };
  }
  const label = detected.encoding === 'utf8' ? 'utf-8' : detected.encoding === 'utf16le' ? 'utf-16le' : 'utf-16be';
  // fatal: an invalid sequence mid-file is a mixed encoding, not something to paper over with U+FFFD
  // (and, measured, the fatal streaming decoder is the fastest way from UTF-8 bytes to a string here).
  const dec = new TextDecoder(label, { fatal: true });
  let offset = 0;
  return {
    write(chunk) {
      try {
        const s = dec.decode(chunk, { stream: true });
        offset += chunk.length;
        return s;
      } catch {
        throw new RejectedInput(`mixed encoding: bytes after offset ${offset} are not valid ${detected.encoding === 'utf8' ? 'UTF-8' : 'UTF-16'} (file detected as ${detected.evidence})`);
      }
    },
    end() {
      try {
        return dec.decode();
      } catch {
        throw new RejectedInput(`mixed encoding: the file ends inside a ${detected.encoding} character`);
      }
    },
  };
}

/** Drops an incomplete multi-byte sequence cut off at the end of a sample. */
function trimPartialUtf8(b: Buffer): Buffer {
  let i = b.length - 1;
  let back = 0;
  while (i >= 0 && back < 4 && (b[i]! & 0xc0) === 0x80) {
    i--;
    back++;
  }
  if (i < 0) return b;
  const lead = b[i]!;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return need > back + 1 ? b.subarray(0, i) : b;
}

function firstUtf8Vietnamese(b: Buffer): number {
  let at = b.indexOf(0xe1);
  while (at >= 0 && at + 2 < b.length) {
    const n = b[at + 1]!;
    if ((n === 0xba || n === 0xbb) && (b[at + 2]! & 0xc0) === 0x80) return at;
    at = b.indexOf(0xe1, at + 1);
  }
  return -1;
}

const VIETNAMESE_LETTERS = buildVietnameseLetters();
// Punctuation (“ ” – …) and symbols decode the same in every code page: only letters and marks tell.
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

function buildVietnameseLetters(): Set<string> {
  const bases = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
  const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
  const set = new Set<string>(['đ', 'Đ']);
  for (const b of bases) {
    for (const t of tones) {
      const c = (b + t).normalize('NFC');
      set.add(c);
      set.add(c.toUpperCase());
    }
  }
  return set;
}

/**
 * Non-ASCII letters that belong to Vietnamese score +1; anything else non-ASCII (a stray combining
 * mark, Latin-1 letters such as "Ã" or "õ" that Vietnamese does not use) scores −3.
 */
export function vietnameseScore(text: string): number {
  let score = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80 || !LETTER_OR_MARK.test(ch)) continue;
    score += VIETNAMESE_LETTERS.has(ch) ? 1 : -3;
  }
  return score;
}
