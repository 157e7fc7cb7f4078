/**
 * PDF's object syntax (ISO 32000-1, 7.2–7.3) read from a Latin-1 string, as pdf.js's lexer and
 * parser read it: the same number arithmetic (digits accumulated, then one division, so that a
 * coordinate comes out as the same double), the same string escapes and hex-string padding. Used
 * for the file's objects and for content streams alike.
 */

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
  get key(): string {
    return `${this.num} ${this.gen}`;
  }
}

/** An operator of a content stream, or a keyword of the file ("obj", "R", "stream"…). */
export class PdfCmd {
  private static readonly known = new Map<string, PdfCmd>();
  private constructor(readonly cmd: string) {}
  static of(cmd: string): PdfCmd {
    let c = PdfCmd.known.get(cmd);
    if (!c) {
      PdfCmd.known.set(cmd, (c = new PdfCmd(cmd)));
      if (cmd.length <= 3) SHORT_WORDS.set(shortKey(cmd), c);
    }
    return c;
  }
}

/** Words of up to three characters seen so far, by their character codes and length. */
const SHORT_WORDS = new Map<number, PdfCmd>();
function shortKey(word: string): number {
  let key = 0;
  for (let k = 0; k < word.length; k++) key = key * 256 + word.charCodeAt(k);
  return key + word.length * 0x1000000;
}

export type PdfDict = Map<string, PdfValue>;
/** Strings are byte strings: one Latin-1 character per byte. */
export type PdfValue = number | string | boolean | null | PdfName | PdfRef | PdfDict | PdfValue[];

/** Character classes of PDF syntax (read as Latin-1): 1 white space, 2 delimiter, 0 regular. */
export const CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[c] = 1;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2;

const hexDigit = (c: number): number =>
  c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;

/** Thrown where the syntax is not what pdf.js would read the same way: the caller gives up on the file. */
export class PdfSyntaxError extends Error {}

const ARRAY_START = PdfCmd.of('[');
const ARRAY_END = PdfCmd.of(']');
const DICT_START = PdfCmd.of('<<');
const DICT_END = PdfCmd.of('>>');
const REF = PdfCmd.of('R');
const EOF = Symbol('eof');
type Token = number | string | boolean | null | PdfName | PdfCmd | typeof EOF;

/** Reads objects one after another from `s`, starting at `pos`. */
export class PdfParser {
  pos: number;
  private readonly end: number;

  /**
   * `refs`: "N G R" is read as a reference (the file's objects); content streams have none, and
   * looking ahead after every number would cost their reading a third more.
   */
  constructor(
    private readonly s: string,
    pos = 0,
    end = s.length,
    private readonly refs = true,
  ) {
    this.pos = pos;
    this.end = end;
  }

  /** The next complete object, or an operator (content streams), or undefined at the end. */
  next(): PdfValue | PdfCmd | undefined {
    const t = this.token();
    if (t === EOF) return undefined;
    return this.complete(t);
  }

  /** The next object where a value is expected (a dictionary value, an array element). */
  value(): PdfValue {
    const t = this.token();
    if (t === EOF) throw new PdfSyntaxError('unexpected end');
    const v = this.complete(t);
    if (v instanceof PdfCmd) throw new PdfSyntaxError(`unexpected ${v.cmd}`);
    return v;
  }

