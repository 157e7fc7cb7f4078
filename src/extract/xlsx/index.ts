import { NotThisKind } from '../errors.js';
import type { Extractor } from '../extractor.js';

// Placeholder: the appendix workbook extractor is being written (issue 2).
export const appendixXlsxExtractor: Extractor = {
  name: 'xlsx-appendix',
  extract: async () => {
    throw new NotThisKind('appendix extractor not written yet');
  },
};
