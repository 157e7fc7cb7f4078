import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { RejectedInput } from '../../../src/extract/index.js';
import { WorkbookStream } from '../../../src/extract/xlsx/index.js';

const NS = 'http://schemas.openxmlformats.org';

/** A workbook of one sheet written part by part, with the XML given (and shared strings after the sheet, as Excel orders them). */
async function workbook(sheetData: string, opts: { sst?: string; styles?: string; date1904?: boolean } = {}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('_rels/.rels', `<Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file('xl/_rels/workbook.xml.rels', `<Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${NS}/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/><Relationship Id="rId3" Type="${NS}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
  zip.file('xl/worksheets/sheet1.xml', `<x:worksheet xmlns:x="${NS}/spreadsheetml/2006/main"><x:sheetData>${sheetData}</x:sheetData></x:worksheet>`);
  zip.file('xl/sharedStrings.xml', `<sst xmlns="${NS}/spreadsheetml/2006/main">${opts.sst ?? ''}</sst>`);
  zip.file('xl/styles.xml', opts.styles ?? `<styleSheet xmlns="${NS}/spreadsheetml/2006/main"><fonts><font><name val="Calibri"/></font></fonts><cellXfs><xf numFmtId="0" fontId="0"/><xf numFmtId="14" fontId="0"/></cellXfs><dxfs><dxf><font><name val="Other"/></font></dxf></dxfs></styleSheet>`);
  zip.file('xl/workbook.xml', `<workbook xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${NS}/officeDocument/2006/relationships"><workbookPr${opts.date1904 ? ' date1904="1"' : ''}/><sheets><sheet name="Tờ 1" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function rows(bytes: Buffer) {
  const wb = await WorkbookStream.open(bytes);
  const out = [];
  for await (const r of wb.rows(wb.sheets[0]!)) out.push(r);
  return { name: wb.sheets[0]!.name, out };
}

describe('rows streamed from the zip, cell values as exceljs gives them', () => {
  it('reads shared, inline, rich and formula strings, numbers, dates, booleans; errors and gaps are null', async () => {
    const bytes = await workbook(
      '<x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="C2" t="inlineStr"><x:is><x:t>Hộ tịch</x:t></x:is></x:c><x:c r="D2"><x:v>12.5</x:v></x:c><x:c r="E2" s="1"><x:v>45266</x:v></x:c></x:row>' +
        '<x:row r="5"><x:c r="B5" t="b"><x:v>1</x:v></x:c><x:c r="C5" t="e"><x:v>#REF!</x:v></x:c><x:c r="D5" t="str"><x:f>A1&amp;"x"</x:f><x:v>ax</x:v></x:c><x:c r="E5" s="1"><x:f>E2+1</x:f><x:v>45267</x:v></x:c><x:c t="s"><x:v>0</x:v></x:c></x:row>',
      { sst: '<si><t>Mã hồ sơ</t></si><si><r><t>Ngày </t></r><r><t>tiếp nhận</t></r><rPh><t>phonetic</t></rPh></si>' },
    );
    const { name, out } = await rows(bytes);
    expect(name).toBe('Tờ 1');
    expect(out).toEqual([
      { line: 2, cells: ['Ngày tiếp nhận', null, 'Hộ tịch', 12.5, new Date('2023-12-06T00:00:00Z')] },
      { line: 5, cells: [null, true, null, 'ax', 45267, 'Mã hồ sơ'] },
    ]);
  });

  it('dates of a 1904 workbook count from 1904', async () => {
    const { out } = await rows(await workbook('<x:row r="1"><x:c r="A1" s="1"><x:v>43804</x:v></x:c></x:row>', { date1904: true }));
    expect(out[0]!.cells[0]).toEqual(new Date('2023-12-06T00:00:00Z'));
  });

  it('a cell reference past column XFD is refused with the sheet and row, not grown into', async () => {
    const read = rows(await workbook('<x:row r="7"><x:c r="AAAAA7"><x:v>1</x:v></x:c></x:row>'));
    await expect(read).rejects.toThrow(RejectedInput);
    await expect(read).rejects.toThrow("sheet 'Tờ 1' row 7: cell reference AAAAA7 is beyond Excel's last column (XFD)");
  });

  it('malformed sheet XML is a rejection naming the sheet', async () => {
    await expect(rows(await workbook('<x:row r="1"><x:c r="A1"><x:v>1</x:c></x:row>'))).rejects.toThrow(/^unreadable workbook: sheet 'Tờ 1': /);
  });
});
