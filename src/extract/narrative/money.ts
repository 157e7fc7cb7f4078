import { valueWords } from '../../catalog/index.js';
import { alternation } from '../../text/index.js';
import { foldWords } from './search-form.js';

/**
 * The money units of `catalog/value-words.yaml` ("đồng", "triệu đồng", "VNĐ"…) on the search form,
 * as one regular-expression alternation (longest first): the narrative's one definition of them.
 */
export function moneyUnitWords(): string {
  return alternation(byWord().map((m) => m.folded));
}

/** The unit (as the catalogue prints it) of the money word a figure's search form ends with after its number. */
export function moneyUnitAtEnd(folded: string): string | undefined {
  atEnd ??= new RegExp(String.raw`\d\s?(${moneyUnitWords()})$`, 'u');
  const m = atEnd.exec(folded);
  return m ? byWord().find((w) => w.folded === m[1])?.unit : undefined;
}

let atEnd: RegExp | undefined;
let words: { folded: string; unit: string }[] | undefined;
function byWord(): { folded: string; unit: string }[] {
  words ??= valueWords()
    .moneyUnits()
    .map((m) => ({ folded: foldWords(m.word), unit: m.unit }));
  return words;
}
