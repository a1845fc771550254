// Checks an accounts file (regnskab), alone or against the approved budget given with --budget.
import { existsSync } from 'node:fs';
import type { CheckOptions } from '../check-options.js';
import { checkAccounts } from './check-core.js';
import type { Config } from '../config.js';
import { UsageError } from '../errors.js';
import { buildBudget, prepare, type PreparedWorkbook } from '../model/budget.js';
import type { Budget } from '../model/types.js';
import type { PoolProfile } from '../pools/schema.js';
import { readWorkbook } from '../read/index.js';
import type { RawWorkbook } from '../read/types.js';
import type { FileReport } from '../report/types.js';
import { findingOf } from '../finding.js';
import type { InputRuleId, Lang, RawFinding } from '../types.js';
import { pairApprovedBudget } from './pair.js';

/** The reader's finding about the approved budget, as a finding of the accounts file: what was wrong becomes its detail. */
function approvedUnreadable(f: RawFinding<InputRuleId>): RawFinding {
  return findingOf(f.rule, { ...f.args, what: 'approved-budget', detail: String(f.args?.what ?? '') });
}

async function approvedBudget(path: string, pool: PoolProfile, options: CheckOptions): Promise<Budget | RawFinding> {
  if (!existsSync(path)) throw new UsageError(`--budget ${path}: no such file`);
  const read = await readWorkbook(path, options.limits);
  if (!read.ok) return approvedUnreadable(read.finding);
  const budget = buildBudget(path, prepare(read.workbook), pool.period);
  if (!budget.tables.length) return findingOf('input/unreadable', { what: 'approved-budget', detail: 'no budget table' });
  return budget;
}

/** The approved budget of an accounts file: --budget FILE, or the one paired from --budget DIR. */
function approvedPath(path: string, prepared: PreparedWorkbook, options: CheckOptions) {
  if (!options.approvedBudgets) return { budgetPath: options.budget };
  const pick = pairApprovedBudget({ path, cvr: prepared.metadata.cvr?.value, applicant: prepared.metadata.applicant?.value }, options.approvedBudgets);
  return { budgetPath: pick?.path, pick };
}

/** The pool (as named) of an accounts file's approved budget, if it names one. */
export async function approvedPoolName(path: string, prepared: PreparedWorkbook, options: CheckOptions): Promise<string | undefined> {
  const { budgetPath } = approvedPath(path, prepared, options);
  if (!budgetPath || !existsSync(budgetPath)) return undefined;
  const read = await readWorkbook(budgetPath, options.limits);
  return read.ok ? prepare(read.workbook).metadata.pool?.value : undefined;
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
  const { budgetPath, pick } = approvedPath(path, prepared, options);
  if (options.approvedBudgets) {
    if (!budgetPath)
      raw.push(
        findingOf(
          'accounts/no-approved-budget',
          { budgets: options.approvedBudgets.length, ambiguous: pick && 'ambiguous' in pick ? pick.ambiguous : undefined },
          { sheet: prepared.metadata.sheet },
        ),
      );
  }
  if (budgetPath) {
    const a = await approvedBudget(budgetPath, pool, options);
    if ('rule' in a) raw.push(a);
    else approved = a;
  }
  return checkAccounts(path, workbook, prepared, pool, { approved, budgetPath, raw }, config, lang);
}
