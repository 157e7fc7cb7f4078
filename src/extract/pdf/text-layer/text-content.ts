import type { PdfObjects } from '../pdf-objects.js';
import type { FontLoader, TextFont } from './fonts.js';
import { PdfCmd, PdfName, PdfParser, PdfRef, type PdfDict, type PdfValue } from './pdf-syntax.js';

/** One run of pdf.js's `getTextContent().items`, field for field. */
export interface TextContentItem {
  readonly str: string;
  readonly dir: 'ltr';
  readonly width: number;
  readonly height: number;
  readonly transform: readonly number[];
  /** The font's id on this document (pdf.js's `loadedName`). */
  readonly fontName: string | null;
  readonly hasEOL: boolean;
}

/** Thrown where the page holds something this reader does not follow: the caller gives the file to pdf.js. */
export class UnsupportedContent extends Error {}

type Matrix = number[];
const IDENTITY: readonly number[] = [1, 0, 0, 1, 0, 0];
const FONT_MATRIX_X = 0.001; // FONT_IDENTITY_MATRIX[0]: TrueType fonts have no matrix of their own

/** pdf.js's Util.transform. */
function transform(m1: readonly number[], m2: readonly number[]): Matrix {
  return [
    m1[0]! * m2[0]! + m1[2]! * m2[1]!,
    m1[1]! * m2[0]! + m1[3]! * m2[1]!,
    m1[0]! * m2[2]! + m1[2]! * m2[3]!,
    m1[1]! * m2[2]! + m1[3]! * m2[3]!,
    m1[0]! * m2[4]! + m1[2]! * m2[5]! + m1[4]!,
    m1[1]! * m2[4]! + m1[3]! * m2[5]! + m1[5]!,
  ];
}

/** pdf.js's TextState (saved and restored whole by q/Q, text matrices included). */
class TextState {
  ctm: readonly number[] = IDENTITY;
  fontName: string | null = null;
  fontSize = 0;
  font: TextFont | null = null;
  textMatrix: Matrix = [...IDENTITY];
  textLineMatrix: Matrix = [...IDENTITY];
  charSpacing = 0;
  wordSpacing = 0;
  leading = 0;
  textHScale = 1;
  textRise = 0;

  clone(): TextState {
    const c = Object.assign(new TextState(), this);
    c.textMatrix = this.textMatrix.slice();
    c.textLineMatrix = this.textLineMatrix.slice();
    return c;
  }
  translateTextMatrix(x: number, y: number): void {
    const m = this.textMatrix;
    m[4] = m[0]! * x + m[2]! * y + m[4]!;
    m[5] = m[1]! * x + m[3]! * y + m[5]!;
  }
  translateTextLineMatrix(x: number, y: number): void {
    const m = this.textLineMatrix;
    m[4] = m[0]! * x + m[2]! * y + m[4]!;
    m[5] = m[1]! * x + m[3]! * y + m[5]!;
  }
  carriageReturn(): void {
    this.translateTextLineMatrix(0, -this.leading);
    this.textMatrix = this.textLineMatrix.slice();
  }
}

/** Operand counts of the operators (pdf.js's EvaluatorPreprocessor.opMap); -n: up to n (colour operators). */
const OPERANDS: Readonly<Record<string, number>> = {
  w: 1, J: 1, j: 1, M: 1, d: 2, ri: 1, i: 1, gs: 1, q: 0, Q: 0, cm: 6, m: 2, l: 2, c: 6, v: 4, y: 4, h: 0, re: 4,
  S: 0, s: 0, f: 0, F: 0, 'f*': 0, B: 0, 'B*': 0, b: 0, 'b*': 0, n: 0, W: 0, 'W*': 0, BT: 0, ET: 0, Tc: 1, Tw: 1,
  Tz: 1, TL: 1, Tf: 2, Tr: 1, Ts: 1, Td: 2, TD: 2, Tm: 6, 'T*': 0, Tj: 1, TJ: 1, "'": 1, '"': 3, d0: 2, d1: 6,
  CS: 1, cs: 1, SC: -4, SCN: -33, sc: -4, scn: -33, G: 1, g: 1, RG: 3, rg: 3, K: 4, k: 4, sh: 1, BI: 0, ID: 0,
  EI: 1, Do: 1, MP: 1, DP: 2, BMC: 1, BDC: 2, EMC: 0, BX: 0, EX: 0,
};

