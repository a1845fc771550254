// structure/duplicate-month: the same month has two columns in one table, or in two year sheets (not in two parallel
// sheets, one per activity or partner over the same months: each holds the period's months for its own posts).
import { parallelTables } from '../../model/parallel.js';
import type { BudgetTable } from '../../model/types.js';
import { budgetRule } from '../types.js';

/** The args of a structure/duplicate-month finding. */
type Args = { month: string; first: string };

export default budgetRule<Args>()({
  id: 'structure/duplicate-month',
  severity: 'error',
  check: ({ budget }, finding) => {
    const out: ReturnType<typeof finding>[] = [];
    // each earlier table with the first cell of each of its months
    const earlier: Array<{ table: BudgetTable; seen: Map<string, string> }> = [];
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
              args: { month: m.month, first: `${t.sheet}!${first}` },
            }),
          );
          continue;
        }
        seen.set(m.month, m.cell);
      }
      const before = earlier.filter((e) => !parallelTables(t, e.table));
      for (const [month, cell] of seen) {
        const other = before.find((e) => e.seen.has(month));
        if (other) out.push(finding({ sheet: t.sheet, row: t.headerRow, cell, args: { month, first: `${other.table.sheet}!${other.seen.get(month)!}` } }));
      }
      earlier.push({ table: t, seen });
    }
    return out;
  },
});
