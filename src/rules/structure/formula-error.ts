// structure/formula-error: an error value (#REF!, #DIV/0!, #VALUE!, #NAME?, #N/A) in a cell that matters.
import type { RawFinding } from '../../types.js';
import { budgetRule } from '../types.js';

export default budgetRule({
  id: 'structure/formula-error',
  severity: 'error',
  check: ({ budget }) => {
    const out: RawFinding[] = [];
    for (const t of budget.tables) {
      for (const row of t.rows) {
        const cells = [...row.months, ...(row.total ? [row.total] : []), ...row.yearTotals];
        for (const a of cells) {
          if (a.status !== 'error') continue;
          out.push({ rule: 'structure/formula-error', sheet: a.sheet, row: a.row, cell: a.cell, post: row.post || undefined, args: { error: a.raw ?? '#VALUE!', formula: a.formula } });
        }
      }
    }
    for (const f of ['requested', 'granted'] as const) {
      const u = budget.metadata.unparsed.find((x) => x.field === f && /^#/.test(x.raw));
      if (u) out.push({ rule: 'structure/formula-error', sheet: u.sheet, row: u.row, cell: u.cell, args: { error: u.raw } });
    }
    return out;
  },
});
