// What a caseworker decides from, for the overview formats: the pool's funds against what the budgets ask for.
import { askedFor } from '../model/requested.js';
import { verdict } from './batch-summary.js';
import type { Report } from './types.js';

export interface PoolFigures {
  /** The pool's funds (øre), when the batch has one pool. */
  funds?: number;
  /** What all budgets ask for together (øre), and how many budgets that is. */
  requested: number;
  budgets: number;
  /** What the budgets with no error ask for (øre), and how many. */
  requestedClean: number;
  cleanBudgets: number;
  /** requested / funds, two decimals. */
  ratio?: number;
}

export function poolFigures(report: Report): PoolFigures {
  let requested = 0;
  let budgets = 0;
  let requestedClean = 0;
  let cleanBudgets = 0;
  for (const f of report.files) {
    const asked = askedFor(f);
    if (asked === undefined) continue;
    requested += asked;
    budgets++;
    if (verdict(f) === 'ok') {
      requestedClean += asked;
      cleanBudgets++;
    }
  }
  const funds = report.pool?.funds;
  return { funds, requested, budgets, requestedClean, cleanBudgets, ...(funds ? { ratio: Math.round((requested / funds) * 100) / 100 } : {}) };
}

/** Files with errors first (most errors first), then unreadable ones, then the rest, each group in report order. */
export function errorsFirst<T extends Report['files'][number]>(files: T[]): Array<{ file: T; index: number }> {
  const keyed = files.map((file, index) => {
    const v = verdict(file);
    return { file, index, rank: v === 'bad' ? 0 : v === 'unreadable' ? 1 : 2, errors: file.findings.filter((x) => x.severity === 'error').length };
  });
  keyed.sort((a, b) => a.rank - b.rank || b.errors - a.errors || a.index - b.index);
  return keyed.map(({ file, index }) => ({ file, index }));
}
