import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { CATALOG_DIR, indicatorCatalogue } from '../../src/catalog/index.js';
import { compileRules, parseRatio, parseSum, reconcileRules, RulesFile, withOverrides } from '../../src/reconcile/rules.js';

const file = () => RulesFile.parse(parse(readFileSync(`${CATALOG_DIR}reconcile-rules.yaml`, 'utf8')));

describe('the reconciliation rules catalogue', () => {
  it('loads, and reads like the report arithmetic', () => {
    const rules = reconcileRules();
    expect(rules.ratios.find((r) => r.rate === '7.2.4')).toMatchObject({ numerator: '7.2.4.online', denominator: '7.2.4.received' });
    expect(rules.sums.find((s) => s.id === '7.2.4.received = 7.2.4.online + 7.2.4.direct + [7.2.4.carried_over]')).toMatchObject({
      relation: 'eq',
      parts: ['7.2.4.online', '7.2.4.direct', '7.2.4.carried_over'],
      optional: ['7.2.4.carried_over'],
    });
    expect(rules.sums.find((s) => s.id === '1.4.1 >= 1.4.2 + 1.4.3 + 1.4.4')?.relation).toBe('ge');
    expect(rules.precedence[0]).toBe('onestop');
  });

  it('names only indicators of the catalogue', () => {
    const rules = reconcileRules();
    const catalogue = indicatorCatalogue();
    const keys = [...rules.ratios.flatMap((r) => [r.rate, r.numerator, r.denominator]), ...rules.sums.flatMap((s) => [s.total, ...s.parts])];
    expect(keys.filter((k) => !catalogue.get(k))).toEqual([]);
  });

  it('rejects a check naming an unknown indicator, and a malformed check', () => {
    const f = file();
    expect(() => compileRules({ ...f, sums: [{ check: '1.4.1 = 1.4.1.province + 1.4.1.nowhere', severity: 'major' }] }, indicatorCatalogue())).toThrow(
      /unknown indicator keys: 1\.4\.1\.nowhere/,
    );
    expect(() => parseRatio('7.2.4 = 7.2.4.online', 'major')).toThrow(/not a ratio/);
    expect(() => parseSum('7.2.4.received = [7.2.4.online', 'major')).toThrow(/bad part/);
    expect(() => parseSum('7.2.4.received = [7.2.4.online]', 'major')).toThrow(/at least one required part/);
  });

  it('takes the source precedence from the pipeline config, and refuses unknown sources', () => {
    const rules = reconcileRules();
    expect(withOverrides(rules, { precedence: ['narrative', 'table'] }).precedence).toEqual(['narrative', 'table']);
    expect(withOverrides(rules, undefined)).toBe(rules);
    expect(() => withOverrides(rules, { precedence: ['fax'] })).toThrow(/unknown sources fax/);
  });
});
