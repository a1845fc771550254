// The figures the HTML charts draw, taken from the models while they are at hand (FileReport.chart).
import type { Accounts } from '../model/accounts.js';
import { addMonth } from '../model/months.js';
import type { Budget } from '../model/types.js';
import type { FileChart } from './types.js';

/** A budget's expenses summed per month, every month from the first to the last (gaps as 0), at most 240 months. */
export function budgetChart(budget: Budget, granularity: 'month' | 'quarter' = 'month'): FileChart | undefined {
  const sums = new Map<string, number>();
  for (const line of budget.lines) for (const [m, ore] of line.months) sums.set(m, (sums.get(m) ?? 0) + ore);
  if (!sums.size) return undefined;
  const keys = [...sums.keys()].filter((m) => /^\d{4}-\d{2}$/.test(m)).sort();
  if (!keys.length) return undefined;
  const months: Array<[string, number]> = [];
  for (let m = keys[0]; m <= keys[keys.length - 1] && months.length < 240; m = addMonth(m, 1)) months.push([m, sums.get(m) ?? 0]);
  return { months, granularity };
}

/** An accounts file's expense posts with their budget and actual amounts (unknown amounts as 0), at most 200. */
export function accountsChart(accounts: Accounts): FileChart | undefined {
  const posts = accounts.posts.slice(0, 200).map((p) => ({
    post: p.post,
    budget: p.budget?.status === 'number' ? p.budget.ore! : 0,
    actual: p.actual?.status === 'number' ? p.actual.ore! : 0,
  }));
  return posts.length ? { posts } : undefined;
}
