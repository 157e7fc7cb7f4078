import { OPS } from './pdfjs.js';

/**
 * The rulings a page draws: every straight horizontal or vertical mark a viewer shows as a line,
 * whatever the producer drew it with. Word and LibreOffice stroke paths (of any width, 0 = the
 * device's thinnest, dashed, doubled as two strokes, one long stroke per row or one per cell edge);
 * browsers fill thin rectangles (one per cell edge, two for a double line). Both become segments
 * along the mark's middle, in PDF user space (origin bottom-left, y up), the text runs' space.
 */
export interface Segment {
  /** y of a horizontal segment, x of a vertical one. */
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

export interface Rulings {
  readonly horizontal: readonly Segment[];
  readonly vertical: readonly Segment[];
}

/** A filled box at most this thick (pt) is a line: a 1.5 pt frame or a double line's stroke, not a shaded cell. */
const MAX_FILLED_THICKNESS = 3;
/** Shorter marks are glyph parts, bullets or a dash of a dashed line too short to matter alone. */
const MIN_LENGTH = 1;
/** How far a stroke may lean and still be horizontal or vertical (pt). */
const SKEW = 0.5;

export type Matrix = [number, number, number, number, number, number];

/** pdf.js's operator list of a page, as `PDFPageProxy.getOperatorList()` returns it. */
export interface OperatorList {
  readonly fnArray: ArrayLike<number>;
  readonly argsArray: readonly unknown[];
}

/** pdf.js's path codes inside a constructPath's data (DrawOPS). */
export const PATH = { move: 0, line: 1, curve: 2, close: 3 } as const;
const { move: MOVE, line: LINE, curve: CURVE, close: CLOSE } = PATH;

const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILLS = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

export function rulingsOf(ops: OperatorList): Rulings {
  const pen = new RulingPen();
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]!;
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) pen.save();
    else if (fn === OPS.restore) pen.restore();
    else if (fn === OPS.transform) pen.transform(args as unknown as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      pen.save();
      const m = args?.[0] as Matrix | null | undefined;
      if (m) pen.transform(m);
    } else if (fn === OPS.paintFormXObjectEnd) pen.restore();
    else if (fn === OPS.constructPath && args) {
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data || typeof data !== 'object' || !('length' in data)) continue;
      pen.paint(args[0] as number, data);
    }
  }
  return pen.rulings();
}

/**
 * Follows a page's graphics state and turns its painted paths into segments. Fed by pdf.js's
 * operator list (`rulingsOf`) or by the page's content stream read directly (`content-rulings.ts`);
 * paths come in pdf.js's path codes (`PATH`), before the current transformation.
 */
export class RulingPen {
  private readonly horizontal: Segment[] = [];
  private readonly vertical: Segment[] = [];
  private ctm: Matrix = [1, 0, 0, 1, 0, 0];
  private readonly stack: Matrix[] = [];

  save(): void {
    this.stack.push(this.ctm);
  }

  restore(): void {
    this.ctm = this.stack.pop() ?? this.ctm;
  }

  transform(m: Matrix): void {
    this.ctm = multiply(this.ctm, m);
  }

  /** A path painted with pdf.js's paint operator `op` (OPS.stroke, OPS.fill …). */
  paint(op: number, data: ArrayLike<number>): void {
    const stroke = STROKES.has(op);
    const fill = FILLS.has(op);
    if (!stroke && !fill) return; // clipping paths, endPath
    walk(data, stroke ? this.addLine : undefined, fill ? this.addBox : undefined);
  }

  rulings(): Rulings {
    return { horizontal: this.horizontal, vertical: this.vertical };
  }

