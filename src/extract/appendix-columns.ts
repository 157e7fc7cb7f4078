import { z } from 'zod';
import { duplicateWords, loadCatalog } from '../catalog/index.js';
import { foldAscii } from '../text/index.js';

/**
 * Column headings of the appendix table, from catalog/appendix-columns.yaml: one reading for the
 * Excel and PDF extractors, so that a new heading wording is one line of data for both formats.
 */
const AppendixColumns = z
  .strictObject({
    code: z.array(z.string()),
    label: z.array(z.string()),
    unit: z.array(z.string()),
    value: z.array(z.string()),
    note: z.array(z.string()),
    not_codes: z.array(z.string()),
  })
  // A heading names one column, listed once: a second listing would be shadowed by the first.
  .superRefine((c, ctx) =>
    duplicateWords(ctx, (['code', 'label', 'unit', 'value', 'note', 'not_codes'] as const).map((k) => ({ path: [k], words: c[k] })), foldAscii),
  );

export type ColumnRole = 'code' | 'label' | 'unit' | 'value' | 'note';
export const ROLES: readonly ColumnRole[] = ['code', 'label', 'unit', 'value', 'note'];

interface Compiled {
  readonly synonyms: Record<ColumnRole, string[]>;
  /** Each role's first heading as the catalogue prints it, to name in messages. */
  readonly printed: Record<ColumnRole, string>;
  readonly notCodes: Set<string>;
}

let compiled: Compiled | undefined;
function catalogue(): Compiled {
  if (compiled) return compiled;
  const c = loadCatalog('appendix-columns.yaml', AppendixColumns);
  const synonyms = Object.fromEntries(ROLES.map((r) => [r, c[r].map(foldAscii)])) as Record<ColumnRole, string[]>;
  const printed = Object.fromEntries(ROLES.map((r) => [r, c[r][0] ?? r])) as Record<ColumnRole, string>;
  compiled = { synonyms, printed, notCodes: new Set(c.not_codes.map(foldAscii)) };
  return compiled;
}

/** The headings a header needs, as a person would look for them: "STT | Chỉ tiêu thống kê | Đơn vị tính | Số liệu". */
export function expectedHeadings(): string {
  return (['code', 'label', 'unit', 'value'] as const).map((r) => catalogue().printed[r]).join(' | ');
}

/** Headings are a few words; a narrative line that merely starts like one ("Kết quả thực hiện …") is not. */
const MAX_HEADING_WORDS = 6;

/** The role a heading text names, or undefined. The longest matching synonym wins. */
export function headingRole(text: string): ColumnRole | undefined {
  // "Chỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)": the remark is not the heading.
  const f = foldAscii(text.replace(/\([^()]*\)/g, ' '));
  if (!f || f.split(' ').length > MAX_HEADING_WORDS) return undefined;
  let best: { role: ColumnRole; len: number } | undefined;
  for (const role of ROLES) {
    for (const s of catalogue().synonyms[role]) {
      if ((f === s || f.startsWith(`${s} `)) && (!best || s.length > best.len)) best = { role, len: s.length };
    }
  }
  return best?.role;
}

/** "1", "1.4.1", "II": a row code. "Trong đó" and bullets sit in the STT column without being codes. */
export function isCode(text: string): boolean {
  const t = text.trim();
  return t !== '' && !catalogue().notCodes.has(foldAscii(t)) && /^[\dIVXivx]+(\.[\dA-Za-z]+)*\.?$/.test(t);
}
