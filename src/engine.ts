// The engine: a workbook's bytes (or what was read from them), pool and configuration → findings, for one file and
// for a run. No file, thread or Node API here: the CLI (check.ts) and the browser page (web/worker.ts) sit around it.
import { DEFAULT_CONFIG, type Config } from './config-core.js';
import { findingOf } from './finding.js';
import { fileReport, finalise, sortFindings, summarise } from './findings.js';
import { runRules } from './rules/run.js';
import { UsageError } from './errors.js';
import { buildBudget, isAccountsSheet, prepare, type PreparedWorkbook } from './model/budget.js';
import type { Budget, Field } from './model/types.js';
import { readWorkbookBytes, type ReadResult } from './read/bytes.js';
import type { Limits } from './read/limits.js';
import type { RawWorkbook } from './read/types.js';
import { builtinPools, findBuiltinPool, matchPool, type PoolProfile } from './pools/index.js';
import type { FileReport, Report } from './report/types.js';
import { RULES } from './rules/index.js';
import type { BatchContext, BudgetContext, RuleContext } from './rules/types.js';
import { oreFromKroner } from './money.js';
import { requestedFromFinancing } from './model/requested.js';
import type { Lang, RawFinding } from './types.js';
import { VERSION } from './version.js';
import { budgetChart } from './report/chart-data.js';

export { finalise, runRules, sortFindings, summarise };

export interface EngineOptions {
  /** Pool id (or, through the CLI's hook, profile file); without it the workbook's Pulje field picks a built-in pool. */
  pool?: string;
  lang?: Lang;
  config?: Config;
  limits?: Partial<Limits>;
  /** Whether a budget's report carries the figures the HTML charts draw (FileReport.chart; default true). The CLI asks
   * for them only for --format html: no other format reads them, and they cross the worker threads with each report. */
  charts?: boolean;
}

/** What the engine asks of its host. Without hooks: built-in pools only, no overrides, accounts without an approved budget. */
export interface EngineHooks {
  /** A pool by id or profile file, as it is (overrides come after). */
  loadPool?(idOrFile: string): Promise<PoolProfile>;
  /** The configuration's overrides applied to a pool. */
  withOverrides?(pool: PoolProfile): Promise<PoolProfile>;
  /** Checks an accounts workbook. */
  accounts?(path: string, workbook: RawWorkbook, prepared: PreparedWorkbook, pool: PoolProfile, lang: Lang): Promise<FileReport>;
  /** The pool its approved budget names, for an accounts workbook that names none (--budget FILE, or the one paired). */
  approvedPool?(path: string, prepared: PreparedWorkbook): Promise<string | undefined>;
}

/** A built-in pool by id; anything else is a usage error naming the built-in pools. */
export async function builtinPool(id: string): Promise<PoolProfile> {
  const p = findBuiltinPool(id);
  if (p) return p;
  throw new UsageError(
    `unknown pool "${id}" (built-in pools: ${builtinPools()
      .map((x) => x.id)
      .join(', ')})`,
  );
}

/** The pool a file is checked against, or, with no --pool and no pool the workbook names, structure/unknown-pool
 * (a finding of that file: the batch goes on). An explicit --pool (or the config's pool) that names no pool or file
 * stays a usage error. */
async function resolvePool(
  workbookPool: Field<string> | undefined,
  options: EngineOptions,
  config: Config,
  hooks: EngineHooks,
): Promise<PoolProfile | RawFinding> {
  const load = hooks.loadPool ?? builtinPool;
  const over = hooks.withOverrides ?? (async (p: PoolProfile) => p);
  if (options.pool) return over(await load(options.pool));
  if (workbookPool) {
    const p = matchPool(workbookPool.value);
    if (p) return over(p);
  }
  if (config.pool) return over(await load(config.pool));
  const pools = builtinPools().map((p) => p.id);
  return workbookPool
    ? findingOf(
        'structure/unknown-pool',
        { named: workbookPool.value.slice(0, 200), pools },
        { sheet: workbookPool.sheet, row: workbookPool.row, cell: workbookPool.cell },
      )
    : findingOf('structure/unknown-pool', { pools });
}

/** A strange workbook that the model cannot be built from is a finding of that file, never a crash. */
function modelFailed(path: string, e: unknown, pool: string | undefined, config: Config, lang: Lang): FileReport {
  const raw = findingOf('internal/rule-failed', { failedRule: '(model)', error: String((e as Error)?.message ?? e).slice(0, 200) });
  return fileReport({ path, kind: 'unknown', pool, raw: [raw] }, config, lang);
}

