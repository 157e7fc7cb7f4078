import { PdfCmd, PdfParser, type PdfValue } from './pdf-syntax.js';

/** Thrown for a map this reader does not follow (usecmap, malformed sections): pdf.js reads the file. */
export class UnsupportedCMap extends Error {}

/**
 * A font's /ToUnicode CMap as pdf.js reads it (`CMapFactory` then `readToUnicode`): each source
 * code, as the integer of its bytes, to the text of its UTF-16BE destination (surrogate pairs
 * joined); a bfrange with a string destination counts up its last byte, carrying into the one
 * before; cidchar/cidrange destinations are code points. The codespace ranges do not matter here:
 * pdf.js looks codes up by value.
 */
export function readToUnicode(cmap: string): Map<number, string> {
  const raw = new Map<number, string | number>();
  const p = new PdfParser(cmap);
  const next = (): PdfValue | PdfCmd | undefined => p.next();
  const str = (v: PdfValue | PdfCmd | undefined): string => {
    if (typeof v !== 'string') throw new UnsupportedCMap('expected a string');
    return v;
  };
  for (let obj = next(); obj !== undefined; obj = next()) {
    if (!(obj instanceof PdfCmd)) continue;
    switch (obj.cmd) {
      case 'endcmap':
        return toText(raw);
      case 'usecmap':
        throw new UnsupportedCMap('usecmap');
      case 'beginbfchar':
        for (let o = next(); !isCmd(o, 'endbfchar'); o = next()) raw.set(codeOf(str(o)), str(next()));
        break;
      case 'begincidchar':
        for (let o = next(); !isCmd(o, 'endcidchar'); o = next()) raw.set(codeOf(str(o)), int(next()));
        break;
      case 'beginbfrange':
        for (let o = next(); !isCmd(o, 'endbfrange'); o = next()) {
          const low = codeOf(str(o));
          const high = codeOf(str(next()));
          const dst = next();
          if (high - low > 2 ** 24 - 1) throw new UnsupportedCMap('range too long');
          if (Array.isArray(dst)) {
            for (let c = low, i = 0; c <= high && i < dst.length; c++, i++) {
              const d = dst[i]!;
              if (typeof d !== 'string' && typeof d !== 'number') throw new UnsupportedCMap('bfrange array element');
              raw.set(c, d);
            }
          } else if (typeof dst === 'string' || (typeof dst === 'number' && Number.isInteger(dst))) {
            mapBfRange(raw, low, high, typeof dst === 'number' ? String.fromCharCode(dst) : dst);
          } else throw new UnsupportedCMap('bfrange destination');
        }
        break;
      case 'begincidrange':
        for (let o = next(); !isCmd(o, 'endcidrange'); o = next()) {
          const low = codeOf(str(o));
          const high = codeOf(str(next()));
          let dst = int(next());
          for (let c = low; c <= high; c++) raw.set(c, dst++);
        }
        break;
      case 'begincodespacerange':
        for (let o = next(); !isCmd(o, 'endcodespacerange'); o = next()) {
          str(o);
          str(next());
        }
        break;
    }
  }
  return toText(raw);
}

function isCmd(v: PdfValue | PdfCmd | undefined, cmd: string): boolean {
  if (v === undefined) throw new UnsupportedCMap(`no ${cmd}`);
  return v instanceof PdfCmd && v.cmd === cmd;
}

function int(v: PdfValue | PdfCmd | undefined): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new UnsupportedCMap('expected an integer');
  return v;
}

/** pdf.js's strToInt. */
function codeOf(s: string): number {
  let a = 0;
  for (let i = 0; i < s.length; i++) a = (a << 8) | s.charCodeAt(i);
  return a >>> 0;
}

/** pdf.js's CMap.mapBfRange. */
function mapBfRange(map: Map<number, string | number>, low: number, high: number, dstLow: string): void {
  const lastByte = dstLow.length - 1;
  while (low <= high) {
    map.set(low++, dstLow);
    const nextCharCode = dstLow.charCodeAt(lastByte) + 1;
    if (nextCharCode > 0xff) {
      dstLow = dstLow.substring(0, lastByte - 1) + String.fromCharCode(dstLow.charCodeAt(lastByte - 1) + 1) + '\x00';
      continue;
    }
    dstLow = dstLow.substring(0, lastByte) + String.fromCharCode(nextCharCode);
  }
}

/** pdf.js's readToUnicode: destinations as text. */
function toText(raw: Map<number, string | number>): Map<number, string> {
  const out = new Map<number, string>();
  for (const [code, token] of raw) {
    if (typeof token === 'number') {
      out.set(code, String.fromCodePoint(token));
      continue;
    }
    const t = token.length % 2 !== 0 ? '\u0000' + token : token;
    const points: number[] = [];
    for (let k = 0; k < t.length; k += 2) {
      const w1 = (t.charCodeAt(k) << 8) | t.charCodeAt(k + 1);
      if ((w1 & 0xf800) !== 0xd800) {
        points.push(w1);
        continue;
      }
      k += 2;
      const w2 = (t.charCodeAt(k) << 8) | t.charCodeAt(k + 1);
      points.push(((w1 & 0x3ff) << 10) + (w2 & 0x3ff) + 0x10000);
    }
    out.set(code, String.fromCodePoint(...points));
  }
  return out;
}

