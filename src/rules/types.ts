// What a rule is: an id, a default severity, the file kinds it applies to, and a pure check function.
import type { Budget } from '../model/types.js';
import type { PoolProfile } from '../pools/schema.js';
import type { RawWorkbook } from '../read/types.js';
import type { FileReport } from '../report/types.js';
import type { RawFinding, Severity } from '../types.js';

export const FAMILIES = ['input', 'structure', 'distribution', 'itemisation', 'eligibility', 'cap', 'arithmetic', 'accounts', 'internal', 'pool'] as const;
export type Family = (typeof FAMILIES)[number];

export interface BudgetContext {
  kind: 'budget';
  workbook: RawWorkbook;
  budget: Budget;
  pool: PoolProfile;
}

/**
 * Accounts checks get the accounts model and, when given with --budget, the approved budget.
 * The accounts model lives in model/accounts; typed loosely here so rule families stay independent.
 */
export interface AccountsContext<A = unknown> {
  kind: 'accounts';
  workbook: RawWorkbook;
  accounts: A;
  approved?: Budget;
  pool: PoolProfile;
}

/** The batch as a whole: every file's report and the pools they were checked against. */
export interface BatchContext {
  kind: 'batch';
  files: FileReport[];
  pools: Map<string, PoolProfile>;
}

export type RuleContext = BudgetContext | AccountsContext;

export interface Rule<C extends RuleContext = RuleContext> {
  id: string;
  severity: Severity;
  /** 'file' rules run on each file of their kind; 'input' rules are emitted by the reader; 'batch' rules by the batch. */
  scope: 'budget' | 'accounts' | 'input' | 'batch' | 'internal';
  check?: (ctx: C) => RawFinding[];
}

/** A rule of any context, as the registry holds them. */
export type AnyRule = Rule<BudgetContext> | Rule<AccountsContext> | Rule<RuleContext> | BatchRule;

export interface BatchRule {
  id: string;
  severity: Severity;
  scope: 'batch';
  check: (ctx: BatchContext) => RawFinding[];
}

export function familyOf(id: string): Family {
  return id.split('/')[0] as Family;
}

export function budgetRule(rule: Omit<Rule<BudgetContext>, 'scope'> & { check: (ctx: BudgetContext) => RawFinding[] }): Rule<BudgetContext> {
  return { ...rule, scope: 'budget' };
}
