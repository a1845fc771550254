// Checks an accounts file (regnskab), alone or against the approved budget given with --budget.
import { existsSync } from 'node:fs';
import { finalise, runRules, sortFindings, type CheckOptions } from '../check.js';
import type { Config } from '../config.js';
import { UsageError } from '../errors.js';
import { buildAccounts, type Accounts } from '../model/accounts.js';
import { buildBudget, prepare, type PreparedWorkbook } from '../model/budget.js';
import type { Budget } from '../model/types.js';
import type { PoolProfile } from '../pools/schema.js';
import { readWorkbook } from '../read/index.js';
import type { RawWorkbook } from '../read/types.js';
import type { FileReport } from '../report/types.js';
import { RULES } from '../rules/index.js';
import type { AccountsContext } from '../rules/types.js';
import type { Lang, RawFinding } from '../types.js';
import { grantOf } from '../rules/accounts/util.js';
import { accountsChart } from '../report/chart-data.js';
import { pairApprovedBudget } from './pair.js';

async function approvedBudget(path: string, pool: PoolProfile, options: CheckOptions): Promise<Budget | RawFinding> {
  if (!existsSync(path)) throw new UsageError(`--budget ${path}: no such file`);
  const read = await readWorkbook(path, options.limits);
  if (!read.ok) return { rule: read.finding.rule, args: { ...read.finding.args, what: 'approved-budget', detail: String(read.finding.args?.what ?? '') } };
  const budget = buildBudget(path, prepare(read.workbook), pool.period);
  if (!budget.tables.length) return { rule: 'input/unreadable', args: { what: 'approved-budget', detail: 'no budget table' } };
  return budget;
}

export async function checkAccountsFile(
  path: string,
  workbook: RawWorkbook,
  prepared: PreparedWorkbook,
  pool: PoolProfile,
  options: CheckOptions,
  config: Config,
  lang: Lang,
): Promise<FileReport> {
  const raw: RawFinding[] = [];
  let approved: Budget | undefined;
  let budgetPath = options.budget;
  if (options.approvedBudgets) {
    const pick = pairApprovedBudget({ path, cvr: prepared.metadata.cvr?.value, applicant: prepared.metadata.applicant?.value }, options.approvedBudgets);
    budgetPath = pick?.path;
    if (!budgetPath) raw.push({ rule: 'accounts/no-approved-budget', sheet: prepared.metadata.sheet, args: { budgets: options.approvedBudgets.length, ambiguous: pick && 'ambiguous' in pick ? pick.ambiguous : undefined } });
  }
  if (budgetPath) {
    const a = await approvedBudget(budgetPath, pool, options);
    if ('rule' in a) raw.push(a);
    else approved = a;
  }
  const fallback = approved?.period ? { start: approved.period.start, end: approved.period.end, source: 'budget' as const } : pool.period ? { ...pool.period, source: 'pool' as const } : undefined;
  const accounts = buildAccounts(path, prepared, fallback);
  const m = prepared.metadata;
  if (!accounts) {
    raw.push({ rule: 'structure/no-budget-table', sheet: workbook.sheets[0]?.name, args: { sheets: workbook.sheets.map((s) => s.name) } });
    return { path, kind: 'accounts', pool: pool.id, applicant: m.applicant?.value, cvr: m.cvr?.value, totals: {}, findings: sortFindings(finalise(raw, config, lang), workbook) };
  }
  const ctx: AccountsContext<Accounts> = { kind: 'accounts', workbook, accounts, approved, pool };
  for (const f of runRules(RULES.filter((r) => r.scope === 'accounts'), ctx)) raw.push(f);
  const grant = grantOf(accounts, approved);
  return {
    path,
    kind: 'accounts',
    pool: pool.id,
    applicant: m.applicant?.value,
    cvr: m.cvr?.value,
    granted: m.granted?.value,
    ...(approved && budgetPath ? { approvedBudget: budgetPath } : {}),
    totals: {
      budget: accounts.budgetTotal,
      actual: accounts.actualTotal,
      ...(grant !== undefined ? { unspent: Math.max(0, grant.ore - accounts.actualTotal) } : {}),
    },
    findings: sortFindings(finalise(raw, config, lang), workbook),
    chart: accountsChart(accounts),
  };
}
