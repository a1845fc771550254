// structure/formula-error: an error value (#REF!, #DIV/0!, #VALUE!, #NAME?, #N/A) in a cell that matters.
import { sumRanges } from '../../model/grid.js';
import type { AmountCell } from '../../model/types.js';
import { budgetRule } from '../types.js';

/** The args of a structure/formula-error finding. */
type Args = { error: string; formula?: string };

export default budgetRule<Args>()({
  id: 'structure/formula-error',
  severity: 'error',
  check: ({ budget }, finding) => {
    const out: ReturnType<typeof finding>[] = [];
    const errors: Array<{ a: AmountCell; post: string }> = [];
    for (const t of budget.tables) {
      for (const row of t.rows) {
        for (const a of [...row.months, ...(row.total ? [row.total] : []), ...row.yearTotals]) {
          if (a.status === 'error') errors.push({ a, post: row.post });
        }
      }
    }
    // Report where an error starts, not every SUM it spreads to.
    const isError = new Set(errors.map((e) => `${e.a.sheet}!${e.a.row}:${e.a.col}`));
    const inherited = (a: AmountCell) => {
      const ranges = a.formula ? sumRanges(a.formula) : undefined;
      if (!ranges) return false;
      return ranges.some((r) => {
        if ((r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1) > 100_000) return false;
        for (let row = r.r1; row <= r.r2; row++)
          for (let col = r.c1; col <= r.c2; col++) {
            if ((row !== a.row || col !== a.col) && isError.has(`${r.sheet ?? a.sheet}!${row}:${col}`)) return true;
          }
        return false;
      });
    };
    for (const { a, post } of errors) {
      if (inherited(a)) continue;
      out.push(
        finding({
          sheet: a.sheet,
          row: a.row,
          cell: a.cell,
          post: post || undefined,
          args: { error: a.raw ?? '#VALUE!', formula: a.formula },
        }),
      );
    }
    for (const f of ['requested', 'granted'] as const) {
      const u = budget.metadata.unparsed.find((x) => x.field === f && /^#/.test(x.raw));
      if (u) out.push(finding({ sheet: u.sheet, row: u.row, cell: u.cell, args: { error: u.raw } }));
    }
    return out;
  },
});
