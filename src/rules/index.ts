// The rule registry: every rule, by family, sorted by id. Adding a rule = one file, one line in its family index.
import { rules as accounts } from './accounts/index.js';
import { rules as arithmetic } from './arithmetic/index.js';
import { rules as cap } from './cap/index.js';
import { rules as distribution } from './distribution/index.js';
import { rules as eligibility } from './eligibility/index.js';
import { rules as input } from './input/index.js';
import { rules as internal } from './internal/index.js';
import { rules as itemisation } from './itemisation/index.js';
import { rules as pool } from './pool/index.js';
import { rules as structure } from './structure/index.js';
import type { AnyRule } from './types.js';
import { compareText } from '../order.js';

export const RULES: AnyRule[] = ([] as AnyRule[])
  .concat(input, structure, distribution, itemisation, eligibility, cap, arithmetic, accounts, internal, pool)
  .sort((a, b) => compareText(a.id, b.id));

export function ruleById(id: string): AnyRule | undefined {
  return RULES.find((r) => r.id === id);
}
