export { clean, fold, foldAscii, foldCompact } from './fold.js';
export { alternation, escapeRegExp } from './regexp.js';
