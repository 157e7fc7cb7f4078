import { describe, expect, it } from 'vitest';
import { indicatorCatalogue } from '../../../src/catalog/index.js';
import { describeIndicators } from '../../../src/extract/narrative/description.js';
import { compileLexicon, LexiconFile, narrativeLexicon } from '../../../src/extract/narrative/lexicon.js';

const lexicon = narrativeLexicon();
const conceptsOf = (text: string) => lexicon.mentions(text).map((m) => m.concept);

describe('catalog/narrative-lexicon.yaml', () => {
  it.each([
    ['HS', 'dossier'],
    ['hồ sơ', 'dossier'],
    ['bộ hồ sơ', 'dossier'],
    ['DVCTT', 'online_service'],
    ['dịch vụ công trực tuyến', 'online_service'],
    ['PAKN', 'pakn'],
    ['phản ánh, kiến nghị', 'pakn'],
    ['VBQPPL', 'legal_document'],
    ['văn bản quy phạm pháp luật', 'legal_document'],
    ['đúng hạn', 'due'],
    ['đúng hẹn', 'due'],
    ['sớm hạn', 'early'],
    ['trước hạn', 'early'],
    ['trễ hẹn', 'late'],
    ['chậm', 'late'],
    ['quá hạn', 'late'],
    ['mức độ 3', 'partial'],
    ['một phần', 'partial'],
    ['mức độ 4', 'full'],
    ['toàn trình', 'full'],
    ['UBND huyện', 'district'],
    ['toàn huyện', 'other_body'],
    ['người đứng đầu', 'leader'],
    ['người dân', 'citizen'],
    ['tổ chức, cá nhân', 'citizen'],
    ['Bộ phận tiếp nhận và trả kết quả', 'one_stop'],
    ['trường hợp', 'case'],
    ['kết quả giải quyết được số hóa', 'digitize_result'],
    ['lưu vào kho dữ liệu', 'digitize_result'],
    ['bản sao', 'copy'],
  ])('"%s" stands for %s', (word, concept) => {
    expect(conceptsOf(word)).toEqual([concept]);
  });

  it('matches the longest phrase, with or without diacritics', () => {
    expect(conceptsOf('tiếp nhận trực tuyến 120 hồ sơ')).toEqual(['receive', 'online', 'dossier']);
    expect(conceptsOf('tiep nhan truc tuyen 120 ho so')).toEqual(['receive', 'online', 'dossier']);
    expect(conceptsOf('giải quyết đúng và trước hạn')).toEqual(['resolve', 'on_time_all']);
  });

  it('a word listed twice is an error, naming both concepts', () => {
    const file = LexiconFile.parse({
      concepts: [
        { concept: 'dossier', facet: 'noun', words: ['hồ sơ'] },
        { concept: 'file', facet: 'noun', words: ['Hồ  sơ'] },
      ],
      function_words: [],
      list_words: [],
      breakdown_words: [],
      negations: [],
      affirmations: [],
      headings: [],
    });
    expect(() => compileLexicon(file)).toThrow(/"Hồ {2}sơ" is listed twice \(under "dossier" and "file"\)/);
  });

  it('an unknown concept in `implies` is an error', () => {
    const file = { ...lexicon.file, implies: { pay: ['onlin'] } };
    expect(() => compileLexicon(file)).toThrow(/implies: unknown concept "onlin"/);
  });

  it('a misspelt indicator key in `describe` is an error', () => {
    const file = { ...lexicon.file, describe: { '3.3.9': ['hồ sơ'] } };
    expect(() => describeIndicators(indicatorCatalogue(), compileLexicon(file))).toThrow(/unknown indicator key "3\.3\.9"/);
  });

  it('headings map to catalogue sections; plans for the next period to none', () => {
    expect(lexicon.headingSection('II.2. Cải cách thủ tục hành chính')).toBe('3');
    expect(lexicon.headingSection('II.6. Hiện đại hóa hành chính')).toBe('7');
    expect(lexicon.headingSection('IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026')).toBe('none');
    expect(lexicon.headingSection('III. Đánh giá chung')).toBe('any');
  });
});

describe('indicator descriptions from the catalogue', () => {
  const descriptions = describeIndicators(indicatorCatalogue(), lexicon);
  const of = (key: string) => descriptions.find((d) => d.indicator.key === key)!;

  it('every figure a narrative can state has a description; the appendix header rows are the not_stated ones', () => {
    for (const d of descriptions) expect(d.wordings.length, d.indicator.key).toBeGreaterThan(0);
    expect(descriptions.some((d) => d.indicator.type === 'section' || d.indicator.type === 'group')).toBe(false);
  });

  it('a sub-row named by its subject takes its parent’s words', () => {
    expect(of('1.4.2.district').wordings.some((w) => ['task', 'complete', 'due', 'district'].every((c) => w.includes(c)))).toBe(true);
  });

  it('twins printed under the same name differ by their parents', () => {
    expect(of('3.3.2.resolved').wordings.every((w) => w.includes('commune_body'))).toBe(true);
    expect(of('3.3.1.resolved').wordings.some((w) => !w.includes('commune_body'))).toBe(true);
  });

  it('measure words come from the unit: procedures with online dossiers count procedures', () => {
    expect([...of('7.2.procedures_with_online_dossiers.count').nouns]).toEqual(['procedure']);
  });
});
