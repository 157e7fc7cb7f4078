export { BundleDocument, planBundles, type Bundle, type BundleAssignment, type BundleLink, type BundlePlan } from './bundle/index.js';
export { communeRegistry, resolveCommune, type CommuneResolution, type Era } from './commune/index.js';
export { communeRows } from './commune/rows.js';
export { isAppendixTitle, readDocumentHeader, readPeriod, readWindow, type DocumentHeader } from './document-header.js';
export { TableRowMatcher, similarity, type IndicatorMatch, type MatchMethod } from './match-indicator.js';
export { normalizeDocument, type NormalizeOptions, type NormalizedDocument } from './normalize-document.js';
export type { CommuneRow, ObservationRow, PeriodRow } from './observation.js';
export { parseBoolean, parseNumber, parseValue, type ParsedValue, type ValueHint, type ValueKind } from './parse-value.js';
export { makePeriod, parsePeriodKey, periodKey, periodsOfYear, regulationWindow } from './period.js';
