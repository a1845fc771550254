// structure/no-budget-table: no sheet has a header row with a post column and month or total columns; or the tables
// hold no amounts at all (a form not filled in, such as the tool's own template left blank: not a clean budget). A
// sheet whose rows each sit whole in one cell, their fields joined by ';' or tabs (a CSV opened or imported without
// being split into columns), is said to be that, at its first such cell: the advice is to import it split.
import { a1 } from '../../read/address.js';
import type { RawSheet } from '../../read/types.js';
import { budgetRule } from '../types.js';
import { M_ERROR, tableCensus, Y_ERROR } from '../util.js';

/** The args of a structure/no-budget-table finding. */
type Args = { sheets: string[]; unfilled?: boolean; joined?: ';' | 'tab' };

/** Rows of a sheet that are one text cell of at least three fields joined by one separator; this many make it joined. */
const JOINED_ROWS = 3;

/** The first cell of a sheet whose rows are joined fields (see above), and their separator; undefined otherwise. */
function joinedRows(sheet: RawSheet): { row: number; col: number; sep: ';' | 'tab' } | undefined {
  let first: { row: number; col: number; sep: ';' | 'tab' } | undefined;
  let count = 0;
  for (const [row, cells] of [...sheet.rows].sort((a, b) => a[0] - b[0])) {
    const filled = cells.filter((c) => c.value !== null && c.value !== '');
    if (filled.length !== 1 || typeof filled[0].value !== 'string') continue;
    const text = filled[0].value;
    for (const [ch, sep] of [
      [';', ';'],
      ['\t', 'tab'],
    ] as const) {
      if (text.split(ch).length < 3 || (first && first.sep !== sep)) continue;
      first ??= { row, col: filled[0].col, sep };
      count++;
      break;
    }
  }
  return first && count >= JOINED_ROWS ? first : undefined;
}

export default budgetRule<Args>()({
  id: 'structure/no-budget-table',
  severity: 'error',
  check: ({ budget, workbook }, finding) => {
    if (!budget.tables.length) {
      const sheets = workbook.sheets.map((s) => s.name);
      for (const sheet of workbook.sheets) {
        const j = joinedRows(sheet);
        if (j) return [finding({ sheet: sheet.name, row: j.row, cell: a1(j.row, j.col), args: { sheets, joined: j.sep } })];
      }
      return [finding({ sheet: workbook.sheets[0]?.name, args: { sheets } })];
    }
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
