export { appendixXlsxExtractor } from './appendix-extractor.js';
export { readCell, type CellReading } from './cell-text.js';
export { surveyWorkbook, WHOLE_READ_MAX_CELLS, WHOLE_READ_MAX_XML, type SheetSize, type WorkbookSurvey } from './survey.js';
export { SHARED_TEXT_MAX, WorkbookStream } from './workbook-stream.js';
