// Shared by the accounts rules: the grant, pairing with the approved budget, deviations.
import { kr } from '../../money.js';
import { postKey, type Accounts, type AccountsPost } from '../../model/accounts.js';
import type { Budget, BudgetLine } from '../../model/types.js';
import type { PoolProfile } from '../../pools/schema.js';
import type { AccountsContext, Rule } from '../types.js';
import { requestedFromFinancing } from '../cap/amounts.js';

export type Ctx = AccountsContext<Accounts>;

/** An accounts rule; the registry holds it as a rule of the (loosely typed) accounts context. */
export function accountsRule(rule: Omit<Rule<Ctx>, 'scope'> & { check: (ctx: Ctx) => ReturnType<NonNullable<Rule<Ctx>['check']>> }): Rule<AccountsContext> {
  return { ...rule, scope: 'accounts' } as unknown as Rule<AccountsContext>;
}

/** The granted amount: Bevilget beløb in the accounts, else what the approved budget asked for. */
export function grantOf(a: Accounts, approved?: Budget): { ore: number; source: 'accounts' | 'budget'; sheet?: string; row?: number; cell?: string } | undefined {
  const g = a.metadata.granted;
  if (g) return { ore: g.value, source: 'accounts', sheet: g.sheet, row: g.row, cell: g.cell };
  if (approved) {
    const ore = requestedFromFinancing(approved) ?? approved.metadata.requested?.value ?? approved.expenses;
    return { ore, source: 'budget' };
  }
  return undefined;
}

/** Approved budget lines by post key. */
export function approvedIndex(b: Budget): Map<string, BudgetLine> {
  const m = new Map<string, BudgetLine>();
  for (const l of b.lines) if (!m.has(postKey(l.post))) m.set(postKey(l.post), l);
  return m;
}

export function pair(p: AccountsPost, index: Map<string, BudgetLine>): BudgetLine | undefined {
  return index.get(postKey(p.post));
}

/** A post that is not in the approved budget (without one: spending with no budget). accounts/unbudgeted-post alone
 * speaks of it; a deviation from a budget it never had ("∞ %") is the same root cause. */
export function isUnbudgeted(p: AccountsPost, index: Map<string, BudgetLine> | undefined): boolean {
  if (index) return !pair(p, index);
  const spent = p.actual?.status === 'number' ? p.actual.ore! : 0;
  return spent !== 0 && (p.budget?.status === 'blank' || (p.budget?.status === 'number' && p.budget.ore === 0));
}

/** A deviation above the pool's thresholds (10 % of the budget or 100.000 kr.), or undefined. */
export function significantDeviation(p: AccountsPost, pool: PoolProfile): { diff: number; pct: number } | undefined {
  if (p.budget?.status !== 'number' || p.actual?.status !== 'number') return undefined;
  const budget = p.budget.ore!;
  const actual = p.actual.ore!;
  const diff = actual - budget;
  if (Math.abs(diff) <= kr(pool.thresholds.tolerance)) return undefined;
  const pct = budget === 0 ? Infinity : (Math.abs(diff) / Math.abs(budget)) * 100;
  if (pct > pool.thresholds.deviationPercent || Math.abs(diff) > kr(pool.thresholds.deviationAmount)) return { diff, pct };
  return undefined;
}

/** An explanation that says the change was approved ("godkendt", "jf. godkendelse af 12.3.2021", "approved"). */
export function saysApproved(text: string | undefined): boolean {
  return !!text && /(godkend|approved|bevilget ændring|tilladelse|accepteret af (socialstyrelsen|sbst|styrelsen))/i.test(text) && !/(ikke|endnu ikke|afventer)\s+(\S+\s+)?godkend/i.test(text);
}
