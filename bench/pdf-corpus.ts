/**
 * Accuracy of the PDF table reader on the corpus (fixtures/pdf/corpus/): every appendix cell against
 * the structured source it was rendered from, per producer × border style (× Unicode form and
 * legacy encoding: the TCVN3 and VNI reports are rows of their own).
 *
 *   npx tsx bench/pdf-corpus.ts
 *
 * Not a timing: a table of right cells, concatenated values and doubtful figures.
 */
import { corpusManifest, scoreFile, type FileScore } from '../test/extract/pdf/corpus-score.js';

const scores: FileScore[] = [];
for (const entry of corpusManifest()) scores.push(await scoreFile(entry));

const key = (s: FileScore) => `${s.entry.style}${s.entry.form === 'NFD' ? '-nfd' : ''}${s.entry.encoding === 'unicode' ? '' : `-${s.entry.encoding}`}`;
const producers = [...new Set(scores.map((s) => s.entry.producer))];
const styles = [...new Set(scores.map(key))];
console.log(`PDF corpus: ${scores.length} files, ${scores.reduce((n, s) => n + s.cells, 0)} appendix cells; % of cells right (files)`);
console.log(['style'.padEnd(14), ...producers.map((p) => p.padStart(16))].join(''));
for (const style of styles) {
  const cells = producers.map((p) => {
    const group = scores.filter((s) => s.entry.producer === p && key(s) === style);
    if (!group.length) return '—'.padStart(16);
    const right = group.reduce((n, s) => n + s.right, 0);
    const all = group.reduce((n, s) => n + s.cells, 0);
    return `${((100 * right) / all).toFixed(2)}% (${group.length})`.padStart(16);
  });
  console.log([style.padEnd(14), ...cells].join(''));
}
const concatenated = scores.flatMap((s) => s.concatenated.map((c) => `${s.entry.file}: ${c}`));
console.log(`concatenated values: ${concatenated.length}${concatenated.length ? `\n  ${concatenated.join('\n  ')}` : ''}`);
console.log(`doubtful figures: ${scores.reduce((n, s) => n + s.doubtful, 0)}`);
for (const s of scores.filter((x) => x.rejected)) console.log(`${s.entry.file}: rejected: ${s.rejected}`);
const worst = scores.filter((s) => s.wrong.length).sort((a, b) => b.wrong.length - a.wrong.length).slice(0, 8);
for (const s of worst) console.log(`${s.entry.file}: ${s.wrong.length} wrong, e.g. ${s.wrong.slice(0, 3).join('; ')}`);
