import { describe, expect, it } from 'vitest';
import { textItemsOf } from '../../src/extract/pdf/text-items.js';
import { pdfRunTexts } from '../../src/text/legacy/index.js';

const run = (str: string, x: number, y = 700) => ({ str, transform: [12, 0, 0, 12, x, y], width: 50, height: 12 });

describe('PDF text runs of TCVN3/VNI fonts without a ToUnicode map', () => {
  it('runs holding the Windows-1252 view of TCVN3 or VNI bytes come out in Unicode', () => {
    const tcvn3 = textItemsOf(1, [run('B¸o c¸o kÕt qu¶ c«ng t¸c c¶i c¸ch hµnh chÝnh', 10), run('Cã', 300, 660), run('98,5%', 400, 660)]);
    expect(tcvn3.map((i) => i.text)).toEqual(['Báo cáo kết quả công tác cải cách hành chính', 'Có', '98,5%']);
    const vni = textItemsOf(1, [run('Tyû leä hoà sô giaûi quyeát ñuùng haïn', 10), run('Coù', 300)]);
    expect(vni.map((i) => i.text)).toEqual(['Tỷ lệ hồ sơ giải quyết đúng hạn', 'Có']);
  });

  it('a Unicode page stays as it is, Latin-1-only words included', () => {
    const page = textItemsOf(1, [run('Tỷ lệ hồ sơ giải quyết đúng hạn', 10), run('Có', 300), run('Lý do', 400)]);
    expect(page.map((i) => i.text)).toEqual(['Tỷ lệ hồ sơ giải quyết đúng hạn', 'Có', 'Lý do']);
  });

  it('a run in a legacy font is read by its font (.VnTimeH: capitals); in another font, from its bytes (printers substitute fonts)', () => {
    expect(pdfRunTexts(['b¸o c¸o', 'ubnd x·', 'B¸o c¸o', 'Tỷ lệ'], ['ABCDEF+.VnTimeH', '.VnTimeH', 'DejaVuSerif', 'TimesNewRomanPSMT'])).toEqual([
      'BÁO CÁO',
      'UBND XÃ',
      'Báo cáo',
      'Tỷ lệ',
    ]);
  });

  it("pdf.js's glyph-name forms of TCVN3 bytes are read back: μ for 0xB5 (à), a hyphen inside a word for 0xAD (ư)", () => {
    expect(pdfRunTexts(['Tæng sè ng-êi ho¹t ®éng', 'hμnh chÝnh', 'Độc lập - Tự do'])).toEqual(['Tổng số người hoạt động', 'hành chính', 'Độc lập - Tự do']);
  });

  it('a page is read in one encoding: a VNI run that also spells TCVN3 syllables follows the page', () => {
    // "keát quaû" reads "keỏt quaỷ" in TCVN3 and "kết quả" in VNI; the page around it is VNI.
    expect(pdfRunTexts(['Tyû leä hoà sô giaûi quyeát', 'keát quaû', 'ñuùng haïn'])).toEqual(['Tỷ lệ hồ sơ giải quyết', 'kết quả', 'đúng hạn']);
  });
});
