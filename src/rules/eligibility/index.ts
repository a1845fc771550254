// The eligibility/* rules.
import type { AnyRule } from '../types.js';
import vatIncluded from './vat-included.js';

export const rules: AnyRule[] = [vatIncluded];
