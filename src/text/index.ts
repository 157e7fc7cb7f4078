export { clean, fold, foldAscii, foldCleanAscii, foldCompact } from './fold.js';
export { alternation, escapeRegExp } from './regexp.js';
