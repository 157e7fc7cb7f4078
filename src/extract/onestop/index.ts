import { RejectedInput } from '../errors.js';
import type { Extractor } from '../extractor.js';

// Placeholder until the one-stop extractors land (issue 4).
export const onestopTextExtractor: Extractor = {
  name: 'onestop-text',
  extract: async () => {
    throw new RejectedInput('one-stop exports are not supported yet');
  },
};
export const onestopXlsxExtractor: Extractor = {
  name: 'onestop-xlsx',
  extract: async () => {
    throw new RejectedInput('one-stop exports are not supported yet');
  },
};
