import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indicatorCatalogue } from '../../../src/catalog/index.js';
import { extractNarrative } from '../../../src/extract/narrative/index.js';
import { ExtractedFigure } from '../../../src/model/index.js';
import { parseValue } from '../../../src/normalize/parse-value.js';
import { figure, raws, readFixture, seedAvailable, seedPath, unmapped } from './helpers.js';

const text = readFixture();
const figures = extractNarrative([{ page: 1, text }]);
const mapped = figures.filter((f) => f.indicatorKey);

describe('narrative of the sample report (Bản Thi 2024)', () => {
  it('maps at least 30 figures, each with its sentence and pattern', () => {
    expect(mapped.length).toBeGreaterThanOrEqual(30);
    // 79 by the patterns; the meaning-based mapper adds the zeros written in words (2.1 twice, 3.4.1, 5.4).
    expect(mapped.length).toBe(83);
    for (const f of figures) {
      expect(f.method).toBe('narrative');
      expect(f.provenance.page).toBe(1);
      expect(f.provenance.quote).toBeTruthy();
      expect(f.provenance.quote!.normalize('NFC')).toBe(f.provenance.quote);
      expect(f.provenance.quote).toContain(f.raw);
    }
    for (const f of mapped) {
      // Each mapped figure says why (a pattern, or the mapper's words and score) and where it is in its sentence.
      expect(typeof f.details?.pattern === 'string' || typeof (f.details?.why as { score?: unknown })?.score === 'number').toBe(true);
      const [start, end] = f.details?.span as [number, number];
      expect(f.provenance.quote!.slice(start, end)).toBe(f.raw);
    }
    for (const f of figures) expect(ExtractedFigure.parse(f)).toEqual(f);
  });

  it('directives issued → 1.1', () => {
    const f = figure(figures, '1.1', '13');
    expect(f.rowLabel).toBe('Ban hành 13 văn bản lãnh đạo');
    expect(f.details).toMatchObject({ pattern: 'directives-issued', section: '1. Về xây dựng, triển khai kế hoạch CCHC' });
    expect(f.provenance.quote).toMatch(/^Cấp ủy, chính quyền luôn quan tâm .* viết 12 tin bài về CCHC .*chuyển đổi số”\)\.$/);
    expect(raws(figures, '1.1')).toEqual(['13']);
  });

  it('plan: 41 tasks, 100% (41/41) → 1.2, 1.2.1, 1.2.2', () => {
    expect(raws(figures, '1.2')).toEqual(['100%']);
    expect(raws(figures, '1.2.2')).toEqual(['41']);
    // stated twice: "đề ra 41 nhiệm vụ" and the denominator of 41/41
    expect(raws(figures, '1.2.1')).toEqual(['41', '41']);
    expect(figure(figures, '1.2', '100%').provenance.quote).toBe(
      'UBND xã đã ban hành kế hoạch thực hiện CCHC năm 2024 (Quyết định số 20/KH-UBND ngày 30/01/2024), kế hoạch đã đề ra 41 nhiệm vụ cụ thể/7 nội dung CCHC năm, qua rà soát đơn vị đạt 100% (41/41 nhiệm vụ, có biểu thống kê kết quả thực hiện các nhiệm vụ).',
    );
  });

  it('tasks of the province (12/12) and of the district (9/9) → 1.4.x sub-rows', () => {
    expect(raws(figures, '1.4.1.province')).toEqual(['12']);
    expect(raws(figures, '1.4.2.province')).toEqual(['12']);
    expect(raws(figures, '1.4.1.district')).toEqual(['9']);
    expect(raws(figures, '1.4.2.district')).toEqual(['9']);
    const f = figure(figures, '1.4.1.district', '9');
    expect(f.rowLabel).toBe('9/9 nhiệm vụ của UBND huyện');
    expect(f.provenance.quote).toContain('Tỷ lệ thực hiện đạt 100% (12/12 nhiệm vụ của UBND tỉnh, Chủ tịch UBND tỉnh giao); thực hiện đạt 100% (9/9 nhiệm vụ');
  });

  it('dossiers received 196, 161 early, 35 on the day (stated twice)', () => {
    expect(raws(figures, '7.2.4.received')).toEqual(['196', '196', '196']); // twice + the online-share denominator
    expect(raws(figures, '3.3.1.early')).toEqual(['161', '161']);
    expect(raws(figures, '3.3.1.due_day')).toEqual(['35', '35']);
    const f = figure(figures, '7.2.4.received', '196');
    expect(f.rowLabel).toBe('tiếp nhận 196 hồ sơ');
    expect(f.provenance.quote).toBe(
      'Tổng số hồ sơ TTHC đã tiếp nhận 196 hồ sơ (trong đó có 161 hồ sơ trả kết quả sớm hạn, 35 hồ sơ trả kết quả đúng hạn).',
    );
    expect(figure(figures, '3.3.1.early', '161').details).toMatchObject({ pattern: 'dossiers-early-and-due-day' });
  });

  it('digitisation at intake 168/196 = 85,71% and of results 119/196 = 60,71%', () => {
    expect(raws(figures, '3.3.digitized_intake.count')).toEqual(['168']);
    expect(raws(figures, '3.3.digitized_intake.dossiers')).toEqual(['196']);
    expect(raws(figures, '3.3.digitized_intake.rate')).toEqual(['85,71%']);
    expect(figure(figures, '3.3.digitized_intake.rate', '85,71%').provenance.quote).toBe(
      'Số hồ sơ đã số hóa đầy đủ thành phần hồ sơ khi tiếp nhận 168/196 hồ sơ, đạt 85,71%.',
    );
    expect(raws(figures, '3.3.digitized_result.count')).toEqual(['119']);
    expect(raws(figures, '3.3.digitized_result.dossiers')).toEqual(['196']);
    expect(raws(figures, '3.3.digitized_result.rate')).toEqual(['60,71%']);
  });

  it('e-certification 63/981 = 6,42%, the target 30% kept unmapped', () => {
    expect(raws(figures, '3.3.e_certification.count')).toEqual(['63']);
    expect(raws(figures, '3.3.e_certification.dossiers')).toEqual(['981']);
    const rate = figure(figures, '3.3.e_certification.rate', '6,42%');
    expect(rate.unit).toBe('%');
    const target = unmapped(figures).find((f) => f.raw === '30%');
    expect(target?.provenance.quote).toBe(rate.provenance.quote);
  });

  it('online dossiers 61 hồ sơ/196 hồ sơ (đạt 31,12%) → 7.2.4.online, 7.2.4.received, 7.2.4', () => {
    expect(raws(figures, '7.2.4.online')).toEqual(['61']);
    expect(raws(figures, '7.2.4')).toEqual(['31,12%']);
    const denominator = figures.find((f) => f.indicatorKey === '7.2.4.received' && f.details?.pattern === 'online-dossiers');
    expect(denominator?.raw).toBe('196');
    expect(denominator?.provenance.quote).toBe('Tỷ lệ hồ sơ phát sinh trực tuyến: 61 hồ sơ/196 hồ sơ (đạt 31,12%)');
    expect(denominator?.rowLabel).toBe('hồ sơ phát sinh trực tuyến: 61 hồ sơ/196 hồ sơ (đạt 31,12%)');
  });

  it('online payment 10 hồ sơ/981 hồ sơ, đạt 1,01%', () => {
    expect(raws(figures, '7.2.payment.paid_online')).toEqual(['10']);
    expect(raws(figures, '7.2.payment.dossiers')).toEqual(['981']);
    expect(raws(figures, '7.2.payment.rate')).toEqual(['1,01%']);
  });

  it('budget revenue 117,33% (114.984.119đồng/99.000.000 đồng)', () => {
    expect(raws(figures, '6.revenue.rate')).toEqual(['117,33%']);
    expect(raws(figures, '6.revenue.collected')).toEqual(['114.984.119đồng']);
    expect(raws(figures, '6.revenue.plan')).toEqual(['99.000.000 đồng']);
    expect(figure(figures, '6.revenue.plan', '99.000.000 đồng').unit).toBe('đồng');
    // the label starts at the last "thu ngân sách" before the figures, and closes the bracket it opened
    expect(figure(figures, '6.revenue.plan', '99.000.000 đồng').rowLabel).toBe('Thu ngân sách hiện đạt 117,33% (114.984.119đồng/99.000.000 đồng)');
  });

  it('public investment 882.738.997đ/1.025.997.000đ đạt 86.03% → 6.1.2, 6.1.1, 6.1', () => {
    expect(raws(figures, '6.1.2')).toEqual(['882.738.997đ']);
    expect(raws(figures, '6.1.1')).toEqual(['1.025.997.000đ']);
    expect(raws(figures, '6.1')).toEqual(['86.03%']);
    expect(figure(figures, '6.1', '86.03%').provenance.quote).toBe(
      'Kết quả thực hiện kế hoạch giải ngân vốn đầu tư công: 882.738.997đ/1.025.997.000đ đạt 86.03%.',
    );
  });

  it('staff quota 20 and present 19; 100% (19/19 người) qualified', () => {
    expect(raws(figures, '4.staff.quota')).toEqual(['20']);
    expect(raws(figures, '4.staff.present')).toEqual(['19']);
    expect(raws(figures, '5.qualified.rate')).toEqual(['100%', '100%']);
    expect(raws(figures, '5.qualified.count')).toEqual(['19']);
    expect(raws(figures, '5.qualified.staff')).toEqual(['19']);
    expect(raws(figures, '5.qualified.university_rate')).toEqual(['89,47%']);
  });

  it('communication: villages 08/08 and 04/08, listeners 786 and 480, 14 sessions, 12 news items, 02 dialogues, 12 broadcasts', () => {
    expect(raws(figures, '1.villages.reached')).toEqual(['08', '04', '08', '08', '08']);
    expect(raws(figures, '1.villages.total')).toEqual(['08', '08']);
    expect(figure(figures, '1.villages.reached', '04').rowLabel).toBe('04/08 thôn');
    expect(raws(figures, '1.communication.listeners')).toEqual(['786', '480']);
    expect(raws(figures, '1.communication.sessions')).toEqual(['04', '14']);
    expect(raws(figures, '1.communication.news')).toEqual(['12', '12']);
    expect(raws(figures, '1.6.count')).toEqual(['02']);
    expect(raws(figures, '1.communication.broadcasts')).toEqual(['12']);
  });

  it('procedures 114, online services 75 (62 full, 13 partial), 91% (192/211TTHC), 62,5% (05/08 TTHC)', () => {
    expect(raws(figures, '3.1.4')).toEqual(['114', '114']);
    expect(raws(figures, '3.1.1')).toEqual(['01']);
    expect(raws(figures, '7.2.3.total')).toEqual(['75', '75']);
    expect(raws(figures, '7.2.2.provided')).toEqual(['62', '62']);
    expect(raws(figures, '7.2.1.provided')).toEqual(['13', '13']);
    expect(raws(figures, '7.2.online_provision.rate')).toEqual(['91%']);
    expect(raws(figures, '7.2.online_provision.provided')).toEqual(['192']);
    expect(raws(figures, '7.2.online_provision.total')).toEqual(['211']);
    expect(raws(figures, '7.2.procedures_with_online_dossiers.rate')).toEqual(['62,5%']);
    expect(raws(figures, '7.2.procedures_with_online_dossiers.count')).toEqual(['05']);
    expect(raws(figures, '7.2.procedures_with_online_dossiers.total')).toEqual(['08']);
  });

  it('outgoing documents 1101 văn bản/1101 văn bản, đạt 100% → 7.1.electronic_count, 7.1, 7.1.electronic', () => {
    expect(raws(figures, '7.1.electronic_count')).toEqual(['1101']);
    expect(raws(figures, '7.1')).toEqual(['1101']);
    expect(raws(figures, '7.1.electronic')).toEqual(['100%']);
  });

  it('keeps the other numbers unmapped, with a few words around them', () => {
    const rest = unmapped(figures);
    const chart = rest.find((f) => f.raw === '09' && f.rowLabel?.includes('đĩa CD'));
    expect(chart?.rowLabel).toBe('được sao lưu vào 09 đĩa CD gửi cho');
    expect(rest.find((f) => f.raw === '28.800.000 đồng')?.unit).toBe('đồng');
    // 01 cuộc, 01 cuộc (dialogues), 01 phương án, 01 bộ máy tính, 01 TTHC phát sinh giao dịch
    expect(rest.filter((f) => f.raw === '01').length).toBe(5);
    expect(rest.map((f) => f.raw)).toContain('36');
  });

  it('skips dates, years, document numbers, legal references, weekdays', () => {
    const printed = unmapped(figures).map((f) => f.raw);
    for (const notAFigure of ['2024', '2023', '30/01/2024', '20', '1414', '76', '2021', '2030', '3', '5', '11', '366', '2250', '16', '29', '60']) {
      expect(printed, notAFigure).not.toContain(notAFigure);
    }
  });

  it.skipIf(!seedAvailable)('reads the same figures from the whole seed text, stopping before the signature and appendix', () => {
    const whole = readFileSync(seedPath, 'utf8');
    const fromSeed = extractNarrative([{ page: 1, text: whole }]);
    expect(fromSeed).toEqual(figures);
  });
});

