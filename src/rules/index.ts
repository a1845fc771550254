// The rule registry: every rule, by family, sorted by id. Adding a rule = one file, one line in its family index; the
// registry's types (RuleId, ArgsOf) then make the message tables (src/i18n/da.ts, en.ts) ask for its messages.
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
import type { RuleArgs } from './types.js';
import { compareText } from '../order.js';

const REGISTRY = [...input, ...structure, ...distribution, ...itemisation, ...eligibility, ...cap, ...arithmetic, ...accounts, ...internal, ...pool];

/** A rule as the registry holds it: its literal id and its findings' args are part of its type. */
export type RegisteredRule = (typeof REGISTRY)[number];

/** Every rule id there is. */
export type RuleId = RegisteredRule['id'];

/** The args of rule `K`'s findings. */
export type ArgsOf<K extends RuleId> = RuleArgs<Extract<RegisteredRule, { id: K }>>;

export const RULES: readonly RegisteredRule[] = [...REGISTRY].sort((a, b) => compareText(a.id, b.id));

/** Whether a string (from the command line, a config file or a baseline) is a rule id. */
export function isRuleId(id: string): id is RuleId {
  return RULES.some((r) => r.id === id);
}

export function ruleById(id: string): RegisteredRule | undefined {
  return RULES.find((r) => r.id === id);
}
