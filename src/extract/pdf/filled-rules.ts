import { Line, LineStore, Point } from 'pdf-parse';
import { getDocument, OPS, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A filled rectangle at most this thick (PDF points) and at least MIN_RULE_LENGTH long is a ruling. */
const MAX_RULE_THICKNESS = 2;
const MIN_RULE_LENGTH = 5;

type Matrix = [number, number, number, number, number, number];

/**
 * Tables whose rulings are drawn as thin filled rectangles rather than stroked lines, as browsers
 * (Chromium/Skia) print a bordered HTML table: each cell edge is a filled rectangle one device unit
 * thick. pdf-parse's `getTable` only looks at stroked paths, so it finds no grid there. This reads
 * such rectangles as lines along their middle, builds the grid with pdf-parse's own `LineStore`
 * and fills its cells with the page's text the way `getTable` does.
 *
 * Returns, per page asked for, the tables found (each as rows of cell texts, lines joined by "\n").
 */
export async function readFilledRuleTables(bytes: Buffer, pageNumbers: readonly number[]): Promise<Map<number, string[][][]>> {
  const out = new Map<number, string[][][]>();
  if (pageNumbers.length === 0) return out;
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  try {
    for (const n of pageNumbers) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const store = new LineStore();
      const ops = await page.getOperatorList();
      let ctm: Matrix = [1, 0, 0, 1, 0, 0];
      const stack: Matrix[] = [];
      for (let i = 0; i < ops.fnArray.length; i++) {
        const fn = ops.fnArray[i];
        const args = ops.argsArray[i] as unknown[] | null;
        if (fn === OPS.save) stack.push(ctm);
        else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
        else if (fn === OPS.transform) ctm = Util.transform(ctm, args as Matrix) as Matrix;
        else if (fn === OPS.constructPath && (args?.[0] === OPS.fill || args?.[0] === OPS.eoFill)) {
          const box = args[2] as ArrayLike<number> | undefined;
          if (!box || !Number.isFinite(box[0]!)) continue;
          const line = ruleOf(box, Util.transform(viewport.transform, ctm) as Matrix);
          if (line) store.add(line);
        }
      }
      store.normalize();
      const tables = store.getTableData();
      if (tables.length) {
        const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
        for (const item of content.items) {
          if (!('str' in item)) continue;
          // The run's origin in viewport space, as pdf-parse's getTable places text in cells.
          const [, , , , x, y] = Util.transform(viewport.transform, item.transform as Matrix) as Matrix;
          const cell = tables.map((t) => t.findCell(x, y)).find((c) => c !== undefined);
          if (!cell) continue;
          cell.text.push(item.str);
          if (item.hasEOL) cell.text.push('\n');
        }
      }
      out.set(n, tables.map((t) => t.toArray()));
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return out;
}

/** A filled box (user space) as a horizontal or vertical line along its middle (viewport space), if it is thin and long. */
function ruleOf(box: ArrayLike<number>, m: Matrix): Line | undefined {
  const [ax, ay] = apply(m, box[0]!, box[1]!);
  const [bx, by] = apply(m, box[2]!, box[3]!);
  const [x0, x1] = [Math.min(ax, bx), Math.max(ax, bx)];
  const [y0, y1] = [Math.min(ay, by), Math.max(ay, by)];
  const [w, h] = [x1 - x0, y1 - y0];
  if (h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH) return new Line(new Point(x0, (y0 + y1) / 2), new Point(x1, (y0 + y1) / 2));
  if (w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH) return new Line(new Point((x0 + x1) / 2, y0), new Point((x0 + x1) / 2, y1));
  return undefined;
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
