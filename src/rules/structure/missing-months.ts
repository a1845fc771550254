// structure/missing-months: months of the project period that have no column in any budget table.
import { monthRange } from '../../model/months.js';
import { budgetRule } from '../types.js';
import { monthRuns, monthsMissing } from '../util.js';

export default budgetRule({
  id: 'structure/missing-months',
  severity: 'error',
  check: ({ budget, pool }) => {
    const p = budget.period;
    const withMonths = budget.tables.filter((t) => t.monthCols.length);
    if (!p || !withMonths.length) return [];
    const missing = monthsMissing(budget, pool);
    if (!missing.length) return [];
    const t = withMonths[0];
    return [{
      rule: 'structure/missing-months',
      sheet: t.sheet,
      row: t.headerRow,
      cell: t.monthCols[t.monthCols.length - 1].cell,
      args: { months: monthRuns(missing), count: missing.length, start: p.start, end: p.end, source: p.source },
      expected: monthRange(p.start, p.end).length,
      actual: monthRange(p.start, p.end).length - missing.length,
      unit: 'count',
    }];
  },
});