  private readonly addLine = (ax: number, ay: number, bx: number, by: number) => {
    const [x0, y0] = apply(this.ctm, ax, ay);
    const [x1, y1] = apply(this.ctm, bx, by);
    if (Math.abs(y0 - y1) <= SKEW && Math.abs(x1 - x0) >= MIN_LENGTH) {
      this.horizontal.push({ at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
    } else if (Math.abs(x0 - x1) <= SKEW && Math.abs(y1 - y0) >= MIN_LENGTH) {
      this.vertical.push({ at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
    }
  };

  private readonly addBox = (points: readonly number[]) => {
    // A filled subpath: a thin axis-aligned box is a line along its middle.
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < points.length; i += 2) {
      const [x, y] = apply(this.ctm, points[i]!, points[i + 1]!);
      xs.push(x);
      ys.push(y);
    }
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    // Every corner on the bounding box: a rectangle, not a glyph-like shape.
    if (!xs.every((x, i) => (Math.abs(x - x0) < SKEW || Math.abs(x - x1) < SKEW) && (Math.abs(ys[i]! - y0) < SKEW || Math.abs(ys[i]! - y1) < SKEW))) return;
    const [w, h] = [x1 - x0, y1 - y0];
    if (h <= MAX_FILLED_THICKNESS && w >= MIN_LENGTH && w > h) this.horizontal.push({ at: (y0 + y1) / 2, from: x0, to: x1 });
    else if (w <= MAX_FILLED_THICKNESS && h >= MIN_LENGTH && h > w) this.vertical.push({ at: (x0 + x1) / 2, from: y0, to: y1 });
  };
}

/** Walks a path's data: straight pieces to `line`, each closed or finished subpath's points to `box`. */
function walk(
  data: ArrayLike<number>,
  line: ((ax: number, ay: number, bx: number, by: number) => void) | undefined,
  box: ((points: readonly number[]) => void) | undefined,
): void {
  let points: number[] = [];
  let [sx, sy, cx, cy] = [0, 0, 0, 0];
  let curved = false;
  const finish = () => {
    if (box && !curved && points.length >= 6) box(points);
    points = [];
    curved = false;
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === MOVE) {
      finish();
      [sx, sy] = [data[i++]!, data[i++]!];
      [cx, cy] = [sx, sy];
      points.push(sx, sy);
    } else if (op === LINE) {
      const [x, y] = [data[i++]!, data[i++]!];
      line?.(cx, cy, x, y);
      [cx, cy] = [x, y];
      points.push(x, y);
    } else if (op === CURVE) {
      [cx, cy] = [data[i + 4]!, data[i + 5]!];
      i += 6;
      curved = true;
    } else if (op === CLOSE) {
      line?.(cx, cy, sx, sy);
      [cx, cy] = [sx, sy];
      finish();
    } else return; // an unknown code: stop rather than misread coordinates
  }
  finish();
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/** A ruling after merging: one position, the stretches it covers. */
export interface Rule {
  readonly at: number;
  readonly spans: readonly (readonly [number, number])[];
}

/** Parallel marks closer than this (pt) are one ruling: a double line, a thick frame drawn as two. */
const SAME_RULE = 2.5;
/** Collinear pieces with gaps up to this (pt) are one ruling: dashes, one segment per cell edge. */
const MAX_GAP = 4;

/** Merges parallel marks into rulings (sorted by position), each with its covered stretches. */
export function mergeSegments(segments: readonly Segment[]): Rule[] {
  const sorted = [...segments].sort((p, q) => p.at - q.at);
  const groups: Segment[][] = [];
  for (const s of sorted) {
    const last = groups.at(-1);
    if (last && s.at - last.at(-1)!.at <= SAME_RULE) last.push(s);
    else groups.push([s]);
  }
  return groups.map((g) => {
    const spans: [number, number][] = [];
    for (const s of [...g].sort((p, q) => p.from - q.from)) {
      const last = spans.at(-1);
      if (last && s.from <= last[1] + MAX_GAP) last[1] = Math.max(last[1], s.to);
      else spans.push([s.from, s.to]);
    }
    return { at: g.reduce((a, s) => a + s.at, 0) / g.length, spans };
  });
}

/** How much of [from, to] a ruling covers (pt). */
export function coverage(rule: Rule, from: number, to: number): number {
  return rule.spans.reduce((n, [a, b]) => n + Math.max(0, Math.min(b, to) - Math.max(a, from)), 0);
}
