import { describe, expect, it } from 'vitest';
import { type BundleDocument, planBundles } from '../../src/normalize/index.js';

const doc = (sha: string, over: Partial<BundleDocument>): BundleDocument => ({
  sha256: sha.repeat(64).slice(0, 64),
  path: 'inbox/x',
  kind: 'report',
  periodKey: '2024',
  commune: null,
  communeName: null,
  candidates: [],
  report: null,
  attachedTo: null,
  ...over,
});

const report = doc('b', { path: 'inbox/a/bao-cao.pdf', commune: { code: '02044', era: 'pre2025' }, communeName: 'Xã Yên Thịnh', report: { number: '45/BC-UBND', date: '2024-11-18' } });
const appendix = doc('a', {
  path: 'inbox/a/phu-luc.xlsx',
  communeName: 'Yên Thịnh',
  candidates: [
    { code: '02044', era: 'pre2025' },
    { code: '06400', era: 'pre2025' },
    { code: '15436', era: 'pre2025' },
  ],
  attachedTo: { number: '45/BC-UBND', date: '2024-11-18' },
});
const exportFile = doc('c', { path: 'inbox/a/mot-cua.csv', kind: 'onestop' });

describe('planBundles', () => {
  // One link per pair: the appendix and its report also share folder, commune and period; the first evidence is kept.
  it('links an appendix to the report it names and a one-stop export to the folder, and hands out the commune', () => {
    const plan = planBundles([appendix, report, exportFile]);
    expect(plan.bundles).toHaveLength(1);
    expect(plan.bundles[0]!.key).toBe(appendix.sha256);
    expect(plan.bundles[0]!.links.map((l) => l.reason).sort()).toEqual([
      'attached to report 45/BC-UBND of 2024-11-18',
      'one-stop export in the folder of bao-cao.pdf',
      'one-stop export in the folder of phu-luc.xlsx',
    ]);
    expect(plan.assignments.map((a) => [a.sha256[0], a.commune.code, a.commune.era])).toEqual([
      ['a', '02044', 'pre2025'],
      ['c', '02044', 'pre2025'],
    ]);
  });

  it('gives the same plan whatever the order of its input', () => {
    const a = planBundles([appendix, report, exportFile]);
    const b = planBundles([exportFile, report, appendix]);
    expect(b).toEqual(a);
  });

  it('does not link an appendix whose report number differs in date', () => {
    const other = { ...appendix, path: 'elsewhere/phu-luc.xlsx', attachedTo: { number: '45/BC-UBND', date: '2023-11-18' } };
    const plan = planBundles([other, report]);
    expect(plan.bundles).toEqual([]);
    expect(plan.assignments).toEqual([]);
  });

  it('links an export in a folder of two communes’ reports to neither', () => {
    const second = doc('d', { path: 'inbox/a/khac.pdf', commune: { code: '15127', era: 'pre2025' }, communeName: 'Thị trấn Phong Sơn' });
    const plan = planBundles([report, second, exportFile]);
    expect(plan.assignments).toEqual([]);
    expect(plan.problems.map((p) => p.message)).toEqual(['one-stop export in a folder with documents of 2 different reports: not linked to any']);
  });

  it('resolves a bundle of unresolved documents when their candidates share one unit, and never guesses otherwise', () => {
    const x = doc('e', { path: 'f/a.xlsx', communeName: 'Yên Thịnh', candidates: [{ code: '02044', era: 'pre2025' }, { code: '06400', era: 'pre2025' }], attachedTo: { number: '7/BC-UBND' } });
    const y = doc('f', { path: 'f/b.pdf', communeName: 'Yên Thịnh', candidates: [{ code: '02044', era: 'pre2025' }, { code: '15436', era: 'pre2025' }], report: { number: '7/BC-UBND' } });
    expect(planBundles([x, y]).assignments.map((a) => a.commune.code)).toEqual(['02044', '02044']);
    const z = { ...y, candidates: [...y.candidates, { code: '06400', era: 'pre2025' as const }] };
    expect(planBundles([x, z]).assignments).toEqual([]);
  });

  it('leaves a bundle whose resolved members disagree without a commune, and says so', () => {
    const wrong = { ...report, sha256: 'e'.repeat(64), path: 'inbox/a/copy.pdf', commune: { code: '06400', era: 'pre2025' as const } };
    const plan = planBundles([appendix, report, wrong]);
    expect(plan.assignments).toEqual([]);
    expect(plan.problems.map((p) => p.message)).toContain('documents of one bundle resolve to different communes (pre2025:02044, pre2025:06400): none is given to the others');
  });

  it('gives a year’s export in a folder of one commune’s quarterly reports that commune, without bundling it', () => {
    const q = (n: number) => doc(String(n), { path: 'backfill/2022/q' + n + '.pdf', periodKey: `2022-Q${n}`, commune: { code: '02044', era: 'pre2025' }, communeName: 'Xã Yên Thịnh' });
    const year = doc('9', { path: 'backfill/2022/mot-cua.csv', kind: 'onestop', periodKey: '2022' });
    const plan = planBundles([q(1), q(2), q(3), year]);
    expect(plan.bundles).toEqual([]);
    expect(plan.assignments).toEqual([{ sha256: year.sha256, commune: { code: '02044', era: 'pre2025' }, reason: 'commune from its folder: 02044 (pre2025), the commune of all 3 reports beside it' }]);
  });
});
