export { appendixXlsxExtractor } from './appendix-extractor.js';
export { readCell, type CellReading } from './cell-text.js';
