// structure/hidden-content: hidden rows, columns or sheets that hold amounts counted in the budget, and budget cells that
// take their amounts from a hidden sheet.
import { budgetRule } from '../types.js';
import { amountCells, M_MONEY, quarterArg, tableCensus, Y_MONEY } from '../util.js';

/** The args of a structure/hidden-content finding. */
/** span 3: the hidden column is a quarter's (month its first month). */
type Args = { what: 'sheet' | 'row' | 'column' | 'source'; month?: string; span?: 3; source?: string };

export default budgetRule<Args>()({
  id: 'structure/hidden-content',
  severity: 'error',
  check: ({ budget, workbook }, finding) => {
    const out: ReturnType<typeof finding>[] = [];
    for (const t of [...budget.tables, ...(budget.hiddenCopies ?? [])]) {
      if (t.sheetHidden) {
        if (tableCensus(t).flags.some((f) => (f & M_MONEY) !== 0)) {
          out.push(finding({ sheet: t.sheet, row: t.headerRow, args: { what: 'sheet' } }));
        }
        continue;
      }
      const sheet = workbook.sheets.find((s) => s.name === t.sheet);
      for (let i = 0; i < t.rows.length; i++) {
        const row = t.rows[i];
        if (sheet?.hiddenRows.has(row.row) && (tableCensus(t).flags[i] & (M_MONEY | Y_MONEY)) !== 0) {
          out.push(finding({ sheet: t.sheet, row: row.row, cell: row.postCell, post: row.post || undefined, args: { what: 'row' } }));
        }
      }
      const hiddenCols = [...t.monthCols, ...(t.totalCol ? [t.totalCol] : []), ...t.yearTotalCols].filter((c) => c.hidden);
      for (const c of hiddenCols) {
        const holds = t.rows.some((r) => r.kind === 'item' && [...amountCells(r)].some((a) => a.col === c.col && a.status === 'number' && a.ore !== 0));
        if (holds)
          out.push(
            finding({
              sheet: t.sheet,
              row: t.headerRow,
              cell: c.cell,
              args: { what: 'column', month: 'month' in c ? String(c.month) : undefined, ...quarterArg('span' in c ? c.span : undefined) },
            }),
          );
      }
    }
    // Amounts taken from a hidden sheet (a salary calculation, a rate table): hidden just as a hidden row is.
    for (const h of budget.hiddenSources) {
      out.push(finding({ sheet: h.sheet, row: h.row, cell: h.cell, args: { what: 'source', source: h.source } }));
    }
    return out;
  },
});
