// structure/missing-months: months (or, for a quarterly pool, quarters) of the project period that have no column in
// any budget table; once for a budget with no distribution at all (year columns, a bare total) and once for a
// quarterly budget where the pool wants months.
import { addMonth, monthRange, quarterOf } from '../../model/months.js';
import type { BudgetTable } from '../../model/types.js';
import type { RawFinding } from '../../types.js';
import { budgetRule } from '../types.js';
import { monthRuns } from '../util.js';

/** Whether a table row holds money (a line with a known non-zero amount anywhere). */
function holdsMoney(t: BudgetTable): boolean {
  return t.rows.some((r) => r.kind === 'item' && [...r.months, ...(r.total ? [r.total] : []), ...r.yearTotals].some((a) => a.status === 'number' && a.ore !== 0));
}

export default budgetRule({
  id: 'structure/missing-months',
  severity: 'error',
  check: ({ budget, pool }) => {
    const p = budget.period;
    const want = pool.granularity ?? 'month';
    const withMonths = budget.tables.filter((t) => t.monthCols.length);
    const all = p ? monthRange(p.start, p.end) : [];
    const base = p ? { start: p.start, end: p.end, source: p.source } : {};
    if (!withMonths.length) {
      // Year columns or a bare total: not distributed at all, never a pass (one finding for the table).
      const t = budget.tables.find(holdsMoney);
      if (!t) return [];
      const cell = t.yearTotalCols[0]?.cell ?? t.totalCol?.cell;
      return [{ rule: 'structure/missing-months', sheet: t.sheet, row: t.headerRow, cell, args: { ...base, months: p ? monthRuns(all) : [], count: all.length, want, found: 'none' }, expected: all.length || undefined, actual: 0, unit: 'count' } as RawFinding];
    }
    const t = withMonths[0];
    const q = withMonths.find((x) => x.monthCols.some((m) => m.span === 3));
    if (q && want === 'month') {
      // Quarters where the pool wants months (all of them, or some years): one clear finding, not one per month.
      const first = q.monthCols.find((m) => m.span === 3)!;
      return [{ rule: 'structure/missing-months', sheet: q.sheet, row: q.headerRow, cell: first.cell, args: { ...base, months: [], count: 0, want, found: 'quarters' } }];
    }
    if (!p) return [];
    const have = new Set<string>();
    for (const x of withMonths) for (const m of x.monthCols) for (let i = 0; i < (m.span ?? 1); i++) have.add(i ? addMonth(m.month, i) : m.month);
    let missing: string[];
    let expected: number;
    if (want === 'quarter') {
      // A quarter is covered when a column names it or any of its months (a monthly budget satisfies a quarterly pool).
      const covered = new Set([...have].map(quarterOf));
      const quarters = [...new Set(all.map(quarterOf))];
      const gone = new Set(quarters.filter((q) => !covered.has(q)));
      missing = all.filter((m) => gone.has(quarterOf(m)));
      expected = quarters.length;
      if (!missing.length) return [];
      return [{ rule: 'structure/missing-months', sheet: t.sheet, row: t.headerRow, cell: t.monthCols[t.monthCols.length - 1].cell, args: { ...base, months: monthRuns(missing), count: gone.size, want, found: 'quarters' }, expected, actual: expected - gone.size, unit: 'count' }];
    }
    missing = all.filter((m) => !have.has(m));
    if (!missing.length) return [];
    return [{
      rule: 'structure/missing-months',
      sheet: t.sheet,
      row: t.headerRow,
      cell: t.monthCols[t.monthCols.length - 1].cell,
      args: { ...base, months: monthRuns(missing), count: missing.length, want, found: 'months' },
      expected: all.length,
      actual: all.length - missing.length,
      unit: 'count',
    }];
  },
});
