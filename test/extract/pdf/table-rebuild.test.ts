import { describe, expect, it } from 'vitest';
import { locateAppendix } from '../../../src/extract/pdf/appendix.js';
import { columnBands } from '../../../src/extract/pdf/column-bands.js';
import { findHeader } from '../../../src/extract/pdf/table-header.js';
import { type RawRow, rebuildRows } from '../../../src/extract/pdf/table-rebuild.js';
import { joinPages, rowFigure } from '../../../src/extract/pdf/table-rows.js';
import { type RawItem, type TextItem, textItemsOf } from '../../../src/extract/pdf/text-items.js';

/** A pdf.js-like text item: font size h, left edge x, baseline y, a width of 0.5 h per character. */
const run = (str: string, x: number, y: number, h = 10): RawItem => ({ str, transform: [h, 0, 0, h, x, y], width: str.length * h * 0.5, height: h });

/** The repeated two-row header: STT | Chỉ tiêu thống kê | Kết quả thống kê (Đơn vị tính, Số liệu) | Ghi chú. */
const header = (): RawItem[] => [
  run('STT', 52, 790),
  run('Chỉ tiêu thống kê', 150, 800),
  run('(Sử dụng trong kỳ báo cáo)', 140, 788),
  run('Kết quả thống kê', 345, 800),
  run('Đơn vị tính', 322, 788),
  run('Số liệu', 395, 788),
  run('Ghi chú', 470, 790),
];

/** Rows of one page, through the same steps as the extractor: clean and sort, header, bands, rows. */
function pageRows(page: number, raw: RawItem[]): RawRow[] {
  const items = textItemsOf(page, raw);
  const head = findHeader(items);
  if (!head) throw new Error('header not found');
  const body = items.filter((i: TextItem) => i.y < head.bottom - head.lineHeight / 3);
  return rebuildRows(body, columnBands(head, body));
}

const cells = (rows: readonly RawRow[]) => rows.map((r) => [r.cells.code, r.cells.label, r.cells.unit, r.cells.value, r.cells.note]);

