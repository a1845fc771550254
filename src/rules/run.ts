// Runs rules on a context: the one place a rule's check is called, so a rule that throws is a finding, not a crash.
import type { FindingOf } from '../finding-shape.js';
import type { RuleFailedArgs } from './internal/index.js';
import type { AnyRule, BatchContext, FindingOfRule, RuleContext } from './types.js';

type Context = RuleContext | BatchContext;

/** Each rule's findings per context: a rule that defers to another (no-unit-price skips ineligible posts,
 * inconsistent-formula leaves a wrong total to total-mismatch) reads them here, so no rule runs twice on a file. */
const memo = new WeakMap<object, Map<string, unknown[]>>();

/** A rule's findings on ctx, computed once per context (it may throw: runRules turns that into a finding). */
export function ruleFindings<R extends AnyRule>(rule: R, ctx: Context): FindingOfRule<R>[] {
  let byRule = memo.get(ctx);
  if (!byRule) memo.set(ctx, (byRule = new Map()));
  let hit = byRule.get(rule.id);
  if (!hit) byRule.set(rule.id, (hit = rule.check ? rule.check(ctx as never) : []));
  return hit as FindingOfRule<R>[];
}

/** Runs rules safely: a rule that throws becomes an internal/rule-failed finding. */
export function runRules<R extends AnyRule>(rules: readonly R[], ctx: Context): Array<FindingOfRule<R> | FindingOf<'internal/rule-failed', RuleFailedArgs>> {
  const out: Array<FindingOfRule<R> | FindingOf<'internal/rule-failed', RuleFailedArgs>> = [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (!rule.check) continue;
    try {
      // a rule may report any number of findings: appended one by one, never spread into one call's arguments (and by
      // index: for…of allocates an iterator object per step in code V8 has not optimised)
      const found = ruleFindings(rule, ctx);
      for (let j = 0; j < found.length; j++) out.push(found[j]);
    } catch (e) {
      out.push({ rule: 'internal/rule-failed', args: { failedRule: rule.id, error: String((e as Error)?.message ?? e).slice(0, 200) } });
    }
  }
  return out;
}
