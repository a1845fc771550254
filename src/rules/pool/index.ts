// The pool/* rules: findings about a batch as a whole.
import type { AnyRule } from '../types.js';
import duplicateApplicant from './duplicate-applicant.js';
import oversubscribed from './oversubscribed.js';

export const rules: AnyRule[] = [oversubscribed, duplicateApplicant];
