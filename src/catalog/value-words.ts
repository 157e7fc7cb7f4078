import { z } from 'zod';
import { foldAscii } from '../text/index.js';
import { duplicateWords, loadCatalog } from './files.js';

const words = z.array(z.string().min(1)).min(1);

export const ValueWordsFile = z
  .strictObject({
    count_units: words,
    money: z.array(z.strictObject({ scale: z.number().positive(), words })).min(1),
    yes: words,
    no: words,
    percent_units: words,
    boolean_units: words,
  })
  .superRefine((f, ctx) =>
    duplicateWords(
      ctx,
      [
        { path: ['count_units'], words: f.count_units },
        ...f.money.map((m, i) => ({ path: ['money', i, 'words'], words: m.words })),
        { path: ['yes'], words: f.yes },
        { path: ['no'], words: f.no },
        { path: ['percent_units'], words: f.percent_units },
        { path: ['boolean_units'], words: f.boolean_units },
      ],
      foldAscii,
    ),
  );
export type ValueWordsFile = z.infer<typeof ValueWordsFile>;

/** A money word of the catalogue ("tr đồng"), the unit its entry names ("triệu đồng") and its scale to đồng. */
export interface MoneyWord {
  readonly word: string;
  readonly unit: string;
  readonly scale: number;
}

/** `catalog/value-words.yaml` with its look-ups; every argument is matched on its folded form. */
export class ValueWords {
  private readonly countUnits: readonly string[];
  /** Longest first, so that "triệu đồng" wins over "đồng". */
  private readonly money: readonly { word: string; scale: number }[];
  private readonly yes: ReadonlySet<string>;
  private readonly no: ReadonlySet<string>;
  private readonly percentUnits: readonly string[];
  private readonly booleanUnits: readonly string[];
  private readonly moneyWords: readonly MoneyWord[];

  constructor(file: ValueWordsFile) {
    this.moneyWords = file.money.flatMap((m) => m.words.map((word) => ({ word, unit: m.words[0]!, scale: m.scale })));
    this.countUnits = file.count_units.map(foldAscii);
    this.money = file.money.flatMap((m) => m.words.map((w) => ({ word: foldAscii(w), scale: m.scale }))).sort((a, b) => b.word.length - a.word.length);
    this.yes = new Set(file.yes.map(foldAscii));
    this.no = new Set(file.no.map(foldAscii));
    this.percentUnits = file.percent_units.map(foldAscii);
    this.booleanUnits = file.boolean_units.map(foldAscii);
  }

  /** The text after a number starts with a count unit ("hồ sơ", "hồ sơ trực tuyến"). */
  startsWithCountUnit(text: string): boolean {
    const f = foldAscii(text);
    return this.countUnits.some((w) => startsWithWord(f, w));
  }

  /** The text after a number starts with a money unit ("triệu đồng", "đ"). */
  startsWithMoneyUnit(text: string): boolean {
    const f = foldAscii(text);
    return this.money.some((m) => startsWithWord(f, m.word));
  }

  /** Multiplier from a printed money unit to đồng ("Triệu đồng" → 10⁶); 1 when it names none. */
  moneyScale(unit: string | undefined): number {
    const f = foldAscii(unit ?? '');
    return this.money.find((m) => containsWord(f, m.word))?.scale ?? 1;
  }

  /** Every money word as listed, with its entry's first word (the unit as printed: "triệu đồng") and scale. */
  moneyUnits(): readonly MoneyWord[] {
    return this.moneyWords;
  }

  /** A printed unit that names money. */
  isMoneyUnit(unit: string | undefined): boolean {
    const f = foldAscii(unit ?? '');
    return this.money.some((m) => f === m.word || (m.word.length > 1 && containsWord(f, m.word)));
  }

  /** Có → true, Không → false, anything else undefined. */
  /**
   * A listed yes/no word, or a phrase that opens with one ("Chưa tổ chức đối thoại", "Đã tổ chức
   * đối thoại với Nhân dân"): the longest listed word the phrase starts with decides.
   */
  yesNo(text: string): boolean | undefined {
    const f = foldAscii(text);
    if (this.yes.has(f)) return true;
    if (this.no.has(f)) return false;
    let best: { length: number; value: boolean } | undefined;
    for (const [words, value] of [[this.yes, true], [this.no, false]] as const) {
      for (const w of words) if (f.startsWith(`${w} `) && (!best || w.length > best.length)) best = { length: w.length, value };
    }
    return best?.value;
  }

  /** The yes or the no words, as listed (for vocabularies that add their own). */
  words(which: 'yes' | 'no'): readonly string[] {
    return [...(which === 'yes' ? this.yes : this.no)];
  }

  isPercentUnit(unit: string | undefined): boolean {
    const f = (unit ?? '').includes('%') ? '%' : foldAscii(unit ?? '');
    return this.percentUnits.some((w) => f === w || startsWithWord(f, w));
  }

  isBooleanUnit(unit: string | undefined): boolean {
    const f = foldAscii(unit ?? '');
    return this.booleanUnits.some((w) => containsWord(f, w));
  }
}

function startsWithWord(text: string, word: string): boolean {
  return text === word || text.startsWith(`${word} `);
}

function containsWord(text: string, word: string): boolean {
  return startsWithWord(text, word) || text.endsWith(` ${word}`) || text.includes(` ${word} `);
}

let cached: ValueWords | undefined;
/** The value words from `catalog/value-words.yaml`, loaded once per process. */
export function valueWords(): ValueWords {
  cached ??= new ValueWords(loadCatalog('value-words.yaml', ValueWordsFile));
  return cached;
}
