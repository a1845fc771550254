// itemisation/missing-note: a large line (over the pool's note threshold) without a budget note (warning).
import { oreFromKroner } from '../../money.js';
import { budgetRule } from '../types.js';

/** The args of an itemisation/missing-note finding. */
type Args = { hasNoteColumn: boolean };

export default budgetRule<Args>()({
  id: 'itemisation/missing-note',
  severity: 'warning',
  check: ({ budget, pool, workbook }, finding) => {
    const threshold = oreFromKroner(pool.thresholds.noteAbove);
    // Notes kept on a sheet of their own ("Budgetnoter") are referenced from the lines in ways we cannot pair.
    if (workbook.sheets.some((s) => /note/i.test(s.name))) return [];
    const out: ReturnType<typeof finding>[] = [];
    for (const line of budget.lines) {
      if (line.total <= threshold || line.note?.trim()) continue;
      const row = line.rows[0];
      const noteCol = budget.tables.find((t) => t.sheet === row.sheet)?.noteCol;
      out.push(
        finding({
          sheet: row.sheet,
          row: row.row,
          cell: row.note?.cell ?? row.postCell,
          post: line.post,
          actual: line.total,
          expected: threshold,
          args: { hasNoteColumn: !!noteCol },
        }),
      );
    }
    return out;
  },
});
