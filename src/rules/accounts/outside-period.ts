// accounts/outside-period: actual spending in months outside the project period. A stated project period that itself
// lies outside the pool's period is one finding at the stated period's cell, as for budgets (one root cause): posts
// spending inside the stated period get no finding of their own for it.
import { addMonth, monthRange } from '../../model/months.js';
import type { AccountsPost } from '../../model/accounts.js';
import { monthRuns } from '../util.js';
import { accountsRule } from './util.js';

/** The last month a column of actual spending covers: a quarter's third month, else its own. */
const lastMonth = (m: AccountsPost['months'][number]) => (m.span ? addMonth(m.month, m.span - 1) : m.month);

/** The args of an accounts/outside-period finding. */
type Args = { months: string[]; start: string; end: string; stated?: boolean; statedStart?: string; statedEnd?: string };

export default accountsRule<Args>()({
  id: 'accounts/outside-period',
  severity: 'error',
  check: ({ accounts, pool }, finding) => {
    const p = accounts.period;
    if (!p) return [];
    const out: ReturnType<typeof finding>[] = [];
    const stated = accounts.metadata.period;
    const pp = pool.period;
    if (pp && p.source === 'metadata' && stated && (p.start < pp.start || p.end > pp.end)) {
      const outside = (m: string) => m < pp.start || m > pp.end;
      const amount = accounts.posts
        .flatMap((x) => x.months)
        .filter((m) => m.status === 'number' && m.ore !== 0 && outside(m.month) && m.month >= p.start && m.month <= p.end)
        .reduce((s, m) => s + m.ore!, 0);
      out.push(
        finding({
          sheet: stated.sheet,
          row: stated.row,
          cell: stated.cell,
          actual: amount,
          args: {
            stated: true,
            months: monthRuns(monthRange(p.start, p.end).filter(outside)),
            start: pp.start,
            end: pp.end,
            statedStart: p.start,
            statedEnd: p.end,
          },
        }),
      );
    }
    for (const post of accounts.posts) {
      // a quarter outside only when all of it is: the period may begin or end inside a quarter (1 November)
      const outside = post.months.filter((m) => m.status === 'number' && m.ore !== 0 && (lastMonth(m) < p.start || m.month > p.end));
      if (!outside.length) continue;
      out.push(
        finding({
          sheet: post.sheet,
          row: post.row,
          cell: outside[0].cell,
          post: post.post,
          actual: outside.reduce((s, m) => s + m.ore!, 0),
          args: { months: monthRuns(outside.map((m) => m.month)), start: p.start, end: p.end },
        }),
      );
    }
    return out;
  },
});
