import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { type LegacyEncoding, codeText, decodeLegacy, plausibility, plausibilityScore, readsAsVietnamese } from '../../text/legacy/index.js';
import { hasNonVietnameseLatin1 } from '../../text/legacy/syllables.js';
import { RejectedInput } from '../errors.js';

/**
 * Text encodings of one-stop exports, told from the bytes: a BOM; else valid UTF-8; else whichever
 * 8-bit encoding reads as Vietnamese (Windows-1258, or the TCVN3/VNI of 2019–2021 exports). The
 * extension and any "charset" are never trusted.
 */
export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'windows1258' | 'tcvn3' | 'vni';

/** 8-bit encodings tried on files that are not UTF-8, each as a decoding of a sample. */
type EightBit = 'windows1258' | 'tcvn3' | 'vni';
const EIGHT_BIT: Record<EightBit, { name: string; decode: (b: Buffer) => string }> = {
  windows1258: { name: 'Windows-1258', decode: (b) => iconv.decode(b, 'windows1258').normalize('NFC') },
  tcvn3: { name: 'TCVN3', decode: (b) => decodeLegacy(codeText(b), 'tcvn3') },
  vni: { name: 'VNI', decode: (b) => decodeLegacy(codeText(b), 'vni') },
};

export interface DetectedEncoding {
  readonly encoding: TextEncoding;
  /** Why: "BOM", "valid UTF-8", "decodes to Vietnamese". */
  readonly evidence: string;
  /**
   * Unicode text that carries TCVN3/VNI letters as Windows-1252 characters ("B¶o"): what Excel's
   * "CSV UTF-8" or "Unicode Text" writes from cells typed in .VnTime or VNI fonts. Decoded on top.
   */
  readonly legacy?: LegacyEncoding;
}

/** Bytes of the head judged for Vietnamese syllables: a few thousand words are plenty to tell. */
const SCORED_BYTES = 16 * 1024;

export function detectEncoding(head: Buffer): DetectedEncoding {
  const transport = detectTransport(head);
  return transport.encoding === 'utf8' || transport.encoding === 'utf16le' || transport.encoding === 'utf16be' ? withLegacyView(transport, head) : transport;
}

/**
 * A Unicode file whose letters are legacy codes. Fast for the usual file: only text that shows a
 * Latin-1 character Vietnamese does not use (¶ ¸ Ë ñ û) is judged.
 */
function withLegacyView(transport: DetectedEncoding, head: Buffer): DetectedEncoding {
  const label = transport.encoding === 'utf8' ? 'utf-8' : transport.encoding === 'utf16le' ? 'utf-16le' : 'utf-16be';
  const sample = head.subarray(0, transport.encoding === 'utf8' ? SCORED_BYTES : 2 * SCORED_BYTES);
  const text = new TextDecoder(label).decode(sample);
  if (!hasNonVietnameseLatin1(text)) return transport;
  const asIs = plausibility(text);
  if (readsAsVietnamese(asIs)) return transport;
  let best: { encoding: LegacyEncoding; score: number } | undefined;
  for (const encoding of ['tcvn3', 'vni'] as const) {
    const p = plausibility(decodeLegacy(text, encoding));
    const score = plausibilityScore(p);
    if (readsAsVietnamese(p) && score > plausibilityScore(asIs) && (!best || score > best.score)) best = { encoding, score };
  }
  if (!best) return transport;
  return { ...transport, evidence: `${transport.evidence}, letters in ${EIGHT_BIT[best.encoding].name} codes`, legacy: best.encoding };
}

