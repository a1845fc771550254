// The eligibility/* rules.
import type { AnyRule } from '../types.js';

export const rules: AnyRule[] = [];
