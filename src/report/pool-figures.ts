// What a caseworker decides from, for the overview formats: the pool's funds against what the budgets ask for.
import { applications } from '../model/requested.js';
import { verdict } from './batch-summary.js';
import type { Report } from './types.js';

export interface PoolFigures {
  /** The pool's funds (øre), when the batch has one pool. */
  funds?: number;
  /** What all budgets ask for together (øre), and how many applications that is (an applicant's budgets one, at the largest). */
  requested: number;
  budgets: number;
  /** What the budgets with no error ask for (øre), and how many. */
  requestedClean: number;
  cleanBudgets: number;
  /** requested / funds, two decimals. */
  ratio?: number;
  /** The files whose request `requested` counts (one per application). */
  counted: ReadonlySet<Report['files'][number]>;
}

/** The figures as pool/oversubscribed counts them (model/requested's applications): an applicant (CVR) with several
 * budgets is one application at its largest request, so the block's "requested" and ratio agree with the finding. */
export function poolFigures(report: Report): PoolFigures {
  const all = applications(report.files);
  const clean = applications(report.files.filter((f) => verdict(f) === 'ok'));
  const funds = report.pool?.funds;
  return {
    funds,
    requested: all.total,
    budgets: all.count,
    requestedClean: clean.total,
    cleanBudgets: clean.count,
    counted: all.counted,
    ...(funds ? { ratio: Math.round((all.total / funds) * 100) / 100 } : {}),
  };
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
