export { clean, fold, foldAscii, foldCompact } from './fold.js';
