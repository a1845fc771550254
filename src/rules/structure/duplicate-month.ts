// structure/duplicate-month: the same month has two columns in one table, or in two year sheets (not in two parallel
// sheets, one per activity or partner over the same months: each holds the period's months for its own posts). A table
// that repeats most of an earlier table's months (a copy of the sheet, "Budget (2)", or a year sheet typed twice) is one
// cause: one finding at its first repeated month, naming the run of repeated months, not one per month.
import { mostlySameMonths, parallelTables } from '../../model/parallel.js';
import type { BudgetTable } from '../../model/types.js';
import { budgetRule } from '../types.js';
import { quarterArg } from '../util.js';

/** The args of a structure/duplicate-month finding: the month (the first of a repeated run through `last`, of `columns`
 * month columns) and `first`, where the earlier table or column has it. */
type Args = { month: string; first: string; last?: string; columns?: number; span?: 3 };

/** span 3 in a finding's args when the column is a quarter's (the message names the quarter, not its first month). */
const quarterSpan = (t: BudgetTable, cell: string) => quarterArg(t.monthCols.find((c) => c.cell === cell)?.span);

type Earlier = { table: BudgetTable; seen: Map<string, string> };

export default budgetRule<Args>()({
  id: 'structure/duplicate-month',
  severity: 'error',
  check: ({ budget }, finding) => {
    const out: ReturnType<typeof finding>[] = [];
    // each earlier table with the first cell of each of its months
    const earlier: Earlier[] = [];
    for (const t of budget.tables) {
      const seen = new Map<string, string>();
      for (const m of t.monthCols) {
        const first = seen.get(m.month);
        if (first) {
          out.push(
            finding({
              sheet: t.sheet,
              row: t.headerRow,
              cell: m.cell,
              args: { month: m.month, first: `${t.sheet}!${first}`, ...quarterArg(m.span) },
            }),
          );
          continue;
        }
        seen.set(m.month, m.cell);
      }
      // this table's months an earlier (not parallel) table has, by the first such table
      const before = earlier.filter((e) => !parallelTables(t, e.table));
      const repeated = new Map<Earlier, Array<[string, string]>>();
      // most budgets have one table (or only parallel ones): no month of theirs can repeat an earlier table's, and the
      // walk over the months' entries made most of the rule's garbage: 9,8 → 3,6 MB allocated on the 600-file pile
      if (before.length)
        for (const [month, cell] of seen) {
          const other = before.find((e) => e.seen.has(month));
          if (other) repeated.set(other, [...(repeated.get(other) ?? []), [month, cell]]);
        }
      for (const [other, months] of repeated) {
        const at = (month: string) => `${other.table.sheet}!${other.seen.get(month)!}`;
        if (months.length > 1 && mostlySameMonths(t, other.table)) {
          // the table repeats the other one wholesale: one finding at its first repeated month
          const [[month, cell]] = months;
          const last = months[months.length - 1][0];
          out.push(
            finding({ sheet: t.sheet, row: t.headerRow, cell, args: { month, first: at(month), last, columns: months.length, ...quarterSpan(t, cell) } }),
          );
          continue;
        }
        for (const [month, cell] of months)
          out.push(finding({ sheet: t.sheet, row: t.headerRow, cell, args: { month, first: at(month), ...quarterSpan(t, cell) } }));
      }
      earlier.push({ table: t, seen });
    }
    return out;
  },
});
