export { csvText, writeCsv } from './csv.js';
export { EXPORT_FORMATS, exportSheet, writeExport, type ExportFormat, type ExportSheet } from './export.js';
export { resolveFilters, type FilterInput } from './filters.js';
export { codeLabel, columnTitle, labels } from '../catalog/index.js';
export { cell, neutralise } from './neutralise.js';
export { EXPORT_VIEWS, exportQuery, type ExportFilters, type ExportView } from './views.js';
