import { describe, expect, it } from 'vitest';
import { valueWords } from '../../../src/catalog/index.js';
import { moneyUnitAtEnd, moneyUnitWords } from '../../../src/extract/narrative/money.js';
import { numberTokens } from '../../../src/extract/narrative/numbers.js';

describe('money units of the narrative come from catalog/value-words.yaml', () => {
  it('every money word of the catalogue, and only those, on the search form', () => {
    expect(moneyUnitWords().split('|').sort()).toEqual(['d', 'dong', 'ngan', 'ngan dong', 'nghin', 'nghin dong', 'ti', 'ti dong', 'tr dong', 'trieu', 'trieu dong', 'ty', 'ty dong', 'vnd'].sort());
    expect(valueWords().moneyUnits().map((m) => m.word)).toContain('tr đồng');
  });

  it('an amount with any of them is one money token', () => {
    const sentence = 'Kinh phí 15 tr đồng, thu 2.356.450.000đ và 1,25 tỷ đồng';
    const tokens = numberTokens(sentence, []).filter((t) => t.kind === 'money').map((t) => sentence.slice(t.start, t.end));
    expect(tokens).toEqual(['15 tr đồng', '2.356.450.000đ', '1,25 tỷ đồng']);
  });

  it('names the unit as the catalogue prints it', () => {
    expect(moneyUnitAtEnd('15 tr dong')).toBe('triệu đồng');
    expect(moneyUnitAtEnd('500 nghin dong')).toBe('nghìn đồng');
    expect(moneyUnitAtEnd('96.500.000 dong')).toBe('đồng');
    expect(moneyUnitAtEnd('1,25 ty')).toBe('tỷ đồng');
    expect(moneyUnitAtEnd('196 ho so')).toBeUndefined();
  });
});
