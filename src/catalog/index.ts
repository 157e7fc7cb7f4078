export { ValueWords, ValueWordsFile, valueWords, type MoneyWord } from './value-words.js';
export { CATALOG_DIR, duplicateWords, loadCatalog, parseCatalog } from './files.js';
export {
  Aggregation,
  IndicatorCatalogFile,
  IndicatorCatalogue,
  IndicatorEntry,
  ValueType,
  indicatorCatalogue,
  unitScale,
  type Indicator,
} from './indicators.js';
export { codeLabel, columnTitle, labels, type LabelsFile } from './labels.js';
