// structure/duplicate-month: the same month has two columns in one table, or in two year sheets.
import { budgetRule } from '../types.js';

/** The args of a structure/duplicate-month finding. */
type Args = { month: string; first: string };

export default budgetRule<Args>()({
  id: 'structure/duplicate-month',
  severity: 'error',
  check: ({ budget }, finding) => {
    const out: ReturnType<typeof finding>[] = [];
    // the first table and column of each month (its "Sheet!A1" text made only for a finding)
    const seenAcross = new Map<string, { sheet: string; cell: string }>();
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
      for (const [month, cell] of seen) {
        const other = seenAcross.get(month);
        if (other) out.push(finding({ sheet: t.sheet, row: t.headerRow, cell, args: { month, first: `${other.sheet}!${other.cell}` } }));
      }
      for (const [month, cell] of seen) if (!seenAcross.has(month)) seenAcross.set(month, { sheet: t.sheet, cell });
    }
    return out;
  },
});
