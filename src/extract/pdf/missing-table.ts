import { type ColumnRole, headingRole, isCode } from '../appendix-columns.js';
import { foldAscii } from '../../text/index.js';
import { APPENDIX_TITLE } from './appendix.js';
import { type TextItem, groupLines } from './text-items.js';

/** Lines starting with a dotted row code ("1.1", "7.2.4"): this many make a table, not a numbered paragraph. */
const MIN_CODED_LINES = 5;
const NEEDED: readonly ColumnRole[] = ['label', 'value'];

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
  for (const items of pages) {
    for (const line of groupLines(items)) {
      const text = line.map((i) => i.text).join(' ');
      if (!title && APPENDIX_TITLE.test(foldAscii(text))) title = { page: line[0]!.page, text };
      if (isCode(line[0]!.text) && line[0]!.text.includes('.') && line.length > 1) {
        coded++;
        firstCodedPage ||= line[0]!.page;
      }
      for (const i of line) {
        const role = headingRole(i.text);
        if (role) headings.add(role);
      }
    }
  }
  if (coded < MIN_CODED_LINES) return undefined;
  const where = title ? `page ${title.page} has the title "${title.text.slice(0, 40)}" and` : `page ${firstCodedPage} starts`;
  const missing = NEEDED.filter((r) => !headings.has(r));
  const found = headings.size ? [...headings].join(', ') : 'none';
  return `appendix table not read: ${where} ${coded} rows numbered like the appendix's (1.1, 1.2 …), but no column header naming the ${missing.length ? missing.join(' and ') : 'label and value'} column${missing.length === 1 ? '' : 's'} above them (headings recognised: ${found}); add its wording to catalog/appendix-columns.yaml`;
}
