import { describe, expect, it } from 'vitest';
import { extractNarrative } from '../../../src/extract/narrative/index.js';
import { mappedOf, values } from './helpers.js';

/** Sentences under their report heading, as the mapper reads them. */
const under = (heading: string, text: string) => extractNarrative([{ page: 1, text: `${heading}\n${text}` }]);

describe('answers of text indicators, stated in words', () => {
  it('reads the survey form and the job-position fit after the words that name them, as the catalogue writes them', () => {
    const survey = under('I.4. Khảo sát sự hài lòng', 'Xã tổ chức khảo sát ý kiến người dân theo hình thức trực tuyến, thu về 85 phiếu.');
    expect(mappedOf(survey)['1.5.2']).toBe('trực tuyến');
    expect(values(survey)['1.5.2']).toBe('Trực tuyến');
    const fit = under('II.4. Cải cách chế độ công vụ', 'Vị trí việc làm của cán bộ, công chức: CHƯA PHÙ HỢP do thiếu biên chế.');
    expect(mappedOf(fit)['5.1.1']).toBe('CHƯA PHÙ HỢP');
    expect(values(fit)['5.1.1']).toBe('Chưa phù hợp');
  });

  it('takes the answer named first, not the ones in its bracket', () => {
    const f = under('I.4. Khảo sát sự hài lòng', 'Năm nay hình thức khảo sát là kết hợp (trực tuyến và phát phiếu).');
    expect(f.filter((x) => x.indicatorKey === '1.5.2').map((x) => x.raw)).toEqual(['kết hợp']);
  });

  it('reads nothing where the indicator is not named before the answer, the answer is negated, or the heading is another section', () => {
    expect(mappedOf(under('I.4. Khảo sát sự hài lòng', 'Người dân nộp hồ sơ trực tuyến ngày càng nhiều.'))['1.5.2']).toBeUndefined();
    expect(mappedOf(under('II.4. Cải cách chế độ công vụ', 'Vị trí việc làm của cán bộ, công chức không phù hợp với thực tế.'))['5.1.1']).toBeUndefined();
    expect(mappedOf(under('II.6. Xây dựng và phát triển chính quyền điện tử', 'Hình thức khảo sát trực tuyến qua Cổng dịch vụ công được mở rộng.'))['1.5.2']).toBeUndefined();
  });
});
