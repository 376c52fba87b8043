// The genre's words and numbers, defined once: import from here, never retype a unit, a total word or a number pattern.
export * from './numbers.js';
export * from './units.js';
export * from './years.js';
export * from './punctuation.js';
export * from './totals.js';
export * from './grades.js';
export * from './points.js';
export * from './categories.js';
export * from './words.js';
export * from './lists.js';