/**
 * The operators by their (interned) command: the switch below then compares interned strings, not
 * the text of each operator read from the stream.
 */
const KNOWN = new Map(Object.entries(OPERANDS).map(([op, operands]) => [PdfCmd.of(op), { op, operands }]));

const TRACKING_SPACE_FACTOR = 0.102;
const NOT_A_SPACE_FACTOR = 0.03;
const NEGATIVE_SPACE_FACTOR = -0.2;
const SPACE_IN_FLOW_MIN_FACTOR = 0.102;
const SPACE_IN_FLOW_MAX_FACTOR = 0.6;
const VERTICAL_SHIFT_RATIO = 0.25;

/** pdf.js's normalizeUnicode: compatibility forms (ligatures, NBSP, µ, Arabic presentation forms…) to NFKC. */
const NORMALIZE =
  /([\u00a0\u00b5\u037e\u0eb3\u2000-\u200a\u202f\u2126\ufb00-\ufb04\ufb06\ufb20-\ufb36\ufb38-\ufb3c\ufb3e\ufb40-\ufb41\ufb43-\ufb44\ufb46-\ufba1\ufba4-\ufba9\ufbae-\ufbb1\ufbd3-\ufbdc\ufbde-\ufbe7\ufbea-\ufbf8\ufbfc-\ufbfd\ufc00-\ufc5d\ufc64-\ufcf1\ufcf5-\ufd3d\ufd88\ufdf4\ufdfa-\ufdfb\ufe71\ufe77\ufe79\ufe7b\ufe7d]+)|(\ufb05+)/gu;
const normalizeUnicode = (s: string) =>
  s.replace(NORMALIZE, (_, p1: string | undefined, p2: string) => {
    if (p1) return p1.normalize('NFKC');
    // pdf.js maps one "ﬅ" to "ſt" and a run of several to the text "undefined": not followed.
    if (p2 !== '\ufb05') throw new UnsupportedContent('repeated ligature ﬅ');
    return 'ſt';
  });
/** Characters pdf.js's bidi algorithm reorders (Hebrew, Arabic…): such runs are left to pdf.js. */
const RIGHT_TO_LEFT = /[\u0590-\u05f4\u0600-\u08ac\ufb50-\ufdff\ufe70-\ufeff]/;

export interface PageInput {
  readonly content: string;
  readonly resources: PdfDict | undefined;
  /** The page's crop box ∩ media box (pdf.js's `page.view`). */
  readonly view: readonly [number, number, number, number];
}

/**
 * A page's text runs as pdf.js's `getTextContent()` gives them (default options): a port of its
 * evaluator's text-content builder for horizontal writing: glyph advances from the font's widths,
 * char and word spacing, TJ adjustments, runs split where the pen jumps back or off the line,
 * spaces inserted where it jumps forward (within a run, or as a run of its own), whitespace glyphs
 * collapsed, combining marks not advancing, glyphs outside the page dropped, marked content and
 * XObjects ending a run (a form's own runs read where it is drawn). The same operations in the
 * same order, so that positions and widths come out as the same doubles.
 */
export function readTextContent(page: PageInput, objects: PdfObjects, fonts: FontLoader): TextContentItem[] {
  const items: TextContentItem[] = [];
  readContent({ ...page, objects, fonts, items, state: new TextState(), forms: new Set() });
  return items;
}

interface ContentInput extends PageInput {
  readonly objects: PdfObjects;
  readonly fonts: FontLoader;
  /** Where the runs go: a form's runs join its page's, in drawing order. */
  readonly items: TextContentItem[];
  readonly state: TextState;
  /** The forms being read (a form drawing itself is a loop). */
  readonly forms: ReadonlySet<string>;
}

/**
 * One content stream: the page's, or a form XObject's, which pdf.js reads as a text content of its
 * own (a fresh run and spacing state) from a copy of the graphics state at `Do`, with the form's
 * matrix and resources.
 */
