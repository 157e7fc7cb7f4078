import { RejectedInput } from '../errors.js';
import type { Extractor } from '../extractor.js';

// Placeholder until the PDF extractor lands (issue 3).
export const pdfExtractor: Extractor = {
  name: 'pdf-report',
  extract: async () => {
    throw new RejectedInput('PDF reports are not supported yet');
  },
};
