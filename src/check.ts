// The check pipeline: read → model → rules → findings with severities and messages, for one file and for a run.
import { configuredSeverity, DEFAULT_CONFIG, type Config } from './config.js';
import { renderFinding } from './i18n/index.js';
import { buildBudget, isAccountsSheet, prepare, type PreparedWorkbook } from './model/budget.js';
import type { Budget, Field } from './model/types.js';
import { colNumber } from './read/address.js';
import { readWorkbook, type Limits } from './read/index.js';
import type { RawWorkbook } from './read/types.js';
import { builtinPools, loadPool, matchPool, parsePoolProfile, type PoolProfile } from './pools/index.js';
import type { FileReport, Report } from './report/types.js';
import { RULES } from './rules/index.js';
import type { AnyRule, BatchContext, BudgetContext, RuleContext } from './rules/types.js';
import { checkMany, type Progress } from './batch/run.js';
import { kr } from './money.js';
import type { Finding, Lang, RawFinding } from './types.js';
import { VERSION } from './version.js';
import { budgetChart } from './report/chart-data.js';
import type { ApprovedBudgetRef } from './accounts/pair.js';
import { compareText } from './order.js';

export interface CheckOptions {
  /** Pool id or profile file; without it the workbook's Pulje field picks a built-in pool. */
  pool?: string;
  lang?: Lang;
  /** The approved budget, when checking accounts. */
  budget?: string;
  /** Approved budgets to pair each accounts file with (--budget DIR); see accounts/pair.ts. */
  approvedBudgets?: ApprovedBudgetRef[];
  config?: Config;
  limits?: Partial<Limits>;
  /** Heap limit of a worker thread in a batch (MB). */
  workerMemoryMb?: number;
  /** Worker threads for a batch (default: the number of CPUs; 1 = in this thread). */
  jobs?: number;
}

/** Applies the configuration's pool overrides to a profile, validating the result. */
export async function withOverrides(pool: PoolProfile, config: Config): Promise<PoolProfile> {
  const o = config.pools[pool.id];
  if (!o) return pool;
  const merged: Record<string, unknown> = { ...pool, ...o };
  if (o.thresholds && typeof o.thresholds === 'object') merged.thresholds = { ...pool.thresholds, ...(o.thresholds as object) };
  return parsePoolProfile(merged, `(configuration override for ${pool.id})`);
}

/** The pool a file is checked against, or, with no --pool and no pool the workbook names, structure/unknown-pool.
 * An explicit --pool (or the config's pool) that names no pool or file stays a usage error. */
async function resolvePool(workbookPool: Field<string> | undefined, options: CheckOptions, config: Config): Promise<PoolProfile | RawFinding> {
  if (options.pool) return withOverrides(await loadPool(options.pool), config);
  if (workbookPool) {
    const p = matchPool(workbookPool.value);
    if (p) return withOverrides(p, config);
  }
  if (config.pool) return withOverrides(await loadPool(config.pool), config);
  const pools = builtinPools().map((p) => p.id);
  return workbookPool
    ? { rule: 'structure/unknown-pool', sheet: workbookPool.sheet, row: workbookPool.row, cell: workbookPool.cell, args: { named: workbookPool.value.slice(0, 200), pools } }
    : { rule: 'structure/unknown-pool', args: { pools } };
}

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

/** Sorts findings by sheet (workbook order), row, column, rule. */
export function sortFindings<T extends RawFinding>(findings: T[], workbook?: RawWorkbook): T[] {
  const order = new Map((workbook?.sheets ?? []).map((s, i) => [s.name, i]));
  const sheetIdx = (f: RawFinding) => (f.sheet === undefined ? -1 : order.get(f.sheet) ?? 1e6);
  const col = (f: RawFinding) => {
    const m = f.cell ? /^([A-Z]+)/.exec(f.cell) : null;
    return m ? colNumber(m[1]) : 0;
  };
  return [...findings].sort(
    (a, b) =>
      sheetIdx(a) - sheetIdx(b) ||
      compareText(a.sheet ?? '', b.sheet ?? '') ||
      (a.row ?? 0) - (b.row ?? 0) ||
      col(a) - col(b) ||
      compareText(a.rule, b.rule) ||
      compareText(a.post ?? '', b.post ?? '') ||
      compareText(String(a.actual ?? ''), String(b.actual ?? '')),
  );
}

/** Severity from config, then language: raw findings become reported findings (rules set "off" drop out). */
export function finalise(raw: RawFinding[], config: Config, lang: Lang): Finding[] {
  const out: Finding[] = [];
  for (const f of raw) {
    const rule = RULES.find((r) => r.id === f.rule);
    const sev = configuredSeverity(config, f.rule, f.severity ?? rule?.severity ?? 'error');
    if (sev === 'off') continue;
    out.push(renderFinding(f, sev, lang));
  }
  return out;
}

