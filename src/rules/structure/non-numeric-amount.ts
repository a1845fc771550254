// structure/non-numeric-amount: text that is not an amount ("ca. 5000", "se note") where an amount belongs.
import { budgetRule } from '../types.js';
import { amountCells, M_TEXT, tableCensus, Y_TEXT } from '../util.js';

/** The args of a structure/non-numeric-amount finding. */
type Args = { text: string };

export default budgetRule<Args>()({
  id: 'structure/non-numeric-amount',
  severity: 'error',
  check: ({ budget }, finding) => {
    const out: ReturnType<typeof finding>[] = [];
    for (const t of budget.tables) {
      const { flags } = tableCensus(t);
      for (let i = 0; i < t.rows.length; i++) {
        const row = t.rows[i];
        if (row.kind === 'section' || !(flags[i] & (M_TEXT | Y_TEXT))) continue;
        for (const a of amountCells(row)) {
          if (a.status !== 'text') continue;
          out.push(
            finding({
              sheet: a.sheet,
              row: a.row,
              cell: a.cell,
              post: row.post || undefined,
              args: { text: a.raw ?? '' },
            }),
          );
        }
      }
    }
    const req = budget.metadata.unparsed.find((x) => x.field === 'requested' && !/^#/.test(x.raw));
    if (req) out.push(finding({ sheet: req.sheet, row: req.row, cell: req.cell, args: { text: req.raw } }));
    return out;
  },
});
