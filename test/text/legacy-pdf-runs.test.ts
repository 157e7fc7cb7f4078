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

  describe('TCVN3 "ư" (byte 0xAD, the soft hyphen) that a producer dropped', () => {
    const at = (str: string, x: number, width: number, y = 700, size = 12) => ({ str, transform: [size, 0, 0, size, x, y], width, height: size });
    const texts = (items: ReturnType<typeof at>[]) => textItemsOf(1, items).map((i) => i.text);

    it('LibreOffice cuts the run where it drew nothing: the word is whole again', () => {
      // Runs as LibreOffice 7 printed "Số người được giao nhiệm vụ trực tuyến" in .VnTime (a substitute font).
      const items = [at('Sè ng', 72.1, 36.83, 757.79, 13), at('êi ®', 109.0, 28.69, 757.79, 13), at('îc giao nhiÖm vô trùc tuyÕn', 137.8, 182.98, 757.79, 13)];
      expect(texts(items)).toEqual(['Số người được giao nhiệm vụ trực tuyến']);
    });

    it('Chromium draws a blank that pdf.js reads as a space at the start of the next run', () => {
      const items = [at('Sè ng', 33.75, 27.0, 741.75), at(' êi ®', 60.75, 20.78, 741.75), at('îc giao nhiÖm vô trùc tuyÕn', 81.53, 138.31, 741.75)];
      expect(texts(items)).toEqual(['Số người được giao nhiệm vụ trực tuyến']);
    });

    it('a line broken at the soft hyphen: the hyphen LibreOffice drew there is the letter, the rest of the word moves up', () => {
      const items = [at('Tæ chøc ®èi tho¹i cña l·nh ®¹o víi ng', 90.2, 168.8, 106), at('-', 259.2, 3.2, 106), at('êi d©n', 90.2, 31.3, 95.5)];
      expect(texts(items)).toEqual(['Tổ chức đối thoại của lãnh đạo với người', 'dân']);
    });

    it('a word that ends with "ư": the cut before the space', () => {
      // As LibreOffice and Chromium print it: the space a run of its own.
      expect(texts([at('Tû lÖ gi¶i ng©n vèn ®Çu t', 90.2, 99.1), at(' ', 189.3, 2.4), at('c«ng', 191.7, 22)])).toEqual(['Tỷ lệ giải ngân vốn đầu tư', 'công']);
      expect(texts([at('Tû lÖ gi¶i ng©n vèn ®Çu t', 90.2, 99.1), at(' c«ng', 189.3, 24)])).toEqual(['Tỷ lệ giải ngân vốn đầu tư công']);
    });

    it('runs set apart by a space, a cut that makes no syllable with "ư", and a VNI page stay as they are', () => {
      expect(texts([at('Sè ng', 10, 30), at('êi', 44, 12), at('B¸o c¸o', 10, 40, 600)])).toEqual(['Số ng', 'ời', 'Báo cáo']);
      expect(texts([at('Kinh phÝ c¸c', 10, 60), at('kho¶n', 70, 30)]).join(' ')).not.toContain('ư');
      expect(texts([at('Soá ng', 10, 30), at('öôøi', 40, 20)])).toEqual(['Số người']);
    });
  });

  it('a font whose runs show no legacy-only character is a Unicode font: its runs stay, even where they would decode', () => {
    const at = (str: string, x: number, y: number, fontName: string) => ({ str, transform: [11, 0, 0, 11, x, y], width: 60, height: 11, fontName });
    // "Các phòng ban" pasted in Arial into a .VnTime document; both fonts substituted, names gone.
    const page = [at('Tû lÖ v¨n b¶n ®­îc göi', 10, 700, 'g_d0_f1'), at('58%', 200, 700, 'g_d0_f1'), at('Các phòng ban', 300, 700, 'g_d0_f2')];
    expect(textItemsOf(1, page).map((i) => i.text)).toEqual(['Tỷ lệ văn bản được gửi', '58%', 'Các phòng ban']);
    // Without the fonts' ids the run is judged alone, and it spells TCVN3 syllables too ("Cỏc phũng ban").
    expect(pdfRunTexts(page.map((p) => p.str))[2]).toBe('Cỏc phũng ban');
  });
});
