import { type ColumnRole, headingRole, isCode } from '../appendix-columns.js';
import { isAppendixTitle } from '../../normalize/document-header.js';
import { type TextItem, groupLines } from './text-items.js';

/** Lines starting with a dotted row code ("1.1", "7.2.4"): this many make a table, not a numbered paragraph. */
const MIN_CODED_LINES = 5;
const NEEDED: readonly ColumnRole[] = ['label', 'value'];
/** How many runs above the first numbered row may be the table's header. */
const HEADER_LINES = 16;

const headingRoles = (text: string): ColumnRole[] => {
  const role = headingRole(text);
  return role ? [role] : [];
};

/**
 * Why a document with no recognisable appendix header is still refused: when it prints an appendix
 * title or rows numbered like the appendix's, a table is there that could not be read, and loading
 * the narrative alone would lose it silently. The reason says what was recognised and what was
 * missing. Undefined when nothing looks like a table (a narrative-only report).
 */
export function missingTableReason(pages: readonly (readonly TextItem[])[]): string | undefined {
  let title: { page: number; text: string } | undefined;
  let coded = 0;
  let firstCodedPage = 0;
  const headings = new Set<ColumnRole>();
  let printed: string[] = [];
  let snapped = false;
  for (const items of pages) {
    // Headings are looked for where a header would be: above the first numbered row.
    const above: string[] = [];
    for (const line of groupLines(items)) {
      const text = line.map((i) => i.text).join(' ');
      if (!title && isAppendixTitle(text)) title = { page: line[0]!.page, text };
      // The header, if any, is printed above the table's first numbered row (a section "1" or a "1.1").
      if (!snapped && title && isCode(line[0]!.text) && line.length > 1) {
        printed = above.slice(-HEADER_LINES);
        snapped = true;
      }
      if (isCode(line[0]!.text) && line[0]!.text.includes('.') && line.length > 1) {
        coded++;
        if (!firstCodedPage) {
          firstCodedPage = line[0]!.page;
          for (const t of printed) headingRoles(t).forEach((r) => headings.add(r));
        }
      }
      above.push(...line.map((i) => i.text));
    }
  }
  if (coded < MIN_CODED_LINES) return undefined;
  const where = title ? `page ${title.page} has the title "${title.text.slice(0, 40)}" and` : `page ${firstCodedPage} starts`;
  const missing = NEEDED.filter((r) => !headings.has(r));
  const found = headings.size ? [...headings].join(', ') : 'none';
  const seen = printed.slice(-8).map((t) => `"${t.slice(0, 30)}"`).join(' ');
  return `appendix table not read: ${where} ${coded} rows numbered like the appendix's (1.1, 1.2 …), but no column header naming the ${missing.length ? missing.join(' and ') : 'label and value'} column${missing.length === 1 ? '' : 's'} above them (headings recognised: ${found}; printed above the first row: ${seen || 'nothing'}); add the wording to catalog/appendix-columns.yaml`;
}
