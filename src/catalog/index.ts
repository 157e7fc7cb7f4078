export { CATALOG_DIR, loadCatalog } from './files.js';
export {
  Aggregation,
  IndicatorCatalogue,
  IndicatorEntry,
  ValueType,
  indicatorCatalogue,
  unitScale,
  type Indicator,
} from './indicators.js';
export { codeLabel, columnTitle, labels, type LabelsFile } from './labels.js';
