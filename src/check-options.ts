// The options of a check from paths (the CLI's and the batch's): the engine's, plus what is read from disk.
import type { ApprovedBudgetRef } from './accounts/pair.js';
import type { Config } from './config-core.js';
import type { EngineOptions } from './engine.js';
import type { Limits } from './read/limits.js';
import type { Lang } from './types.js';

export interface CheckOptions extends EngineOptions {
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
  /** Threads that check a batch's files: this one and jobs − 1 worker threads beside it (default 1: this thread alone). */
  jobs?: number;
}
