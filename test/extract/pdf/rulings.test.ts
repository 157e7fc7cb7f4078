import { OPS } from '../../../src/extract/pdf/pdfjs.js';
import { describe, expect, it } from 'vitest';
import { mergeSegments, rulingsOf } from '../../../src/extract/pdf/rulings.js';
import { readTablePage } from '../../../src/extract/pdf/table-rebuild.js';
import { columnBands } from '../../../src/extract/pdf/column-bands.js';
import { findHeader } from '../../../src/extract/pdf/table-header.js';
import { type RawItem, textItemsOf } from '../../../src/extract/pdf/text-items.js';

/** pdf.js path data: 0 moveTo, 1 lineTo, 3 closePath. */
const path = (paint: number, ...data: number[]) => ({ fn: OPS.constructPath, args: [paint, [Float32Array.from(data)], null] });
const ops = (...list: { fn: number; args: unknown }[]) => ({ fnArray: list.map((o) => o.fn), argsArray: list.map((o) => o.args) });
const rect = (x: number, y: number, w: number, h: number) => [0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 3];

describe('rulings from a page’s drawing operators', () => {
  it('reads stroked lines of any width, a zero-width one included, and the edges of a stroked rectangle', () => {
    const r = rulingsOf(
      ops(
        { fn: OPS.setLineWidth, args: [0] },
        path(OPS.stroke, 0, 50, 700, 1, 550, 700),
        { fn: OPS.setLineWidth, args: [1.5] },
        path(OPS.stroke, ...rect(50, 100, 500, 600)),
      ),
    );
    expect(r.horizontal.map((s) => [s.at, s.from, s.to])).toEqual([[700, 50, 550], [100, 50, 550], [700, 50, 550]]);
    expect(r.vertical.map((s) => [s.at, s.from, s.to])).toEqual([[550, 100, 700], [50, 100, 700]]);
  });

  it('reads thin filled rectangles (a browser’s borders) under the current transform, and leaves shaded cells out', () => {
    const r = rulingsOf(
      ops(
        { fn: OPS.save, args: null },
        { fn: OPS.transform, args: [0.5, 0, 0, 0.5, 10, 20] },
        path(OPS.fill, ...rect(0, 0, 400, 1)),
        path(OPS.fill, ...rect(0, 0, 1, 300)),
        path(OPS.fill, ...rect(0, 0, 100, 40)), // a shaded cell: 20 pt tall once scaled
        { fn: OPS.restore, args: null },
        path(OPS.fill, ...rect(0, 0, 400, 1)),
      ),
    );
    expect(r.horizontal.map((s) => [s.at, s.from, s.to])).toEqual([[20.25, 10, 210], [0.5, 0, 400]]);
    expect(r.vertical.map((s) => [s.at, s.from, s.to])).toEqual([[10.25, 20, 170]]);
  });

  it('merges dashes, one segment per cell edge and the two strokes of a double line into one ruling', () => {
    const dashes = [0, 1, 2, 3, 4, 5].map((i) => ({ at: 300, from: 50 + i * 6, to: 53 + i * 6 }));
    const cellEdges = [{ at: 200.3, from: 50, to: 120 }, { at: 200.3, from: 120.4, to: 300 }];
    const double = [{ at: 100, from: 50, to: 300 }, { at: 101.6, from: 50, to: 300 }];
    const rules = mergeSegments([...dashes, ...cellEdges, ...double]);
    expect(rules.map((r) => [Math.round(r.at * 10) / 10, r.spans])).toEqual([
      [100.8, [[50, 300]]],
      [200.3, [[50, 300]]],
      [300, [[50, 83]]],
    ]);
  });
});

/** A pdf.js-like text item: font size h, left edge x, baseline y, a width of 0.5 h per character. */
const run = (str: string, x: number, y: number, h = 10): RawItem => ({ str, transform: [h, 0, 0, h, x, y], width: str.length * h * 0.5, height: h });
const header: RawItem[] = [run('STT', 52, 790), run('Chỉ tiêu thống kê', 150, 800), run('Đơn vị tính', 322, 790), run('Số liệu', 395, 790), run('Ghi chú', 470, 790)];
const horizontal = (...ys: number[]) => ({ horizontal: ys.map((y) => ({ at: y, from: 45, to: 560 })), vertical: [] });

function rows(body: RawItem[], rulings?: ReturnType<typeof horizontal>) {
  const items = textItemsOf(1, [...header, ...body]);
  const head = findHeader(items)!;
  const below = items.filter((i) => i.y < head.bottom - head.lineHeight / 3);
  return readTablePage(below, columnBands(head, below), rulings);
}

describe('rows between rulings', () => {
  it('keeps a parent row and its sub-rows apart where rulings separate them', () => {
    const body = [
      run('1.4.1', 52, 760), run('Tổng số nhiệm vụ được giao', 85, 760), run('Nhiệm vụ', 332, 760), run('15', 440, 760),
      run('UBND tỉnh', 85, 748), run('Nhiệm vụ', 332, 748), run('08', 440, 748),
      run('UBND huyện', 85, 736), run('Nhiệm vụ', 332, 736), run('07', 440, 736),
    ];
    const read = rows(body, horizontal(775, 756, 744, 732));
    expect(read.ruled).toBe(true);
    expect(read.rows.map((r) => [r.cells.code, r.cells.label, r.cells.value, r.doubtful])).toEqual([
      ['1.4.1', 'Tổng số nhiệm vụ được giao', '15', undefined],
      ['', 'UBND tỉnh', '08', undefined],
      ['', 'UBND huyện', '07', undefined],
    ]);
  });

  it('never joins the numbers of several rows into one value: a cell holding several is doubtful', () => {
    // One ruled band holds one label but three printed numbers (the sub-rows' labels were lost).
    const body = [run('1.4.1', 52, 760), run('Tổng số nhiệm vụ được giao', 85, 760), run('15', 440, 760), run('08', 440, 748), run('07', 440, 736)];
    const [row] = rows(body, horizontal(775, 730)).rows;
    expect(row!.cells.value).toBe('15');
    expect(row!.doubtful).toEqual({ tokens: ['15', '08', '07'], reason: 'value cell holds 3 numbers (15, 08, 07)' });
  });

  it('reads a count of one printed token as itself, a thousands group included', () => {
    const [row] = rows([run('7.1', 52, 760), run('Tổng số văn bản đi', 85, 760), run('1 101', 435, 760)], horizontal(775, 750)).rows;
    expect([row!.cells.value, row!.doubtful]).toEqual(['1 101', undefined]);
  });
});