describe('zeros written in words in the sample report', () => {
  it('"không ban hành văn bản QPPL" → 2.1 = 0; "không phát sinh kiến nghị" → 3.4.1 = 0; "Không có cán bộ, công chức bị xử lý kỷ luật" → 5.4 = 0', () => {
    expect(raws(figures, '2.1')).toEqual(['không ban hành văn bản QPPL', 'không có văn bản QPPL ban hành']);
    expect(raws(figures, '3.4.1')).toEqual(['không phát sinh kiến nghị']);
    expect(raws(figures, '5.4')).toEqual(['Không có cán bộ, công chức bị xử lý kỷ luật']);
    for (const f of figures.filter((x) => ['2.1', '3.4.1', '5.4'].includes(x.indicatorKey ?? ''))) {
      expect(f.number).toBe(0);
      expect((f.details?.why as { rule: string }).rule).toBe('words');
    }
  });
});

describe('raw text reads back to the intended value by the indicator type', () => {
  const read = (key: string, raw: string) => {
    const f = figures.find((x) => x.indicatorKey === key && x.raw === raw)!;
    const indicator = indicatorCatalogue().get(key)!;
    return parseValue(f.raw, { type: indicator.type, unit: f.unit ?? indicator.unit }).num;
  };

  it('amounts in đồng, whatever unit the appendix row uses', () => {
    expect(read('6.revenue.collected', '114.984.119đồng')).toBe(114984119);
    expect(read('6.revenue.plan', '99.000.000 đồng')).toBe(99000000);
    expect(read('6.1.2', '882.738.997đ')).toBe(882738997); // 6.1.2's unit is "Triệu đồng": the printed đ wins
    expect(read('6.1.1', '1.025.997.000đ')).toBe(1025997000);
  });

  it('percentages with a decimal comma or dot, counts with leading zeros', () => {
    expect(read('6.1', '86.03%')).toBe(86.03);
    expect(read('6.revenue.rate', '117,33%')).toBe(117.33);
    expect(read('3.3.digitized_intake.rate', '85,71%')).toBe(85.71);
    expect(read('1.villages.reached', '04')).toBe(4);
    expect(read('7.1', '1101')).toBe(1101);
  });
});
