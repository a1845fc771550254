// Runs rules on a context: the one place a rule's check is called, so a rule that throws is a finding, not a crash.
import type { RawFinding } from '../types.js';
import type { AnyRule, RuleContext } from './types.js';

/** Runs rules safely: a rule that throws becomes an internal/rule-failed finding. */
export function runRules(rules: AnyRule[], ctx: RuleContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const rule of rules) {
    if (!rule.check) continue;
    try {
      // a rule may report any number of findings: appended one by one, never spread into one call's arguments
      for (const f of (rule.check as (c: RuleContext) => RawFinding[])(ctx)) out.push(f);
    } catch (e) {
      out.push({ rule: 'internal/rule-failed', args: { failedRule: rule.id, error: String((e as Error)?.message ?? e).slice(0, 200) } });
    }
  }
  return out;
}