describe('rebuilding the appendix table from positioned text', () => {
  const page1: RawItem[] = [
    run('Phụ lục II', 250, 830),
    ...header(),
    // A label wrapped over two lines with its STT, unit and value centred beside it.
    run('Số văn bản chỉ đạo CCHC đã ban hành', 85, 765),
    run('1.1', 55, 759),
    run('Văn bản', 335, 759),
    run('(kết luận, chỉ thị)', 85, 753),
    run('13', 438, 759), // right-aligned number
    // A sub-row without STT; the runs arrive out of order and one carries a stray control character.
    run('11', 440, 735),
    run('tỉnh', 137, 735),
    run('UBND\u0003', 85, 735),
    run('Nhiệm vụ'.normalize('NFD'), 332, 735), // decomposed diacritics, as some PDF fonts give them
    // Empty value, but a note.
    run('6.1', 55, 712),
    run('Tỷ lệ giải ngân vốn đầu tư công', 85, 712),
    run('%', 352, 712),
    run('Cấp huyện báo cáo', 455, 712),
    // The last row of the page: its label goes on over the page break.
    run('1.4.1', 52, 60),
    run('Tổng số nhiệm vụ', 85, 60),
  ];
  const page2: RawItem[] = [
    ...header(),
    run('được giao', 85, 765),
    run('Nhiệm vụ', 332, 765),
    run('21', 440, 765),
    run('7.2.1', 52, 740),
    run('Tỷ lệ TTHC đủ điều kiện', 85, 740),
    run('%', 352, 740),
    run('15,84%', 420, 740),
    run('64/404TTHC', 455, 740),
  ];

  it('keeps a wrapped label in one row, sub-rows, empty cells and right-aligned numbers in their columns', () => {
    const rows = pageRows(1, page1);
    expect(rows[1]!.cells.unit).toBe('Nhiệm vụ'.normalize('NFC'));
    expect(cells(rows)).toEqual([
      ['1.1', 'Số văn bản chỉ đạo CCHC đã ban hành (kết luận, chỉ thị)', 'Văn bản', '13', ''],
      ['', 'UBND tỉnh', 'Nhiệm vụ', '11', ''],
      ['6.1', 'Tỷ lệ giải ngân vốn đầu tư công', '%', '', 'Cấp huyện báo cáo'],
      ['1.4.1', 'Tổng số nhiệm vụ', '', '', ''],
    ]);
  });

  it('drops the header repeated on the next page and joins the row broken over the page', () => {
    const rows = joinPages([pageRows(1, page1), pageRows(2, page2)]);
    expect(cells(rows).slice(3)).toEqual([
      ['1.4.1', 'Tổng số nhiệm vụ được giao', 'Nhiệm vụ', '21', ''],
      ['7.2.1', 'Tỷ lệ TTHC đủ điều kiện', '%', '15,84%', '64/404TTHC'],
    ]);
    expect(rows.some((r) => /STT|Chỉ tiêu|Số liệu/.test(Object.values(r.cells).join(' ')))).toBe(false);
  });

  it('does not glue a capitalised sub-row at the top of a page to the row before', () => {
    const next: RawItem[] = [...header(), run('UBND huyện', 85, 765), run('Nhiệm vụ', 332, 765), run('10', 440, 765)];
    const rows = joinPages([pageRows(1, page1), pageRows(2, next)]);
    expect(cells(rows).slice(3)).toEqual([
      ['1.4.1', 'Tổng số nhiệm vụ', '', '', ''],
      ['', 'UBND huyện', 'Nhiệm vụ', '10', ''],
    ]);
  });

  it('splits rows set so close that their cells touch, continuation lines going to the row above', () => {
    const tight: RawItem[] = [
      ...header(),
      run('2.1', 55, 765),
      run('Số VBQPPL đã ban hành', 85, 765),
      run('Văn bản', 335, 765),
      run('0', 442, 765),
      run('theo thẩm quyền', 85, 753),
      run('2.2', 55, 741),
      run('Số VBQPPL đã kiểm tra', 85, 741),
      run('Văn bản', 335, 741),
      run('01', 440, 741),
    ];
    expect(cells(pageRows(1, tight))).toEqual([
      ['2.1', 'Số VBQPPL đã ban hành theo thẩm quyền', 'Văn bản', '0', ''],
      ['2.2', 'Số VBQPPL đã kiểm tra', 'Văn bản', '01', ''],
    ]);
  });

  it('makes one table figure per row with the row as its quote and the position of its label', () => {
    const [first] = pageRows(1, page1);
    const figure = rowFigure(first!);
    expect(figure).toMatchObject({
      method: 'table',
      rowCode: '1.1',
      unit: 'Văn bản',
      raw: '13',
      provenance: { page: 1, x: 85, y: 765, quote: '1.1 | Số văn bản chỉ đạo CCHC đã ban hành (kết luận, chỉ thị) | Văn bản | 13' },
    });
    expect(figure.indicatorKey).toBeUndefined();
  });

  it('reads a page that does not repeat the header with the previous bands, leaving out its page number', () => {
    const continued: RawItem[] = [run('được giao', 85, 800), run('Nhiệm vụ', 332, 800), run('21', 440, 800), run('- 3 -', 290, 30)];
    const location = locateAppendix([textItemsOf(1, page1), textItemsOf(2, continued)])!;
    expect(location.cut).toEqual({ page: 1, y: 830 });
    const rows = joinPages(location.pages.map((p) => rebuildRows(p.body, p.bands)));
    expect(cells(rows).slice(3)).toEqual([['1.4.1', 'Tổng số nhiệm vụ được giao', 'Nhiệm vụ', '21', '']]);
  });
});

describe('a value only a concatenation explains', () => {
  const row = (code: string, label: string, value: string, y: number): RawRow => ({ page: 1, x: 85, y, cells: { code, label, unit: 'Nhiệm vụ', value, note: '' } });

  it('is marked doubtful when it is its sub-rows’ values glued after some digits', () => {
    const [parent, ...subs] = joinPages([[row('1.4.1', 'Tổng số nhiệm vụ được giao', '150807', 700), row('', 'UBND tỉnh', '08', 688), row('', 'UBND huyện', '07', 676)]]);
    expect(parent!.doubtful).toEqual({ tokens: ['15', '08', '07'], reason: "value 150807 reads as its sub-rows' values glued after 15 (15, 08, 07)" });
    expect(rowFigure(parent!).details).toMatchObject({ doubtful: true, tokens: ['15', '08', '07'] });
    expect(subs.map((s) => s.doubtful)).toEqual([undefined, undefined]);
  });

  it('is left alone when the sub-rows do not explain it', () => {
    const [parent] = joinPages([[row('1.4.1', 'Tổng số nhiệm vụ được giao', '150', 700), row('', 'UBND tỉnh', '08', 688), row('', 'UBND huyện', '07', 676)]]);
    expect(parent!.doubtful).toBeUndefined();
  });
});
