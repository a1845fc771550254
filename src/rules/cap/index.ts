// The cap/* rules.
import annualExceeded from './annual-exceeded.js';
import applicationLimit from './application-limit.js';
import coFinancing from './co-financing.js';
import financingMismatch from './financing-mismatch.js';
import poolExceeded from './pool-exceeded.js';
import requestedMismatch from './requested-mismatch.js';

export const rules = [poolExceeded, annualExceeded, applicationLimit, requestedMismatch, financingMismatch, coFinancing];
