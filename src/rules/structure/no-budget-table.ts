// structure/no-budget-table: no sheet has a header row with a post column and month or total columns; or the tables
// hold no amounts at all (a form not filled in, such as the tool's own template left blank: not a clean budget).
import { a1 } from '../../read/address.js';
import { budgetRule } from '../types.js';
import { M_ERROR, tableCensus, Y_ERROR } from '../util.js';

/** The args of a structure/no-budget-table finding. */
type Args = { sheets: string[]; unfilled?: boolean };

export default budgetRule<Args>()({
  id: 'structure/no-budget-table',
  severity: 'error',
  check: ({ budget, workbook }, finding) => {
    if (!budget.tables.length) return [finding({ sheet: workbook.sheets[0]?.name, args: { sheets: workbook.sheets.map((s) => s.name) } })];
    const amounts = budget.lines.some((l) => l.total !== 0 || l.months.size > 0) || budget.financing.some((f) => f.ore !== 0);
    // Amounts that are error values (a circular reference, #REF!) fill the form: structure/formula-error says why
    // they are unknown, and it is one root cause.
    const errorAmounts = budget.tables.some((t) => tableCensus(t).flags.some((f) => (f & (M_ERROR | Y_ERROR)) !== 0));
    if (amounts || errorAmounts) return [];
    const t = budget.tables[0];
    return [
      finding({
        sheet: t.sheet,
        row: t.headerRow,
        cell: a1(t.headerRow, t.postCol),
        args: { sheets: budget.tables.map((x) => x.sheet), unfilled: true },
      }),
    ];
  },
});
