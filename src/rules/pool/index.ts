// The pool/* rules: findings about a batch as a whole.
import duplicateApplicant from './duplicate-applicant.js';
import oversubscribed from './oversubscribed.js';

export const rules = [oversubscribed, duplicateApplicant];
