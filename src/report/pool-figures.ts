// What a caseworker decides from, for the overview formats: the pool's funds against what the budgets ask for.
import { askedFor } from '../rules/pool/oversubscribed.js';
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
  const rank = (f: T) => (verdict(f) === 'bad' ? 0 : verdict(f) === 'unreadable' ? 1 : 2);
  const errors = (f: T) => f.findings.filter((x) => x.severity === 'error').length;
  return files.map((file, index) => ({ file, index })).sort((a, b) => rank(a.file) - rank(b.file) || errors(b.file) - errors(a.file) || a.index - b.index);
}