  private complete(t: Exclude<Token, typeof EOF>): PdfValue | PdfCmd {
    if (t === ARRAY_START) {
      const array: PdfValue[] = [];
      for (;;) {
        const e = this.token();
        if (e === EOF) throw new PdfSyntaxError('unterminated array');
        if (e === ARRAY_END) return array;
        const v = this.complete(e);
        if (v instanceof PdfCmd) throw new PdfSyntaxError(`${v.cmd} in an array`);
        array.push(v);
      }
    }
    if (t === DICT_START) {
      const dict: PdfDict = new Map();
      for (;;) {
        const k = this.token();
        if (k === DICT_END) return dict;
        if (!(k instanceof PdfName)) throw new PdfSyntaxError('dictionary key is not a name');
        const v = this.token();
        if (v === EOF || v === DICT_END) throw new PdfSyntaxError('dictionary without a value');
        const value = this.complete(v);
        if (value instanceof PdfCmd) throw new PdfSyntaxError(`${value.cmd} in a dictionary`);
        dict.set(k.name, value);
      }
    }
    if (this.refs && typeof t === 'number' && Number.isInteger(t) && t >= 0) {
      // "N G R": looked ahead for, and undone when it is not one.
      const at = this.pos;
      const gen = this.token();
      if (typeof gen === 'number' && Number.isInteger(gen) && gen >= 0) {
        const r = this.token();
        if (r === REF) return new PdfRef(t, gen);
      }
      this.pos = at;
    }
    return t;
  }

