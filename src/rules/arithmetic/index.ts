// The arithmetic/* rules.
import hardcodedTotal from './hardcoded-total.js';
import inconsistentFormula from './inconsistent-formula.js';
import totalMismatch from './total-mismatch.js';

export const rules = [totalMismatch, hardcodedTotal, inconsistentFormula];
