import { describe, expect, it } from 'vitest';
import { joinCellLines } from '../../../src/extract/pdf/cell-text.js';

describe('joining the lines of a wrapped cell', () => {
  it('joins lines broken between words with a space', () => {
    expect(joinCellLines([{ text: 'Kế hoạch,', right: 520, width: 42 }, { text: 'công văn', right: 518, width: 40 }], 536)).toBe('Kế hoạch, công văn');
  });

  it('glues a word the renderer had to cut at the cell edge', () => {
    expect(joinCellLines([{ text: '64/404TTH', right: 531, width: 52 }, { text: 'C', right: 486, width: 7 }], 536)).toBe('64/404TTHC');
  });

  it('keeps the space after a short single word, and when the cell edge is unknown', () => {
    expect(joinCellLines([{ text: 'Trong', right: 110, width: 25 }, { text: 'đó', right: 104, width: 11 }], 121)).toBe('Trong đó');
    expect(joinCellLines([{ text: '64/404TTH', right: 531, width: 52 }, { text: 'C', right: 486, width: 7 }], undefined)).toBe('64/404TTH C');
  });
});

describe('a number and the word after it', () => {
  it('keeps them apart when a one-number line happens to reach the cell edge', () => {
    expect(joinCellLines([{ text: '1441/1441', right: 531.8, width: 47 }, { text: 'văn bản đi', right: 530.5, width: 45.7 }], 532)).toBe('1441/1441 văn bản đi');
    expect(joinCellLines([{ text: '223/411', right: 531.5, width: 37 }, { text: 'TTHC', right: 509, width: 24.4 }], 532)).toBe('223/411 TTHC');
  });
});
