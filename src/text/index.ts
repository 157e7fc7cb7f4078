export { clean, fold, foldAscii, foldCleanAscii, foldCompact } from './fold.js';
export { alternation, escapeRegExp, matchesOf } from './regexp.js';
