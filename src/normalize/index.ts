export { communeRegistry, resolveCommune, type CommuneResolution } from './commune/index.js';
export { isAppendixTitle, readDocumentHeader, readPeriod, readWindow, type DocumentHeader } from './document-header.js';
export { TableRowMatcher, similarity, type IndicatorMatch, type MatchMethod } from './match-indicator.js';
export { normalizeDocument, type NormalizeOptions, type NormalizedDocument } from './normalize-document.js';
export type { CommuneRow, ObservationRow, PeriodRow } from './observation.js';
export { parseBoolean, parseNumber, parseValue, type ParsedValue, type ValueHint, type ValueKind } from './parse-value.js';
export { makePeriod, parsePeriodKey, periodKey, periodsOfYear, regulationWindow } from './period.js';
