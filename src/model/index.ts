export * from './commune-clues.js';
export * from './document.js';
export * from './errors.js';
export * from './figure.js';
export * from './method.js';
export * from './period.js';
export * from './provenance.js';
export * from './multimap.js';
