import { z } from 'zod';
import { duplicateWords, loadCatalog, valueWords } from '../../catalog/index.js';
import { foldAscii } from '../../text/fold.js';
import { detach } from './raw-row.js';

export const StatusClass = z.enum(['submitted', 'not_accepted', 'processing', 'supplement', 'financial', 'withdrawn', 'returned', 'suspended', 'done']);
export type StatusClass = z.infer<typeof StatusClass>;
export const Channel = z.enum(['direct', 'online', 'postal']);
export type Channel = z.infer<typeof Channel>;
export const OnlineLevel = z.enum(['information', 'partial', 'full']);
export type OnlineLevel = z.infer<typeof OnlineLevel>;
export const PaymentMethod = z.enum(['online', 'cash', 'transfer', 'none']);
export type PaymentMethod = z.infer<typeof PaymentMethod>;
export const PaymentState = z.enum(['paid', 'unpaid', 'waiting', 'cancelled', 'refunded']);
export type PaymentState = z.infer<typeof PaymentState>;

const words = z.array(z.union([z.string(), z.number()]).transform(String));
const SECTIONS = ['status', 'channel', 'online_level', 'payment_method', 'payment_state', 'yes_no'] as const;
export const VocabularyFile = z
  .strictObject({
    status: z.partialRecord(StatusClass, words),
    channel: z.partialRecord(Channel, words),
    online_level: z.partialRecord(OnlineLevel, words),
    payment_method: z.partialRecord(PaymentMethod, words),
    payment_state: z.partialRecord(PaymentState, words),
    /** Added to the yes/no words of catalog/value-words.yaml. */
    yes_no: z.strictObject({ yes: words.default([]), no: words.default([]) }),
  })
  // Within a section a value means one thing, listed once (sections are looked up apart).
  .superRefine((f, ctx) => {
    for (const section of SECTIONS) {
      const table = f[section] as Partial<Record<string, string[]>>;
      duplicateWords(ctx, Object.entries(table).map(([meaning, values]) => ({ path: [section, meaning], words: values ?? [] })), foldAscii);
    }
  });
type VocabularyFile = z.infer<typeof VocabularyFile>;

/** A lookup from a vendor's value to its meaning; `undefined` means "not in the catalogue". */
export type Lookup<T extends string> = (value: string) => T | undefined;

export interface Vocabulary {
  readonly status: Lookup<StatusClass>;
  readonly channel: Lookup<Channel>;
  readonly onlineLevel: Lookup<OnlineLevel>;
  readonly paymentMethod: Lookup<PaymentMethod>;
  readonly paymentState: Lookup<PaymentState>;
  readonly yesNo: Lookup<'yes' | 'no'>;
}

function lookup<T extends string>(table: Partial<Record<T, string[]>>): Lookup<T> {
  const map = new Map<string, T>();
  for (const [meaning, values] of Object.entries(table) as [T, string[]][]) {
    for (const v of values) {
      const key = foldAscii(v);
      const prior = map.get(key);
      if (prior !== undefined && prior !== meaning) throw new Error(`catalog/onestop-vocabulary.yaml: "${v}" means both ${prior} and ${meaning}`);
      map.set(key, meaning);
    }
  }
  // Exports repeat a handful of values a million times: remember raw spellings already folded.
  const memo = new Map<string, T | undefined>();
  return (value) => {
    let hit = memo.get(value);
    if (hit === undefined && !memo.has(value)) {
      hit = map.get(foldAscii(value));
      if (memo.size < 10_000) memo.set(detach(value), hit);
    }
    return hit;
  };
}

export function buildVocabulary(file: VocabularyFile): Vocabulary {
  return {
    status: lookup(file.status),
    channel: lookup(file.channel),
    onlineLevel: lookup(file.online_level),
    paymentMethod: lookup(file.payment_method),
    paymentState: lookup(file.payment_state),
    // The yes/no words every reader shares, plus those only a one-stop column uses ("Đã thanh toán").
    yesNo: lookup<'yes' | 'no'>({ yes: [...valueWords().words('yes'), ...file.yes_no.yes], no: [...valueWords().words('no'), ...file.yes_no.no] }),
  };
}

let cached: Vocabulary | undefined;
/** `catalog/onestop-vocabulary.yaml`, loaded once. */
export function vocabulary(): Vocabulary {
  cached ??= buildVocabulary(loadCatalog('onestop-vocabulary.yaml', VocabularyFile));
  return cached;
}
