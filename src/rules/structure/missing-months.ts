// structure/missing-months: months of the project period that have no column in any budget table, reported at the
// table where the first of them is missing (the year sheet with the gap, or the last table when the columns stop early).
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
    const first = missing[0];
    const months = (t: (typeof withMonths)[number]) => t.monthCols.map((m) => m.month).sort();
    // The table whose months span the gap; before every table: the first; after every table: the last.
    const t =
      withMonths.find((x) => months(x)[0] < first && months(x).at(-1)! > first) ??
      (first < months(withMonths[0])[0] ? withMonths[0] : [...withMonths].sort((a, b) => months(a).at(-1)!.localeCompare(months(b).at(-1)!)).at(-1)!);
    // The header cell beside the gap: the first month column after it (the first column when the gap comes before
    // them all), else the last month column.
    const sorted = [...t.monthCols].sort((a, b) => a.month.localeCompare(b.month));
    const cell = (sorted.find((m) => m.month > first) ?? sorted[sorted.length - 1]).cell;
    return [{
      rule: 'structure/missing-months',
      sheet: t.sheet,
      row: t.headerRow,
      cell,
      args: { months: monthRuns(missing), count: missing.length, start: p.start, end: p.end, source: p.source },
      expected: monthRange(p.start, p.end).length,
      actual: monthRange(p.start, p.end).length - missing.length,
      unit: 'count',
    }];
  },
});