function detectTransport(head: Buffer): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf8', evidence: 'UTF-8 BOM' };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf16le', evidence: 'UTF-16LE BOM' };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf16be', evidence: 'UTF-16BE BOM' };
  // "Unicode Text" without its BOM: every other byte of ASCII text is NUL.
  if (head.length >= 4 && head[1] === 0 && head[3] === 0 && head[0] !== 0) return { encoding: 'utf16le', evidence: 'NUL high bytes (UTF-16LE without BOM)' };
  if (isUtf8(trimPartialUtf8(head))) return { encoding: 'utf8', evidence: 'valid UTF-8' };
  if (firstUtf8Vietnamese(head) >= 0) {
    throw new RejectedInput('mixed_encoding', 'mixed encoding: the first bytes hold both UTF-8 Vietnamese letters and bytes that are not UTF-8');
  }
  // The reading whose words are Vietnamese syllables wins (TCVN3 read as Windows-1258 gives "B¶o", not "Bảo").
  let best: { encoding: EightBit; score: number } | undefined;
  const sample = head.subarray(0, SCORED_BYTES);
  for (const encoding of Object.keys(EIGHT_BIT) as EightBit[]) {
    const p = plausibility(EIGHT_BIT[encoding].decode(sample));
    if (!readsAsVietnamese(p) || p.valid === 0) continue;
    const score = plausibilityScore(p);
    if (!best || score > best.score) best = { encoding, score };
  }
  if (best) return { encoding: best.encoding, evidence: `decodes to Vietnamese as ${EIGHT_BIT[best.encoding].name}` };
  throw new RejectedInput('unknown_encoding', 'unknown text encoding: not UTF-8 or UTF-16 (no BOM, invalid UTF-8) and it reads as Vietnamese in none of Windows-1258, TCVN3 and VNI');
}

/** A streaming decoder; throws RejectedInput when bytes stop being valid in the detected encoding. */
export interface ChunkDecoder {
  write(chunk: Buffer): string;
  end(): string;
}

export function createDecoder(detected: DetectedEncoding): ChunkDecoder {
  if (detected.legacy) return legacyDecoder(detected.legacy, unicodeDecoder(detected), EIGHT_BIT[detected.legacy].name, false);
  return unicodeDecoder(detected);
}

function unicodeDecoder(detected: DetectedEncoding): ChunkDecoder {
  if (detected.encoding === 'tcvn3' || detected.encoding === 'vni') {
    const view: ChunkDecoder = { write: (chunk) => codeText(chunk), end: () => '' };
    return legacyDecoder(detected.encoding, view, EIGHT_BIT[detected.encoding].name, true);
  }
  if (detected.encoding === 'windows1258') {
    const dec = iconv.getDecoder('windows1258');
    let offset = 0;
    return {
      write(chunk) {
        // A Windows-1258 file never holds "áº"/"á»" (E1 BA, E1 BB): those are UTF-8 Vietnamese letters pasted in.
        const at = firstUtf8Vietnamese(chunk);
        if (at >= 0) throw new RejectedInput('mixed_encoding', `mixed encoding: Windows-1258 text with UTF-8 bytes at byte ${offset + at}`);
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
        throw new RejectedInput('mixed_encoding', `mixed encoding: bytes after offset ${offset} are not valid ${detected.encoding === 'utf8' ? 'UTF-8' : 'UTF-16'} (file detected as ${detected.evidence})`);
      }
    },
    end() {
      try {
        return dec.decode();
      } catch {
        throw new RejectedInput('mixed_encoding', `mixed encoding: the file ends inside a ${detected.encoding} character`);
      }
    },
  };
}

/**
 * TCVN3/VNI text to NFC, chunk by chunk, from its Windows-1252 view (`view`: of bytes, or of a
 * Unicode file's characters). A VNI letter is a base and a mark, and a TCVN3 letter may take a
 * combining tone: each chunk is decoded up to its last character that cannot be part of a letter
 * (space, delimiter, digit, line end) and the rest waits for the next.
 */
function legacyDecoder(encoding: 'tcvn3' | 'vni', view: ChunkDecoder, name: string, checkUtf8: boolean): ChunkDecoder {
  let held = '';
  let offset = 0;
  return {
    write(chunk) {
      if (checkUtf8) {
        const at = firstUtf8Vietnamese(chunk);
        if (at >= 0) throw new RejectedInput('mixed_encoding', `mixed encoding: ${name} text with UTF-8 bytes at byte ${offset + at}`);
      }
      offset += chunk.length;
      const text = held + view.write(chunk);
      let cut = text.length - 1;
      while (cut >= 0 && text.charCodeAt(cut) >= 0x41) cut--;
      // A field without one such character is not held for ever (bounded memory).
      if (cut < 0 && text.length < MAX_HELD) {
        held = text;
        return '';
      }
      const end = cut < 0 ? text.length : cut + 1;
      held = text.slice(end);
      return decodeLegacy(text.slice(0, end), encoding);
    },
    end() {
      const rest = decodeLegacy(held + view.end(), encoding);
      held = '';
      return rest;
    },
  };
}

const MAX_HELD = 64 * 1024;

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
