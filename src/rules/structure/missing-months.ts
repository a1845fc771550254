// structure/missing-months: months (or, for a quarterly pool, quarters) of the project period that have no column in
// any budget table, reported at the table where the first of them is missing (the year sheet with the gap, or the last
// table when the columns stop early); once for a budget with no distribution at all (year columns, a bare total) and
// once for a quarterly budget where the pool wants months.
import { addMonth, quarterOf } from '../../model/months.js';
import type { Budget, BudgetTable } from '../../model/types.js';
import { budgetRule } from '../types.js';
import { monthRuns, monthsMissing, M_MONEY, periodMonths, tableCensus, Y_MONEY } from '../util.js';

/** Whether a table row holds money (a line with a known non-zero amount anywhere). */
function holdsMoney(t: BudgetTable): boolean {
  const { flags } = tableCensus(t);
  return t.rows.some((r, i) => r.kind === 'item' && (flags[i] & (M_MONEY | Y_MONEY)) !== 0);
}

/**
 * Months a mistyped header stands in for: a column that repeats an earlier column's month where, by its place between
 * its neighbours, the month in between belongs ("jun 2021" typed again where "jul 2021" goes). structure/duplicate-month
 * reports that header; the month it hides is the same mistake, not a second one.
 */
function mistypedMonths(budget: Budget): Set<string> {
  const out = new Set<string>();
  for (const t of budget.tables) {
    const cols = t.monthCols.filter((m) => !m.span).sort((a, b) => a.col - b.col);
    const seen = new Set<string>();
    cols.forEach((m, i) => {
      const prev = cols[i - 1];
      const next = cols[i + 1];
      if (seen.has(m.month) && prev && next) {
        const between = addMonth(prev.month, 1);
        if (addMonth(prev.month, 2) === next.month && between !== m.month) out.add(between);
      }
      seen.add(m.month);
    });
  }
  return out;
}

/** The args of a structure/missing-months finding. */
type Args = {
  start?: string;
  end?: string;
  source?: 'metadata' | 'pool';
  months: string[];
  count: number;
  want: 'month' | 'quarter';
  found: 'none' | 'quarters' | 'months';
};

export default budgetRule<Args>()({
  id: 'structure/missing-months',
  severity: 'error',
  check: ({ budget, pool }, finding) => {
    const p = budget.period;
    const want = pool.granularity ?? 'month';
    const withMonths = budget.tables.filter((t) => t.monthCols.length);
    // the period's months, listed only when a finding is made (most budgets have every month: nothing to list)
    let months_: readonly string[] | undefined;
    const allMonths = () => (months_ ??= p ? periodMonths(p.start, p.end) : []);
    const base = p ? { start: p.start, end: p.end, source: p.source } : {};
    if (!withMonths.length) {
      // Year columns or a bare total: not distributed at all, never a pass (one finding for the table).
      const t = budget.tables.find(holdsMoney);
      if (!t) return [];
      const cell = t.yearTotalCols[0]?.cell ?? t.totalCol?.cell;
      const all = allMonths();
      // a quarterly pool's period counts its quarters (the calendar quarters its months fall in)
      const count = want === 'quarter' ? new Set(all.map(quarterOf)).size : all.length;
      return [
        finding({
          sheet: t.sheet,
          row: t.headerRow,
          cell,
          args: { ...base, months: p ? monthRuns(all) : [], count, want, found: 'none' },
          expected: count || undefined,
          actual: 0,
          unit: 'count',
        }),
      ];
    }
    const q = withMonths.find((x) => x.monthCols.some((m) => m.span === 3));
    if (q && want === 'month') {
      // Quarters where the pool wants months (all of them, or some years): one clear finding, not one per month.
      const first = q.monthCols.find((m) => m.span === 3)!;
      return [
        finding({
          sheet: q.sheet,
          row: q.headerRow,
          cell: first.cell,
          args: { ...base, months: [], count: 0, want, found: 'quarters' },
        }),
      ];
    }
    if (!p) return [];
    // Months of the period no column covers (a quarter column covers its three), inside the pool's period.
    const uncovered = monthsMissing(budget, pool);
    if (!uncovered.length) return [];
    const mistyped = mistypedMonths(budget);
    const gaps = uncovered.filter((m) => !mistyped.has(m));
    if (!gaps.length) return [];
    const all = allMonths();
    let missing = gaps;
    let count = gaps.length;
    let expected = all.length;
    if (want === 'quarter') {
      // A quarter is covered when a column names it or any of its months (a monthly budget satisfies a quarterly pool).
      const gap = new Set(gaps);
      const quarters = [...new Set(all.map(quarterOf))];
      const gone = new Set(quarters.filter((x) => all.filter((m) => quarterOf(m) === x).every((m) => gap.has(m))));
      missing = all.filter((m) => gone.has(quarterOf(m)));
      if (!missing.length) return [];
      count = gone.size;
      expected = quarters.length;
    }
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
    return [
      finding({
        sheet: t.sheet,
        row: t.headerRow,
        cell,
        args: { ...base, months: monthRuns(missing), count, want, found: want === 'quarter' ? 'quarters' : 'months' },
        expected,
        actual: expected - count,
        unit: 'count',
      }),
    ];
  },
});
