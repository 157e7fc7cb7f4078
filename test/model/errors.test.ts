import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RejectedInput, isOutOfMemory } from '../../src/extract/index.js';
import { ErrorCode, InternalError, Stage } from '../../src/model/index.js';
import { ROOT } from '../helpers.js';

describe('errors typed per stage', () => {
  it('every code is explained in the data dictionary', () => {
    const dictionary = readFileSync(join(ROOT, 'docs/data-dictionary.md'), 'utf8');
    const missing = ErrorCode.options.filter((c) => !dictionary.includes(`\`${c}\``));
    expect(missing).toEqual([]);
    expect(Stage.options).toEqual(['read', 'extract', 'normalize', 'load', 'reconcile']);
  });

  it('a rejection is the extract stage with its code; a bug keeps the stack of where it happened', () => {
    const r = new RejectedInput('encrypted_pdf', 'encrypted PDF: a password is needed to open it', 'page 1');
    expect({ stage: r.stage, code: r.code, message: r.message, location: r.location }).toEqual({ stage: 'extract', code: 'encrypted_pdf', message: 'encrypted PDF: a password is needed to open it', location: 'page 1' });
    const cause = new TypeError('x is not a function');
    const bug = new InternalError('normalize', cause);
    expect(bug.message).toBe('internal error in normalize (a bug in cchc-etl): TypeError: x is not a function');
    expect(bug.stack).toBe(cause.stack);
  });

  it('tells a reader out of memory from other range errors', () => {
    expect(isOutOfMemory(new RangeError('Invalid string length'))).toBe(true);
    expect(isOutOfMemory(new RangeError('Array buffer allocation failed'))).toBe(true);
    expect(isOutOfMemory(new RangeError('Maximum call stack size exceeded'))).toBe(false);
    expect(isOutOfMemory(new TypeError('Invalid string length'))).toBe(false);
  });
});