/** Checks one file given its bytes and name (the name is the report's path); never throws for bad input. */
export async function checkBytes(name: string, bytes: Uint8Array, options: EngineOptions = {}, hooks: EngineHooks = {}): Promise<FileReport> {
  return checkRead(name, readWorkbookBytes(name, bytes, options.limits), options, hooks);
}

/** Checks what was read from one file (readWorkbook or readWorkbookBytes). */
export async function checkRead(path: string, read: ReadResult, options: EngineOptions = {}, hooks: EngineHooks = {}): Promise<FileReport> {
  const config = options.config ?? DEFAULT_CONFIG;
  const lang = options.lang ?? config.lang ?? 'da';
  if (!read.ok) {
    const pool = options.pool ? await (hooks.loadPool ?? builtinPool)(options.pool) : undefined;
    return fileReport({ path, kind: 'unknown', pool: pool?.id, raw: [read.finding] }, config, lang);
  }
  const workbook = read.workbook;
  let prepared: PreparedWorkbook;
  try {
    prepared = prepare(workbook);
  } catch (e) {
    return modelFailed(path, e, options.pool, config, lang);
  }
  let pool = await resolvePool(prepared.metadata.pool, options, config, hooks);
  const accounts = workbook.sheets.some((s) => isAccountsSheet(prepared.grid, s));
  if ('rule' in pool && accounts && !prepared.metadata.pool && hooks.approvedPool) {
    // accounts that name no pool (a CSV export, a form without Pulje) are of the pool their approved budget names
    const named = await hooks.approvedPool(path, prepared);
    const p = named ? matchPool(named) : undefined;
    if (p) pool = await (hooks.withOverrides ?? (async (x: PoolProfile) => x))(p);
  }
  if ('rule' in pool) {
    const m = prepared.metadata;
    return fileReport(
      { path, kind: accounts ? 'accounts' : 'budget', metadata: m, stated: { requested: m.requested?.value }, raw: [pool], workbook },
      config,
      lang,
    );
  }
  if (accounts) {
    if (hooks.accounts) return hooks.accounts(path, workbook, prepared, pool, lang);
    const { checkAccounts } = await import('./accounts/check-core.js');
    return checkAccounts(path, workbook, prepared, pool, { raw: [] }, config, lang);
  }
  let budget: Budget;
  try {
    budget = buildBudget(path, prepared, pool.period);
  } catch (e) {
    return modelFailed(path, e, pool.id, config, lang);
  }
  const ctx: BudgetContext = { kind: 'budget', workbook, budget, pool };
  const raw = runRules(
    RULES.filter((r) => r.scope === 'budget'),
    ctx,
  );
  const m = budget.metadata;
  return fileReport(
    {
      path,
      kind: 'budget',
      pool: pool.id,
      metadata: m,
      stated: { requested: m.requested?.value ?? requestedFromFinancing(budget) },
      totals: { expenses: budget.expenses, ...(budget.financing.length ? { financing: budget.financing.reduce((s, f) => s + f.ore, 0) } : {}) },
      raw,
      workbook,
      chart: options.charts === false ? undefined : budgetChart(budget, pool.granularity),
    },
    config,
    lang,
  );
}

/** The report of a run: the files' reports in the order given, with the pool-level findings of the batch as a whole. */
export async function assembleReport(files: FileReport[], options: EngineOptions = {}, hooks: EngineHooks = {}): Promise<Report> {
  const config = options.config ?? DEFAULT_CONFIG;
  const lang = options.lang ?? config.lang ?? 'da';
  const load = hooks.loadPool ?? builtinPool;
  const over = hooks.withOverrides ?? (async (p: PoolProfile) => p);
  const pools = new Map<string, PoolProfile>();
  for (const f of files) {
    if (!f.pool || pools.has(f.pool)) continue;
    try {
      pools.set(f.pool, await over(options.pool ? await load(options.pool) : await load(f.pool)));
    } catch {
      // a pool that resolved for the file resolves here too; nothing to add for the batch otherwise
    }
  }
  const ctx: BatchContext = { kind: 'batch', files, pools };
  const poolFindings = sortFindings(
    finalise(
      runRules(
        RULES.filter((r) => r.scope === 'batch'),
        ctx as unknown as RuleContext,
      ),
      config,
      lang,
    ),
  );
  const report: Report = { tool: { name: 'budgettjek', version: VERSION }, lang, files, findings: poolFindings, summary: summarise(files, poolFindings) };
  if (pools.size === 1) {
    const p = [...pools.values()][0];
    if (p.funds !== undefined) report.pool = { id: p.id, name: p.name, funds: oreFromKroner(p.funds) };
  }
  return report;
}
