// Checks an accounts file (regnskab), alone or against the approved budget given with --budget.
import { existsSync, realpathSync, statSync } from 'node:fs';
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

/** An approved budget as read and prepared in this run, with the identity of the file it was read from. */
interface ApprovedRead {
  /** size and mtime (ns) of the file when it was read: a file changed since is read again */
  identity: string;
  read: { ok: true; prepared: PreparedWorkbook } | { ok: false; finding: RawFinding<InputRuleId> };
}

/** Approved budgets read in a run, by the run's options (one object for a batch in a thread, so the cache ends with
 * the run) and by resolved path: an accounts file that names no pool reads its approved budget to learn the pool and
 * again to check against it, and with --budget FILE every accounts file of a batch has the same one. A few are kept:
 * with --budget DIR each accounts file has its own, and it is used twice in a row. 200 copies of an accounts file
 * against one approved budget (--jobs 1, medians of 5 alternating runs): 0.65 → 0.48 s CPU as .xlsx, 0.66 → 0.31 s
 * as a CSV that names no pool; the reports identical. */
const approvedReads = new WeakMap<CheckOptions, Map<string, ApprovedRead>>();
const APPROVED_KEPT = 4;

/** The approved budget at `path` read and prepared (prepare finds the headers and the metadata): once per file in a
 * run. buildBudget leaves a prepared workbook as it found it but for its memo of evaluated formulas (test/approved-
 * budget-cache.test.ts: a budget built from a prepared workbook used before is the same as one from a fresh read). */
async function readApproved(path: string, options: CheckOptions): Promise<ApprovedRead['read']> {
  let identity: string;
  let key: string;
  try {
    const st = statSync(path, { bigint: true });
    identity = `${st.size}:${st.mtimeNs}`;
    key = realpathSync(path);
  } catch {
    // gone (or no longer reachable) since it was found: the read says why, as without the cache
    return readPrepared(path, options);
  }
  let reads = approvedReads.get(options);
  if (!reads) approvedReads.set(options, (reads = new Map()));
  const known = reads.get(key);
  if (known?.identity === identity) {
    reads.delete(key); // the most recently used last
    reads.set(key, known);
    return known.read;
  }
  const read = await readPrepared(path, options);
  reads.delete(key);
  reads.set(key, { identity, read });
  if (reads.size > APPROVED_KEPT) reads.delete(reads.keys().next().value!);
  return read;
}

async function readPrepared(path: string, options: CheckOptions): Promise<ApprovedRead['read']> {
  const raw = await readWorkbook(path, options.limits);
  return raw.ok ? { ok: true, prepared: prepare(raw.workbook) } : { ok: false, finding: raw.finding };
}

async function approvedBudget(path: string, pool: PoolProfile, options: CheckOptions): Promise<Budget | RawFinding> {
  if (!existsSync(path)) throw new UsageError(`--budget ${path}: no such file`);
  const read = await readApproved(path, options);
  if (!read.ok) return approvedUnreadable(read.finding);
  const budget = buildBudget(path, read.prepared, pool.period);
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
  const read = await readApproved(budgetPath, options);
  return read.ok ? read.prepared.metadata.pool?.value : undefined;
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