function readContent(input: ContentInput): void {
  const { view, objects, fonts, items } = input;
  const fontRes = objects.resolve(input.resources?.get('Font'));
  const xobjects = objects.resolve(input.resources?.get('XObject'));
  const extGStates = objects.resolve(input.resources?.get('ExtGState'));

  const item = {
    initialized: false,
    str: [] as string[],
    totalWidth: 0,
    totalHeight: 0,
    width: 0,
    height: 0,
    textAdvanceScale: 0,
    spaceInFlowMin: 0,
    spaceInFlowMax: 0,
    trackingSpaceMin: Infinity,
    negativeSpaceMax: -Infinity,
    notASpace: -Infinity,
    transform: null as readonly number[] | null,
    fontName: null as string | null,
    hasEOL: false,
  };
  const twoLastChars = [' ', ' '];
  let twoLastCharsPos = 0;
  const saveLastChar = (char: string): boolean => {
    const nextPos = (twoLastCharsPos + 1) % 2;
    const ret = twoLastChars[twoLastCharsPos] !== ' ' && twoLastChars[nextPos] === ' ';
    twoLastChars[twoLastCharsPos] = char;
    twoLastCharsPos = nextPos;
    return ret;
  };
  const shouldAddWhitespace = () => twoLastChars[twoLastCharsPos] !== ' ' && twoLastChars[(twoLastCharsPos + 1) % 2] === ' ';
  const resetLastChars = () => {
    twoLastChars[0] = twoLastChars[1] = ' ';
    twoLastCharsPos = 0;
  };

  const stack: TextState[] = [];
  let state = input.state;

  /**
   * pdf.js's getCurrentTextTransform, ctm × (text matrix × [size × scale, 0, 0, size, 0, rise]),
   * written out term by term (the zero terms too, for the same doubles) into `out`: it is computed
   * twice a glyph, and two arrays a time were most of this reader's garbage.
   */
  const computeTransform = (out: Float64Array): Float64Array => {
    const a = state.fontSize * state.textHScale;
    const d = state.fontSize;
    const rise = state.textRise;
    const t = state.textMatrix;
    const i0 = t[0]! * a + t[2]! * 0;
    const i1 = t[1]! * a + t[3]! * 0;
    const i2 = t[0]! * 0 + t[2]! * d;
    const i3 = t[1]! * 0 + t[3]! * d;
    const i4 = t[0]! * 0 + t[2]! * rise + t[4]!;
    const i5 = t[1]! * 0 + t[3]! * rise + t[5]!;
    const m = state.ctm;
    out[0] = m[0]! * i0 + m[2]! * i1;
    out[1] = m[1]! * i0 + m[3]! * i1;
    out[2] = m[0]! * i2 + m[2]! * i3;
    out[3] = m[1]! * i2 + m[3]! * i3;
    out[4] = m[0]! * i4 + m[2]! * i5 + m[4]!;
    out[5] = m[1]! * i4 + m[3]! * i5 + m[5]!;
    return out;
  };
  const current = new Float64Array(6);
  const currentTransform = (): number[] => {
    const c = computeTransform(current);
    return [c[0]!, c[1]!, c[2]!, c[3]!, c[4]!, c[5]!];
  };
  /** The transform after the run's last glyph that advanced (pdf.js's prevTransform), kept across runs. */
  const prev = new Float64Array(6);
  let hasPrev = false;
  const pushWhitespace = (width: number, height: number, t: readonly number[] = [prev[0]!, prev[1]!, prev[2]!, prev[3]!, prev[4]!, prev[5]!], fontName = item.fontName) => {
    items.push({ str: ' ', dir: 'ltr', width, height, transform: t, fontName, hasEOL: false });
  };
  const ensureItem = () => {
    if (item.initialized) return item;
    item.fontName = state.font!.id;
    const trm = (item.transform = currentTransform());
    item.width = item.totalWidth = 0;
    item.height = item.totalHeight = Math.hypot(trm[2]!, trm[3]!);
    const scaleLineX = Math.hypot(state.textLineMatrix[0]!, state.textLineMatrix[1]!);
    const scaleCtmX = Math.hypot(state.ctm[0]!, state.ctm[1]!);
    item.textAdvanceScale = scaleCtmX * scaleLineX;
    const { fontSize } = state;
    item.trackingSpaceMin = fontSize * TRACKING_SPACE_FACTOR;
    item.notASpace = fontSize * NOT_A_SPACE_FACTOR;
    item.negativeSpaceMax = fontSize * NEGATIVE_SPACE_FACTOR;
    item.spaceInFlowMin = fontSize * SPACE_IN_FLOW_MIN_FACTOR;
    item.spaceInFlowMax = fontSize * SPACE_IN_FLOW_MAX_FACTOR;
    item.hasEOL = false;
    item.initialized = true;
    return item;
  };
  const updateAdvanceScale = () => {
    if (!item.initialized) return;
    const scaleFactor = Math.hypot(state.ctm[0]!, state.ctm[1]!) * Math.hypot(state.textLineMatrix[0]!, state.textLineMatrix[1]!);
    if (scaleFactor === item.textAdvanceScale) return;
    item.totalWidth += item.width * item.textAdvanceScale;
    item.width = 0;
    item.textAdvanceScale = scaleFactor;
  };
  const flush = () => {
    if (!item.initialized) return;
    item.totalWidth += item.width * item.textAdvanceScale;
    const str = normalizeUnicode(item.str.join(''));
    if (RIGHT_TO_LEFT.test(str)) throw new UnsupportedContent('right-to-left text');
    items.push({ str, dir: 'ltr', width: Math.abs(item.totalWidth), height: Math.abs(item.totalHeight), transform: item.transform!, fontName: item.fontName, hasEOL: item.hasEOL });
    item.initialized = false;
    item.str.length = 0;
  };
  const appendEOL = () => {
    resetLastChars();
    if (item.initialized) {
      item.hasEOL = true;
      flush();
    } else {
      items.push({ str: '', dir: 'ltr', width: 0, height: 0, transform: currentTransform(), fontName: state.font?.id ?? null, hasEOL: true });
    }
  };
  const addFakeSpaces = (width: number, textOrientation: number): boolean => {
    if (textOrientation * item.spaceInFlowMin <= width && width <= textOrientation * item.spaceInFlowMax) {
      if (item.initialized) {
        resetLastChars();
        item.str.push(' ');
      }
      return false;
    }
    const fontName = item.fontName;
    flush();
    resetLastChars();
    pushWhitespace(Math.abs(width), 0, hasPrev ? [prev[0]!, prev[1]!, prev[2]!, prev[3]!, prev[4]!, prev[5]!] : currentTransform(), fontName);
    return true;
  };
  const compareWithLastPosition = (glyphWidth: number): boolean => {
    computeTransform(current);
    let posX = current[4]!;
    let posY = current[5]!;
    if (posX + glyphWidth < view[0] || posX > view[2] || posY < view[1] || posY > view[3]) return false;
    if (!state.font || !hasPrev) return true;
    let lastPosX = prev[4]!;
    let lastPosY = prev[5]!;
    if (lastPosX === posX && lastPosY === posY) return true;
    let rotate = -1;
    if (current[0] && current[1] === 0 && current[2] === 0) rotate = current[0] > 0 ? 0 : 180;
    else if (current[1] && current[0] === 0 && current[3] === 0) rotate = current[1] > 0 ? 90 : 270;
    switch (rotate) {
      case 0:
        break;
      case 90:
        [posX, posY] = [posY, posX];
        [lastPosX, lastPosY] = [lastPosY, lastPosX];
        break;
      case 180:
        [posX, posY, lastPosX, lastPosY] = [-posX, -posY, -lastPosX, -lastPosY];
        break;
      case 270:
        [posX, posY] = [-posY, -posX];
        [lastPosX, lastPosY] = [-lastPosY, -lastPosX];
        break;
      default:
        [posX, posY] = inverseRotation(posX, posY, current);
        [lastPosX, lastPosY] = inverseRotation(lastPosX, lastPosY, prev);
    }
    const advanceX = (posX - lastPosX) / item.textAdvanceScale;
    const advanceY = posY - lastPosY;
    const textOrientation = Math.sign(item.width);
    if (advanceX < textOrientation * item.negativeSpaceMax) {
      if (Math.abs(advanceY) > 0.5 * item.height) {
        appendEOL();
        return true;
      }
      resetLastChars();
      flush();
      return true;
    }
    if (Math.abs(advanceY) > item.height) {
      appendEOL();
      return true;
    }
    if (advanceX <= textOrientation * item.notASpace) resetLastChars();
    if (advanceX <= textOrientation * item.trackingSpaceMin) {
      if (shouldAddWhitespace()) {
        resetLastChars();
        flush();
        pushWhitespace(Math.abs(advanceX), 0);
      } else item.width += advanceX;
    } else if (!addFakeSpaces(advanceX, textOrientation)) {
      if (item.str.length === 0) {
        resetLastChars();
        pushWhitespace(Math.abs(advanceX), 0);
      } else item.width += advanceX;
    }
    if (Math.abs(advanceY) > item.height * VERTICAL_SHIFT_RATIO) flush();
    return true;
  };
  const buildTextContentItem = (chars: string, extraSpacing: number) => {
    const font = state.font!;
    if (!chars) {
      const charSpacing = state.charSpacing + extraSpacing;
      if (charSpacing) state.translateTextMatrix(charSpacing * state.textHScale, 0);
      return;
    }
    const scale = FONT_MATRIX_X * state.fontSize;
    for (let i = 0, ii = font.glyphCount(chars); i < ii; i++) {
      const glyph = font.glyphAt(chars, i);
      const { category } = glyph;
      if (category.isInvisibleFormatMark) continue;
      let charSpacing = state.charSpacing + (i + 1 === ii ? extraSpacing : 0);
      let scaledDim = glyph.width * scale;
      if (glyph.code === 0x20) charSpacing += state.wordSpacing;
      if (category.isWhitespace) {
        charSpacing += scaledDim;
        state.translateTextMatrix(charSpacing * state.textHScale, 0);
        saveLastChar(' ');
        continue;
      }
      if (!category.isZeroWidthDiacritic && !compareWithLastPosition(scaledDim)) {
        state.translateTextMatrix(scaledDim * state.textHScale, 0);
        continue;
      }
      const chunk = ensureItem();
      if (category.isZeroWidthDiacritic) scaledDim = 0;
      scaledDim *= state.textHScale;
      state.translateTextMatrix(scaledDim, 0);
      chunk.width += scaledDim;
      if (scaledDim) {
        computeTransform(prev);
        hasPrev = true;
      }
      if (saveLastChar(glyph.unicode)) chunk.str.push(' ');
      chunk.str.push(glyph.unicode);
      if (charSpacing) state.translateTextMatrix(charSpacing * state.textHScale, 0);
    }
  };

  const num = (v: PdfValue): number => {
    if (typeof v !== 'number') throw new UnsupportedContent('operand is not a number');
    return v;
  };
  const str = (v: PdfValue): string => {
    if (typeof v !== 'string') throw new UnsupportedContent('operand is not a string');
    return v;
  };
  const needFont = () => {
    if (!state.font) throw new UnsupportedContent('text shown before any font is set');
  };

  const parser = new PdfParser(input.content, 0, input.content.length, false);
  // Operands in a reused array, counted by argc (emptying an array by its length costs more).
  const args: PdfValue[] = [];
  let argc = 0;
  const six = (): number[] => [num(args[0]!), num(args[1]!), num(args[2]!), num(args[3]!), num(args[4]!), num(args[5]!)];
  for (;;) {
    const obj = parser.next();
    if (obj === undefined) break;
    if (!(obj instanceof PdfCmd)) {
      if (argc === 33) throw new UnsupportedContent('too many operands');
      args[argc++] = obj;
      continue;
    }
    const spec = KNOWN.get(obj);
    if (spec === undefined) throw new UnsupportedContent(`operator ${obj.cmd}`);
    const { op, operands } = spec;
    if (operands >= 0 ? argc !== operands : argc > -operands) throw new UnsupportedContent(`${op} with ${argc} operands`);
    const previous = state;
    switch (op) {
      case 'q':
        stack.push(state);
        state = state.clone();
        break;
      case 'Q': {
        const prev = stack.pop();
        if (prev) state = prev;
        if (previous.font !== state.font || previous.fontSize !== state.fontSize || previous.fontName !== state.fontName) flush();
        break;
      }
      case 'cm':
        state.ctm = transform(state.ctm, six());
        break;
      case 'Tf': {
        const name = args[0];
        if (!(name instanceof PdfName)) throw new UnsupportedContent('Tf without a font name');
        const size = num(args[1]!);
        if (state.font && name.name === state.fontName && size === state.fontSize) break;
        flush();
        state.fontName = name.name;
        state.fontSize = size;
        const entry = fontRes instanceof Map ? fontRes.get(name.name) : undefined;
        if (entry === undefined) throw new UnsupportedContent(`font ${name.name} not in the resources`);
        state.font = fonts.load(entry);
        break;
      }
      case 'Ts':
        state.textRise = num(args[0]!);
        break;
      case 'Tz':
        state.textHScale = num(args[0]!) / 100;
        break;
      case 'TL':
        state.leading = num(args[0]!);
        break;
      case 'Td':
        state.translateTextLineMatrix(num(args[0]!), num(args[1]!));
        state.textMatrix = state.textLineMatrix.slice();
        break;
      case 'TD':
        state.leading = -num(args[1]!);
        state.translateTextLineMatrix(num(args[0]!), num(args[1]!));
        state.textMatrix = state.textLineMatrix.slice();
        break;
      case 'T*':
        state.carriageReturn();
        break;
      case 'Tm': {
        const m = six();
        state.textMatrix = m.slice();
        state.textLineMatrix = m.slice();
        updateAdvanceScale();
        break;
      }
      case 'Tc':
        state.charSpacing = num(args[0]!);
        break;
      case 'Tw':
        state.wordSpacing = num(args[0]!);
        break;
      case 'BT':
        state.textMatrix = [...IDENTITY];
        state.textLineMatrix = [...IDENTITY];
        break;
      case 'TJ': {
        needFont();
        const elements = args[0];
        if (!Array.isArray(elements)) throw new UnsupportedContent('TJ without an array');
        const spaceFactor = (-1 * state.fontSize) / 1000;
        let buffer = '';
        let buffered = false;
        for (const e of elements) {
          if (typeof e === 'string') {
            buffer += e;
            buffered = true;
          } else if (typeof e === 'number') {
            if (e !== 0) {
              buildTextContentItem(buffer, e * spaceFactor);
              buffer = '';
              buffered = false;
            }
          } else throw new UnsupportedContent('TJ element');
        }
        // Even an empty string left over moves the pen by the char spacing (pdf.js's buffer is not empty).
        if (buffered) buildTextContentItem(buffer, 0);
        break;
      }
      case 'Tj':
        needFont();
        buildTextContentItem(str(args[0]!), 0);
        break;
      case "'":
        needFont();
        state.carriageReturn();
        buildTextContentItem(str(args[0]!), 0);
        break;
      case '"':
        needFont();
        state.wordSpacing = num(args[0]!);
        state.charSpacing = num(args[1]!);
        state.carriageReturn();
        buildTextContentItem(str(args[2]!), 0);
        break;
      case 'Do': {
        flush();
        const name = args[0];
        if (!(name instanceof PdfName)) throw new UnsupportedContent('Do without a name');
        const ref = xobjects instanceof Map ? xobjects.get(name.name) : undefined;
        const xobj = objects.resolve(ref);
        const subtype = xobj instanceof Map ? objects.resolve(xobj.get('Subtype')) : undefined;
        if (!(ref instanceof PdfRef) || !(subtype instanceof PdfName)) throw new UnsupportedContent('XObject not found');
        if (subtype.name !== 'Form') break; // an image holds no text
        const content = objects.streamData(ref);
        if (content === undefined || input.forms.has(ref.key)) throw new UnsupportedContent('form not read');
        const form = xobj as PdfDict;
        const nested = state.clone();
        const matrix = objects.resolve(form.get('Matrix'));
        if (Array.isArray(matrix) && matrix.length === 6 && matrix.every((v) => typeof v === 'number')) nested.ctm = transform(nested.ctm, matrix as number[]);
        else if (matrix !== undefined) throw new UnsupportedContent('form matrix');
        const own = objects.resolve(form.get('Resources'));
        readContent({ content, resources: own instanceof Map ? own : input.resources, view, objects, fonts, items, state: nested, forms: new Set([...input.forms, ref.key]) });
        break;
      }
      case 'gs': {
        const name = args[0];
        const gs = name instanceof PdfName && extGStates instanceof Map ? objects.resolve(extGStates.get(name.name)) : undefined;
        if (!(gs instanceof Map)) throw new UnsupportedContent('graphics state not found');
        if (gs.has('Font')) throw new UnsupportedContent('font set by a graphics state');
        break;
      }
      case 'BMC':
      case 'BDC':
      case 'EMC':
        flush();
        break;
      case 'BI':
      case 'ID':
      case 'EI':
        throw new UnsupportedContent('inline image');
      case 'd0':
      case 'd1':
        throw new UnsupportedContent('glyph operator in a page');
    }
    argc = 0;
  }
  flush();
}

/** pdf.js's applyInverseRotation. */
function inverseRotation(x: number, y: number, m: ArrayLike<number>): [number, number] {
  const scale = Math.hypot(m[0]!, m[1]!);
  return [(m[0]! * x + m[1]! * y) / scale, (m[2]! * x + m[3]! * y) / scale];
}
