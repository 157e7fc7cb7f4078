import { z } from 'zod';
import { loadCatalog } from '../../catalog/files.js';

/** The two legacy 8-bit Vietnamese encodings that 2019–2021 files still carry. */
export const LegacyEncoding = z.enum(['tcvn3', 'vni']);
export type LegacyEncoding = z.infer<typeof LegacyEncoding>;

/** What each encoding is called in messages ("does not decode as TCVN3"). */
export const ENCODING_NAMES: Record<LegacyEncoding, string> = { tcvn3: 'TCVN3', vni: 'VNI' };

const Byte = z.number().int().min(0).max(255);
const Letter = z.string().min(1).max(2);

/** A code (or letter) listed twice is an error, never a silent overwrite. */
function unique<T>(rows: readonly T[], keyOf: (row: T) => string, what: string, ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const k = keyOf(row);
    const first = seen.get(k);
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['entries', i], message: `${what} ${k} listed twice (entries ${first} and ${i})` });
    else seen.set(k, i);
  });
}

const hex = (codes: readonly number[]) => codes.map((c) => `0x${c.toString(16).toUpperCase()}`).join(' ');

export const Tcvn3Table = z
  .object({
    name: z.string(),
    source: z.string().min(1),
    entries: z.array(z.object({ code: Byte, char: Letter, abc: z.boolean() }).strict()).min(1),
  })
  .strict()
  .superRefine((t, ctx) => unique(t.entries, (e) => hex([e.code]), 'code', ctx));
export type Tcvn3Table = z.infer<typeof Tcvn3Table>;

export const VniTable = z
  .object({
    name: z.string(),
    source: z.string().min(1),
    entries: z.array(z.object({ char: Letter, codes: z.array(Byte).min(1).max(2) }).strict()).min(1),
  })
  .strict()
  .superRefine((t, ctx) => {
    unique(t.entries, (e) => hex(e.codes), 'code', ctx);
    unique(t.entries, (e) => e.char, 'letter', ctx);
  });
export type VniTable = z.infer<typeof VniTable>;

export const FontCatalog = z
  .object({
    families: z
      .array(
        z
          .object({
            encoding: LegacyEncoding,
            prefixes: z.array(z.string().min(1)).min(1),
            uppercase_suffix: z.string().min(1).optional(),
            known: z.array(z.string().min(1)).default([]),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .superRefine((c, ctx) => {
    const rows = c.families.flatMap((f) => [...f.prefixes.map((p) => `prefix ${p.toLowerCase()}`), ...f.known.map((k) => `font ${k.toLowerCase()}`)]);
    unique(rows, (r) => r, '', ctx);
  });
export type FontCatalog = z.infer<typeof FontCatalog>;

export const SyllableCatalog = z
  .object({
    onsets: z.array(z.string().min(1)).min(1),
    nuclei: z.array(z.string().min(1)).min(1),
    codas: z.array(z.string().min(1)).min(1),
    open_nuclei: z.array(z.string().min(1)).default([]),
    tones: z.array(z.string().length(1)).length(5),
  })
  .strict()
  .superRefine((c, ctx) => {
    for (const key of ['onsets', 'nuclei', 'codas', 'open_nuclei', 'tones'] as const) {
      const seen = new Set<string>();
      c[key].forEach((v, i) => {
        if (seen.has(v)) ctx.addIssue({ code: 'custom', path: [key, i], message: `${v} listed twice` });
        seen.add(v);
      });
    }
    c.open_nuclei.forEach((n, i) => {
      if (!c.nuclei.includes(n)) ctx.addIssue({ code: 'custom', path: ['open_nuclei', i], message: `${n} is not among the nuclei` });
    });
  });
export type SyllableCatalog = z.infer<typeof SyllableCatalog>;

let tcvn3: Tcvn3Table | undefined;
let vni: VniTable | undefined;
let fonts: FontCatalog | undefined;
let syllables: SyllableCatalog | undefined;

export const tcvn3Table = (): Tcvn3Table => (tcvn3 ??= loadCatalog('encodings/tcvn3.yaml', Tcvn3Table));
export const vniTable = (): VniTable => (vni ??= loadCatalog('encodings/vni.yaml', VniTable));
export const fontCatalog = (): FontCatalog => (fonts ??= loadCatalog('encodings/fonts.yaml', FontCatalog));
export const syllableCatalog = (): SyllableCatalog => (syllables ??= loadCatalog('encodings/vietnamese-syllables.yaml', SyllableCatalog));
