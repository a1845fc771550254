// The accounts check once the approved budget (if any) is in hand: no file access, so the browser page runs it too.
import type { Config } from '../config-core.js';
import { findingOf } from '../finding.js';
import { fileReport } from '../findings.js';
import { runRules } from '../rules/run.js';
import { buildAccounts, type Accounts } from '../model/accounts.js';
import type { PreparedWorkbook } from '../model/budget.js';
import type { Budget } from '../model/types.js';
import type { PoolProfile } from '../pools/schema.js';
import type { RawWorkbook } from '../read/types.js';
import type { FileReport } from '../report/types.js';
import { RULES } from '../rules/index.js';
import type { AccountsContext } from '../rules/types.js';
import type { Lang, RawFinding } from '../types.js';
import { approvedIndex, grantOf, pair } from '../rules/accounts/util.js';
import { accountsChart } from '../report/chart-data.js';
import { accountsTotalFindings } from './totals.js';

/** The approved budget found for an accounts file, its path, and findings from finding it. */
export interface Approved {
  approved?: Budget;
  budgetPath?: string;
  raw: RawFinding[];
}

export function checkAccounts(
  path: string,
  workbook: RawWorkbook,
  prepared: PreparedWorkbook,
  pool: PoolProfile,
  { approved, budgetPath, raw }: Approved,
  config: Config,
  lang: Lang,
): FileReport {
  const fallback = approved?.period
    ? { start: approved.period.start, end: approved.period.end, source: 'budget' as const }
    : pool.period
      ? { ...pool.period, source: 'pool' as const }
      : undefined;
  const accounts = buildAccounts(path, prepared, fallback, approved?.expenses);
  const m = prepared.metadata;
  if (!accounts) {
    raw.push(findingOf('structure/no-budget-table', { sheets: workbook.sheets.map((s) => s.name) }, { sheet: workbook.sheets[0]?.name }));
    return fileReport({ path, kind: 'accounts', pool: pool.id, metadata: m, raw, workbook }, config, lang);
  }
  const ctx: AccountsContext<Accounts> = { kind: 'accounts', workbook, accounts, approved, pool };
  for (const f of runRules(
    RULES.filter((r) => r.scope === 'accounts'),
    ctx,
  ))
    raw.push(f); // never spread: any number of findings
  for (const f of accountsTotalFindings(accounts, pool)) raw.push(f);
  const grant = grantOf(accounts, approved);
  return fileReport(
    {
      path,
      kind: 'accounts',
      pool: pool.id,
      metadata: accounts.metadata,
      stated: { granted: accounts.metadata.granted?.value, ...(approved && budgetPath ? { approvedBudget: budgetPath } : {}) },
      totals: {
        budget: accounts.budgetTotal,
        actual: accounts.actualTotal,
        ...(grant !== undefined ? { unspent: Math.max(0, grant.ore - accounts.actualTotal) } : {}),
      },
      raw,
      workbook,
      chart: accountsChart(accounts, approved ? (p) => pair(p, approvedIndex(approved, accounts, pool))?.total : undefined),
    },
    config,
    lang,
  );
}
