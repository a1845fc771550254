// Runs rules on a context: the one place a rule's check is called, so a rule that throws is a finding, not a crash.
import type { RawFinding } from '../types.js';
import type { AnyRule, RuleContext } from './types.js';

/** Each rule's findings per context: a rule that defers to another (no-unit-price skips ineligible posts,
 * inconsistent-formula leaves a wrong total to total-mismatch) reads them here, so no rule runs twice on a file. */
const memo = new WeakMap<object, Map<string, RawFinding[]>>();

/** A rule's findings on ctx, computed once per context (it may throw: runRules turns that into a finding). */
export function ruleFindings(rule: AnyRule, ctx: RuleContext): RawFinding[] {
  let byRule = memo.get(ctx);
  if (!byRule) memo.set(ctx, (byRule = new Map()));
  let hit = byRule.get(rule.id);
  if (!hit) byRule.set(rule.id, (hit = rule.check ? (rule.check as (c: RuleContext) => RawFinding[])(ctx) : []));
  return hit;
}

/** Runs rules safely: a rule that throws becomes an internal/rule-failed finding. */
export function runRules(rules: AnyRule[], ctx: RuleContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const rule of rules) {
    if (!rule.check) continue;
    try {
      // a rule may report any number of findings: appended one by one, never spread into one call's arguments
      for (const f of ruleFindings(rule, ctx)) out.push(f);
    } catch (e) {
      out.push({ rule: 'internal/rule-failed', args: { failedRule: rule.id, error: String((e as Error)?.message ?? e).slice(0, 200) } });
    }
  }
  return out;
}
