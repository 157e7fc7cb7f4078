import { inflateSync } from 'node:zlib';
import { PdfParser, PdfRef, type PdfDict, type PdfValue } from './text-layer/pdf-syntax.js';

/**
 * A PDF's objects read straight from the file's bytes: pages' content streams (for the rulings of
 * table pages) and, for the direct text layer (`text-layer/`), the page tree, resources and fonts.
 *
 * Why: pdf.js gives a page's drawing only as its operator list, and building one loads every font
 * of the page for rendering (glyph outlines compiled into paths on Node): a table page's operator
 * list cost about as much as its text content, for the few dozen lines we need from it. The
 * content stream itself is a short Flate-compressed text that names those lines directly.
 *
 * Only the plain case is read: an object found as "N G obj" in the file (the last one, as an
 * incremental update appends newer versions), a /Contents that is one stream or an array of them,
 * unfiltered or /FlateDecode without parameters, in an unencrypted file. Anything else (objects
 * in object streams, other filters, encryption) answers undefined and the caller asks pdf.js.
 */
export class PdfObjects {
  private readonly text: string;
  private offsets: Map<string, number> | undefined;
  private readonly values = new Map<string, PdfValue | undefined>();
  private plain: boolean | undefined;

  constructor(private readonly bytes: Uint8Array) {
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  }

  /** Encrypted files' streams are ciphered: never read directly. */
  get readable(): boolean {
    this.plain ??= !/\/Encrypt\b/.test(this.text);
    return this.plain;
  }

  /** The decoded content stream(s) of the page object `ref`, joined; undefined when not the plain case. */
  pageContent(ref: { num: number; gen: number }): string | undefined {
    if (!this.readable) return undefined;
    const page = this.object(ref.num, ref.gen);
    if (!page || !/\/Type\s*\/Page(?![A-Za-z])/.test(page.dict)) return undefined;
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+\s+\d+\s+R)/.exec(page.dict)?.[1];
    if (!contents) return /\/Contents/.test(page.dict) ? undefined : '';
    let refs = [...contents.matchAll(/(\d+)\s+(\d+)\s+R/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    if (refs.length === 1 && !contents.startsWith('[')) {
      // One reference: a stream, or an array object listing streams.
      const target = this.object(refs[0]![0], refs[0]![1]);
      if (!target) return undefined;
      if (target.streamAt < 0) {
        if (!target.dict.trimStart().startsWith('[')) return undefined;
        refs = [...target.dict.matchAll(/(\d+)\s+(\d+)\s+R/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
      }
    }
    const parts: string[] = [];
    for (const [num, gen] of refs) {
      const part = this.stream(num, gen);
      if (part === undefined) return undefined;
      parts.push(part);
    }
    return parts.join('\n');
  }

  /** The trailer dictionary of a file with a classic cross-reference table (the last one); undefined otherwise. */
  trailer(): PdfDict | undefined {
    const at = this.text.lastIndexOf('trailer');
    if (at < 0) return undefined;
    try {
      const v = new PdfParser(this.text, at + 'trailer'.length).value();
      return v instanceof Map ? v : undefined;
    } catch {
      return undefined;
    }
  }

  /** The object `ref` names (its dictionary, for a stream), parsed; undefined when not found or not read. */
  value(ref: PdfRef): PdfValue | undefined {
    const key = ref.key;
    if (this.values.has(key)) return this.values.get(key);
    const obj = this.object(ref.num, ref.gen);
    let v: PdfValue | undefined;
    try {
      v = obj ? new PdfParser(obj.dict).value() : undefined;
    } catch {
      v = undefined;
    }
    this.values.set(key, v);
    return v;
  }

  /** `v` itself, or the object it refers to (one level: PDF has no reference to a reference). */
  resolve(v: PdfValue | undefined): PdfValue | undefined {
    return v instanceof PdfRef ? this.value(v) : v;
  }

  /** The decoded data of the stream object `ref`, in the plain case (see above). */
  streamData(ref: PdfRef): string | undefined {
    return this.stream(ref.num, ref.gen);
  }

  private stream(num: number, gen: number): string | undefined {
    const obj = this.object(num, gen);
    if (!obj || obj.streamAt < 0) return undefined;
    if (/\/DecodeParms|\/DP\b/.test(obj.dict)) return undefined;
    const filter = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(obj.dict)?.[1];
    const filters = filter ? [...filter.matchAll(/\/([A-Za-z0-9]+)/g)].map((m) => m[1]) : [];
    if (filters.length > 1 || (filters.length === 1 && filters[0] !== 'FlateDecode')) return undefined;
    const length = this.length(obj.dict);
    if (length === undefined || obj.streamAt + length > this.bytes.length) return undefined;
    const raw = this.bytes.subarray(obj.streamAt, obj.streamAt + length);
    try {
      return (filters.length ? inflateSync(raw) : Buffer.from(raw)).toString('latin1');
    } catch {
      return undefined;
    }
  }

  private length(dict: string): number | undefined {
    const m = /\/Length\s+(\d+)(?:\s+(\d+)\s+R)?/.exec(dict);
    if (!m) return undefined;
    if (m[2] === undefined) return Number(m[1]);
    const target = this.object(Number(m[1]), Number(m[2]));
    const n = target && target.streamAt < 0 ? /^\s*(\d+)\s*$/.exec(target.dict)?.[1] : undefined;
    return n === undefined ? undefined : Number(n);
  }

  /** An object's text up to "stream" or "endobj", and where its stream data starts (-1: none). */
  private object(num: number, gen: number): { dict: string; streamAt: number } | undefined {
    this.offsets ??= this.index();
    const at = this.offsets.get(`${num} ${gen}`);
    if (at === undefined) return undefined;
    const end = this.text.indexOf('endobj', at);
    const stream = this.text.indexOf('stream', at);
    if (stream >= 0 && (end < 0 || stream < end)) {
      let data = stream + 'stream'.length;
      if (this.text[data] === '\r') data++;
      if (this.text[data] === '\n') data++;
      return { dict: this.text.slice(at, stream), streamAt: data };
    }
    return end < 0 ? undefined : { dict: this.text.slice(at, end), streamAt: -1 };
  }

  /** Where each "N G obj" starts its body, the last occurrence winning. */
  private index(): Map<string, number> {
    const offsets = new Map<string, number>();
    for (const m of this.text.matchAll(/(?<![0-9])(\d+)\s+(\d+)\s+obj\b/g)) offsets.set(`${m[1]} ${m[2]}`, m.index + m[0].length);
    return offsets;
  }
}
