// The check pipeline from paths: reads files, loads pools and configuration from disk, and runs the engine (engine.ts)
// for one file and for a run, in this thread and worker threads beside it for a big batch.
import { DEFAULT_CONFIG, type Config } from './config.js';
import { assembleReport, checkRead, type EngineHooks } from './engine.js';
import type { CheckOptions } from './check-options.js';
import { readWorkbook } from './read/index.js';
import { parsePoolProfile, type PoolProfile } from './pools/index.js';
import { loadPool } from './pools/load.js';
import type { FileReport, Report } from './report/types.js';
import { checkMany, type Progress } from './batch/run.js';

export { checkBytes, finalise, runRules, sortFindings, summarise } from './engine.js';

export type { CheckOptions };

/** Applies the configuration's pool overrides to a profile, validating the result. */
export async function withOverrides(pool: PoolProfile, config: Config): Promise<PoolProfile> {
  const o = config.pools[pool.id];
  if (!o) return pool;
  const merged: Record<string, unknown> = { ...pool, ...o };
  if (o.thresholds && typeof o.thresholds === 'object') merged.thresholds = { ...pool.thresholds, ...(o.thresholds as object) };
  return parsePoolProfile(merged, `(configuration override for ${pool.id})`);
}

/** Checks one file; never throws for bad input (only for usage errors such as an unknown pool). */
export async function checkFile(path: string, options: CheckOptions = {}): Promise<FileReport> {
  const config = options.config ?? DEFAULT_CONFIG;
  const read = await readWorkbook(path, options.limits);
  return checkRead(path, read, options, cliHooks(options, config));
}

/** What the engine needs from the CLI: pools from files, the configuration's overrides, accounts with approved
 * budgets read from disk. */
function cliHooks(options: CheckOptions, config: Config): EngineHooks {
  return {
    loadPool,
    withOverrides: (p) => withOverrides(p, config),
    accounts: async (path, workbook, prepared, pool, lang) => {
      const { checkAccountsFile } = await import('./accounts/check.js');
      return checkAccountsFile(path, workbook, prepared, pool, options, config, lang);
    },
    approvedPool: async (path, prepared) => {
      const { approvedPoolName } = await import('./accounts/check.js');
      return approvedPoolName(path, prepared, options);
    },
  };
}

/** Checks many files (with jobs > 1, in this thread and jobs − 1 worker threads beside it) into one report, in the order
 * given, with the pool-level findings of the batch as a whole. */
export async function checkFiles(paths: string[], options: CheckOptions = {}, progress?: Progress): Promise<Report> {
  const files = await checkMany(paths, options, options.jobs ?? 1, progress, checkFile);
  const config = options.config ?? DEFAULT_CONFIG;
  return assembleReport(files, { ...options, config }, cliHooks(options, config));
}
