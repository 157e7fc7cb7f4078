import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG_DIR, parseCatalog, ValueWordsFile } from '../../src/catalog/index.js';
import { VocabularyFile } from '../../src/extract/onestop/vocabulary.js';

const valueWords = readFileSync(`${CATALOG_DIR}value-words.yaml`, 'utf8');

describe('catalogue files: strict, each synonym once, errors that name the file and line', () => {
  it('reads the real value-words catalogue', () => {
    const c = parseCatalog('catalog/value-words.yaml', valueWords, ValueWordsFile);
    expect(c.money.find((m) => m.words.includes('triệu đồng'))?.scale).toBe(1_000_000);
    expect(c.yes).toContain('Có');
  });

  it('refuses an unknown key, naming the file, the line and the key', () => {
    const text = `${valueWords}\nmoney_units: ["đồng"]\n`;
    const line = text.split('\n').findIndex((l) => l.startsWith('money_units:')) + 1;
    expect(() => parseCatalog('catalog/value-words.yaml', text, ValueWordsFile)).toThrow(`catalog/value-words.yaml:${line}: unknown key "money_units"`);
  });

  it('refuses an unknown key inside a list entry, on its own line', () => {
    const text = ['count_units: ["hồ sơ"]', 'money:', '  - { scale: 1, words: ["đồng"] }', '  - { scale: 1000, words: ["nghìn đồng"], note: "x" }', 'yes: ["Có"]', 'no: ["Không"]', 'percent_units: ["%"]', 'boolean_units: ["Có/Không"]'].join('\n');
    expect(() => parseCatalog('catalog/w.yaml', text, ValueWordsFile)).toThrow('catalog/w.yaml:4: money.1: unknown key "note"');
  });

  it('refuses a synonym listed twice, even in another spelling of the same folded word', () => {
    const text = valueWords.replace('"Không", "no"', '"Không", "KHÔNG", "no"');
    const line = text.split('\n').findIndex((l) => l.includes('"KHÔNG"')) + 1;
    expect(() => parseCatalog('catalog/value-words.yaml', text, ValueWordsFile)).toThrow(`catalog/value-words.yaml:${line}: no.1: "KHÔNG" is listed twice (first at no.0)`);
    // Across lists too: a word cannot be both a yes and a no.
    const both = valueWords.replace('"Chưa", "Không có"', '"Chưa", "Không có", "Có"');
    expect(() => parseCatalog('catalog/value-words.yaml', both, ValueWordsFile)).toThrow(/no\.\d+: "Có" is listed twice \(first at yes\.0\)/);
  });

  it('refuses a vendor wording listed twice in a one-stop vocabulary section, but not across sections', () => {
    const vocabulary = readFileSync(`${CATALOG_DIR}onestop-vocabulary.yaml`, 'utf8');
    expect(() => parseCatalog('catalog/onestop-vocabulary.yaml', vocabulary.replace('"Chờ bổ sung",', '"Chờ bổ sung", "Đang xử lý",'), VocabularyFile)).toThrow(
      /catalog\/onestop-vocabulary\.yaml:\d+: status\.supplement\.\d+: "Đang xử lý" is listed twice \(first at status\.processing\.\d+\)/,
    );
    // "Trực tiếp" is a channel and a payment method: two sections, two look-ups.
    expect(parseCatalog('catalog/onestop-vocabulary.yaml', vocabulary, VocabularyFile).payment_method.cash).toContain('Trực tiếp');
  });

  it('refuses a key given twice in one mapping (YAML would keep the last silently)', () => {
    const text = `${valueWords}\n"yes": ["Có"]\n`;
    const line = text.split('\n').length - 1;
    expect(() => parseCatalog('catalog/value-words.yaml', text, ValueWordsFile)).toThrow(new RegExp(`^catalog/value-words\\.yaml:${line}: Map keys must be unique`));
  });
});
