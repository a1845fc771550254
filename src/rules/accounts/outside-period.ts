// accounts/outside-period: actual spending in months outside the project period.
import type { RawFinding } from '../../types.js';
import { monthRuns } from '../util.js';
import { accountsRule } from './util.js';

export default accountsRule({
  id: 'accounts/outside-period',
  severity: 'error',
  check: ({ accounts }) => {
    const p = accounts.period;
    if (!p) return [];
    const out: RawFinding[] = [];
    for (const post of accounts.posts) {
      const outside = post.months.filter((m) => m.status === 'number' && m.ore !== 0 && (m.month < p.start || m.month > p.end));
      if (!outside.length) continue;
      out.push({
        rule: 'accounts/outside-period', sheet: post.sheet, row: post.row, cell: outside[0].cell, post: post.post,
        actual: outside.reduce((s, m) => s + m.ore!, 0), args: { months: monthRuns(outside.map((m) => m.month)), start: p.start, end: p.end },
      });
    }
    return out;
  },
});