  private token(): Token {
    const s = this.s;
    const end = this.end;
    let i = this.pos;
    for (;;) {
      if (i >= end) {
        this.pos = i;
        return EOF;
      }
      const c = s.charCodeAt(i);
      if (c === 0x25) {
        while (i < end && s.charCodeAt(i) !== 0x0a && s.charCodeAt(i) !== 0x0d) i++;
      } else if (CLASS[c & 0xff] === 1) i++;
      else break;
    }
    const c = s.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) return this.number(i);
    switch (c) {
      case 0x28:
        return this.literal(i + 1);
      case 0x2f:
        return this.name(i + 1);
      case 0x5b:
        this.pos = i + 1;
        return ARRAY_START;
      case 0x5d:
        this.pos = i + 1;
        return ARRAY_END;
      case 0x3c:
        if (s.charCodeAt(i + 1) === 0x3c) {
          this.pos = i + 2;
          return DICT_START;
        }
        return this.hex(i + 1);
      case 0x3e:
        if (s.charCodeAt(i + 1) === 0x3e) {
          this.pos = i + 2;
          return DICT_END;
        }
        throw new PdfSyntaxError('stray >');
      case 0x7b:
      case 0x7d:
      case 0x29:
        throw new PdfSyntaxError(`unexpected ${String.fromCharCode(c)}`);
    }
    // Operators are short: one of up to three characters is found by its character codes, without a slice.
    let j = i + 1;
    let key = c;
    while (j < end && CLASS[s.charCodeAt(j) & 0xff] === 0) {
      if (j - i < 3) key = key * 256 + s.charCodeAt(j);
      j++;
    }
    this.pos = j;
    if (j - i <= 3) {
      const short = SHORT_WORDS.get(key + (j - i) * 0x1000000);
      if (short) return short;
    }
    const word = s.slice(i, j);
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return PdfCmd.of(word);
  }

  /** pdf.js's Lexer.getNumber. */
  private number(i: number): number {
    const s = this.s;
    const end = this.end;
    let ch = s.charCodeAt(i);
    let sign = 1;
    let divideBy = 0;
    if (ch === 0x2d) {
      sign = -1;
      ch = s.charCodeAt(++i);
      if (ch === 0x2d) ch = s.charCodeAt(++i);
    } else if (ch === 0x2b) ch = s.charCodeAt(++i);
    if (ch === 0x0a || ch === 0x0d) throw new PdfSyntaxError('line break in a number');
    if (ch === 0x2e) {
      divideBy = 10;
      ch = s.charCodeAt(++i);
    }
    if (!(ch >= 0x30 && ch <= 0x39)) {
      if (i >= end || CLASS[ch & 0xff] === 1 || ch === 0x28 || ch === 0x3c) {
        this.pos = i;
        return 0;
      }
      throw new PdfSyntaxError('invalid number');
    }
    let base = ch - 0x30;
    let power = 0;
    let powerSign = 1;
    let e = false;
    while (++i < end) {
      ch = s.charCodeAt(i);
      if (ch >= 0x30 && ch <= 0x39) {
        if (e) power = power * 10 + (ch - 0x30);
        else {
          if (divideBy !== 0) divideBy *= 10;
          base = base * 10 + (ch - 0x30);
        }
      } else if (ch === 0x2e) {
        if (divideBy === 0) divideBy = 1;
        else break;
      } else if (ch === 0x2d) {
        throw new PdfSyntaxError('minus sign inside a number');
      } else if (ch === 0x45 || ch === 0x65) {
        const next = s.charCodeAt(i + 1);
        if (next === 0x2b || next === 0x2d) {
          powerSign = next === 0x2d ? -1 : 1;
          i++;
        } else if (!(next >= 0x30 && next <= 0x39)) break;
        e = true;
      } else break;
    }
    this.pos = i;
    if (divideBy !== 0) base /= divideBy;
    if (e) base *= 10 ** (powerSign * power);
    return sign * base;
  }

  /** pdf.js's Lexer.getString, from after the opening parenthesis. */
  private literal(i: number): string {
    const s = this.s;
    const end = this.end;
    let depth = 1;
    let out = '';
    let from = i;
    for (; i < end; i++) {
      const ch = s.charCodeAt(i);
      if (ch === 0x28) depth++;
      else if (ch === 0x29) {
        if (--depth === 0) {
          this.pos = i + 1;
          return out + s.slice(from, i);
        }
      } else if (ch === 0x5c) {
        out += s.slice(from, i);
        const e = s.charCodeAt(++i);
        switch (e) {
          case 0x6e:
            out += '\n';
            break;
          case 0x72:
            out += '\r';
            break;
          case 0x74:
            out += '\t';
            break;
          case 0x62:
            out += '\b';
            break;
          case 0x66:
            out += '\f';
            break;
          case 0x0d:
            if (s.charCodeAt(i + 1) === 0x0a) i++;
            break;
          case 0x0a:
            break;
          default:
            if (e >= 0x30 && e <= 0x37) {
              let x = e & 0x0f;
              const d2 = s.charCodeAt(i + 1);
              if (d2 >= 0x30 && d2 <= 0x37) {
                i++;
                x = (x << 3) + (d2 & 0x0f);
                const d3 = s.charCodeAt(i + 1);
                if (d3 >= 0x30 && d3 <= 0x37) {
                  i++;
                  x = (x << 3) + (d3 & 0x0f);
                }
              }
              out += String.fromCharCode(x);
            } else if (i < end) out += s[i];
        }
        from = i + 1;
      }
    }
    throw new PdfSyntaxError('unterminated string');
  }

  /** pdf.js's Lexer.getHexString, from after "<": white space skipped, an odd last digit padded with 0. */
  private hex(i: number): string {
    const s = this.s;
    const end = this.end;
    let out = '';
    let first = -1;
    for (; i < end; i++) {
      const ch = s.charCodeAt(i);
      if (ch === 0x3e) {
        this.pos = i + 1;
        if (first !== -1) out += String.fromCharCode(first << 4);
        return out;
      }
      if (CLASS[ch & 0xff] === 1) continue;
      const d = hexDigit(ch);
      if (d === -1) throw new PdfSyntaxError('invalid hex digit');
      if (first === -1) first = d;
      else {
        out += String.fromCharCode((first << 4) | d);
        first = -1;
      }
    }
    throw new PdfSyntaxError('unterminated hex string');
  }

  /** pdf.js's Lexer.getName, from after "/": #xx escapes decoded. */
  private name(i: number): PdfName {
    const s = this.s;
    const end = this.end;
    let j = i;
    while (j < end && CLASS[s.charCodeAt(j) & 0xff] === 0) j++;
    this.pos = j;
    let name = s.slice(i, j);
    if (name.includes('#')) {
      name = name.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
      if (name.includes('#')) throw new PdfSyntaxError('malformed # in a name');
    }
    return new PdfName(name);
  }
}