/** A strange workbook that the model cannot be built from is a finding of that file, never a crash. */
function modelFailed(path: string, e: unknown, pool: string | undefined, config: Config, lang: Lang): FileReport {
  const raw: RawFinding = { rule: 'internal/rule-failed', args: { failedRule: '(model)', error: String((e as Error)?.message ?? e).slice(0, 200) } };
  return { path, kind: 'unknown', pool, totals: {}, findings: finalise([raw], config, lang) };
}

/** Checks one file; never throws for bad input (only for usage errors such as an unknown pool). */
export async function checkFile(path: string, options: CheckOptions = {}): Promise<FileReport> {
  const config = options.config ?? DEFAULT_CONFIG;
  const lang = options.lang ?? config.lang ?? 'da';
  const read = await readWorkbook(path, options.limits);
  if (!read.ok) {
    const pool = options.pool ? await loadPool(options.pool) : undefined;
    return { path, kind: 'unknown', pool: pool?.id, totals: {}, findings: finalise([read.finding], config, lang) };
  }
  const workbook = read.workbook;
  let prepared: PreparedWorkbook;
  try {
    prepared = prepare(workbook);
  } catch (e) {
    return modelFailed(path, e, options.pool, config, lang);
  }
  const pool = await resolvePool(prepared.metadata.pool, options, config);
  if ('rule' in pool) {
    const m = prepared.metadata;
    const kind = workbook.sheets.some((s) => isAccountsSheet(prepared.grid, s)) ? 'accounts' : 'budget';
    return { path, kind, applicant: m.applicant?.value, cvr: m.cvr?.value, requested: m.requested?.value, totals: {}, findings: finalise([pool], config, lang) };
  }
  const accounts = workbook.sheets.some((s) => isAccountsSheet(prepared.grid, s));
  if (accounts) {
    const { checkAccountsFile } = await import('./accounts/check.js');
    return checkAccountsFile(path, workbook, prepared, pool, options, config, lang);
  }
  let budget: Budget;
  try {
    budget = buildBudget(path, prepared, pool.period);
  } catch (e) {
    return modelFailed(path, e, pool.id, config, lang);
  }
  const ctx: BudgetContext = { kind: 'budget', workbook, budget, pool };
  const raw = runRules(RULES.filter((r) => r.scope === 'budget'), ctx);
  const m = budget.metadata;
  return {
    path,
    kind: 'budget',
    pool: pool.id,
    applicant: m.applicant?.value,
    cvr: m.cvr?.value,
    requested: m.requested?.value,
    totals: { expenses: budget.expenses, ...(budget.financing.length ? { financing: budget.financing.reduce((s, f) => s + f.ore, 0) } : {}) },
    findings: sortFindings(finalise(raw, config, lang), workbook),
    chart: budgetChart(budget, pool.granularity),
  };
}

export function summarise(files: FileReport[], poolFindings: Finding[]): Report['summary'] {
  const all = [...files.flatMap((f) => f.findings), ...poolFindings];
  return {
    files: files.length,
    errors: all.filter((f) => f.severity === 'error').length,
    warnings: all.filter((f) => f.severity === 'warning').length,
    infos: all.filter((f) => f.severity === 'info').length,
  };
}

/** Checks many files (in parallel on worker threads when jobs > 1) into one report, in the order given, with the
 * pool-level findings of the batch as a whole. */
export async function checkFiles(paths: string[], options: CheckOptions = {}, progress?: Progress): Promise<Report> {
  const files = await checkMany(paths, options, options.jobs ?? 1, progress);
  const config = options.config ?? DEFAULT_CONFIG;
  const lang = options.lang ?? config.lang ?? 'da';
  const pools = new Map<string, PoolProfile>();
  for (const f of files) {
    if (!f.pool || pools.has(f.pool)) continue;
    try {
      pools.set(f.pool, await withOverrides(options.pool ? await loadPool(options.pool) : await loadPool(f.pool), config));
    } catch {
      // a pool that resolved for the file resolves here too; nothing to add for the batch otherwise
    }
  }
  const ctx: BatchContext = { kind: 'batch', files, pools };
  const poolFindings = sortFindings(finalise(runRules(RULES.filter((r) => r.scope === 'batch'), ctx as unknown as RuleContext), config, lang));
  const report: Report = { tool: { name: 'budgettjek', version: VERSION }, lang, files, findings: poolFindings, summary: summarise(files, poolFindings) };
  if (pools.size === 1) {
    const p = [...pools.values()][0];
    if (p.funds !== undefined) report.pool = { id: p.id, name: p.name, funds: kr(p.funds) };
  }
  return report;
}
