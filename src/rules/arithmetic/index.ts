// The arithmetic/* rules.
import type { AnyRule } from '../types.js';
import hardcodedTotal from './hardcoded-total.js';
import inconsistentFormula from './inconsistent-formula.js';
import totalMismatch from './total-mismatch.js';

export const rules: AnyRule[] = [totalMismatch, hardcodedTotal, inconsistentFormula];
