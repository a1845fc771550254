// Amounts typed as text ("12.500 kr.") under a SUM: Excel's SUM skips text, so the total shows less than the lines
// hold (often 0). Finds the total cells of a table whose SUM covers such text, directly or through other SUMs.
import { lowerBound } from '../../model/formula.js';
import type { AmountCell, BudgetRow, BudgetTable } from '../../model/types.js';
import type { FindingBody } from '../../finding-shape.js';
import { isTextAmount, ownSheetRanges, tableCensus, TEXT_AMOUNT } from '../util.js';

const KEY = 65536;

/**
 * The cells a SUM can find text under: the amounts typed as text and the formulas, by row (ascending), each row's in
 * column order. textUnder visits them in the order it would meet them walking its ranges cell by cell, and the other
 * cells it would skip: the same answers without a Map lookup per covered cell (a row's total covers its months, so
 * ~500.000 lookups on the 600-file pile: textUnderSum and its index ~1.000 → ~740 profile ms over 12 rounds).
 */
interface Reachable {
  rows: number[];
  cells: AmountCell[][];
}

/** The table's reachable cells, or undefined where two of its cells may share a position (then a SUM finds the later
 * one there, whichever it is: textUnderByCell walks the cells by position). */
function reachableOf(t: BudgetTable): Reachable | undefined {
  const cols = [...t.monthCols.map((m) => m.col), ...t.yearTotalCols.map((y) => y.col), ...(t.totalCol ? [t.totalCol.col] : [])];
  if (new Set(cols).size !== cols.length || new Set(t.rows.map((r) => r.row)).size !== t.rows.length) return undefined;
  const rows: number[] = [];
  const cells: AmountCell[][] = [];
  const m = t.monthCols.length;
  const y = t.yearTotalCols.length;
  // each cell where its row and column say (else: by position), kept (in `found`) if a SUM can find text under it; one
  // function for the table and an array per row only where it keeps a cell, sorted only if its columns are not in order
  let found: AmountCell[] = [];
  const keep = (a: AmountCell, row: number, col: number) => {
    if (a.row !== row || a.col !== col) return false;
    if (isTextAmount(a) || a.formula) found.push(a);
    return true;
  };
  for (let k = 0; k < t.rows.length; k++) {
    const r = t.rows[k];
    if (r.months.length > m || r.yearTotals.length > y || (r.total && !t.totalCol)) return undefined;
    for (let i = 0; i < r.months.length; i++) if (!keep(r.months[i], r.row, t.monthCols[i].col)) return undefined;
    for (let i = 0; i < r.yearTotals.length; i++) if (!keep(r.yearTotals[i], r.row, t.yearTotalCols[i].col)) return undefined;
    if (r.total && !keep(r.total, r.row, t.totalCol!.col)) return undefined;
    if (found.length) {
      rows.push(r.row);
      let sorted = true;
      for (let i = 1; i < found.length && sorted; i++) sorted = found[i - 1].col <= found[i].col;
      cells.push(sorted ? found : found.sort((p, q) => p.col - q.col));
      found = [];
    }
  }
  // rows in the order of their numbers (a table's rows are in sheet order: sorted only if not)
  const order = rows.map((_, i) => i);
  if (rows.some((r, i) => i > 0 && r < rows[i - 1])) order.sort((p, q) => rows[p] - rows[q]);
  return { rows: order.map((i) => rows[i]), cells: order.map((i) => cells[i]) };
}

/** The table's amount cells by position. */
function cellsOf(t: BudgetTable): Map<number, AmountCell> {
  const m = new Map<number, AmountCell>();
  for (const r of t.rows) {
    for (const a of r.months) m.set(a.row * KEY + a.col, a);
    for (const a of r.yearTotals) m.set(a.row * KEY + a.col, a);
    if (r.total) m.set(r.total.row * KEY + r.total.col, r.total);
  }
  return m;
}

/** Text amounts a SUM formula covers on its own sheet, directly or under the SUMs it covers (cells by key). */
function textUnder(a: AmountCell, t: BudgetTable, cells: Reachable, memo: Map<AmountCell, Map<number, number>>): Map<number, number> {
  const hit = memo.get(a);
  if (hit) return hit;
  const out = new Map<number, number>();
  memo.set(a, out);
  for (const r of ownSheetRanges(a.formula, t.sheet)) {
    for (let i = lowerBound(cells.rows, r.r1); i < cells.rows.length && cells.rows[i] <= r.r2; i++) {
      for (const c of cells.cells[i]) {
        if (c.col < r.c1) continue;
        if (c.col > r.c2) break;
        if (c === a) continue;
        const k = c.row * KEY + c.col;
        if (isTextAmount(c)) out.set(k, c.ore!);
        else if (c.formula) for (const [k2, v] of textUnder(c, t, cells, memo)) out.set(k2, v);
      }
    }
  }
  return out;
}

/** Text amounts a SUM formula covers, as textUnder, walking its ranges cell by cell (for a table whose cells share a
 * position, where the last one there is the one a SUM finds). */
function textUnderByCell(a: AmountCell, t: BudgetTable, cells: Map<number, AmountCell>, memo: Map<AmountCell, Map<number, number>>): Map<number, number> {
  const hit = memo.get(a);
  if (hit) return hit;
  const out = new Map<number, number>();
  memo.set(a, out);
  for (const r of ownSheetRanges(a.formula, t.sheet)) {
    for (let row = r.r1; row <= r.r2; row++) {
      for (let col = r.c1; col <= r.c2; col++) {
        const k = row * KEY + col;
        const c = cells.get(k);
        if (!c || c === a) continue;
        if (isTextAmount(c)) out.set(k, c.ore!);
        else if (c.formula) for (const [k2, v] of textUnderByCell(c, t, cells, memo)) out.set(k2, v);
      }
    }
  }
  return out;
}

/**
 * arithmetic/total-mismatch findings for total cells whose SUM skips text amounts: what Excel displays (actual) against
 * what the lines hold (expected). One per row; a total row whose skipped text sits only in rows already reported is
 * the same cause and is left out.
 */
export function textUnderSum(t: BudgetTable): FindingBody<{ what: 'text'; count: number; formula?: string }>[] {
  // most tables hold no amount typed as text: look before indexing every cell
  if (!tableCensus(t).flags.some((f) => (f & TEXT_AMOUNT) !== 0)) return [];
  const memo = new Map<AmountCell, Map<number, number>>();
  const reachable = reachableOf(t);
  const byCell = reachable ? undefined : cellsOf(t);
  const covered = (a: AmountCell) => (reachable ? textUnder(a, t, reachable, memo) : textUnderByCell(a, t, byCell!, memo));
  const out: ReturnType<typeof textUnderSum> = [];
  const reportedRows = new Set<number>();
  /** The row's finding at cell `a`, if its SUM covers text not all in rows already reported (then true: the row's one). */
  const reported = (row: BudgetRow, a: AmountCell): boolean => {
    if (a.status !== 'number' || !a.formula) return false;
    const under = covered(a);
    if (!under.size) return false;
    const rows = new Set([...under.keys()].map((k) => Math.floor(k / KEY)));
    if ([...rows].every((r) => reportedRows.has(r) || r === row.row)) {
      if (row.kind === 'total' || row.kind === 'financing-total') return false;
    }
    const skipped = [...under.values()].reduce((s, v) => s + v, 0);
    out.push({
      sheet: row.sheet,
      row: row.row,
      cell: a.cell,
      post: row.post || undefined,
      expected: a.ore,
      actual: a.ore! - skipped,
      args: { what: 'text', count: under.size, formula: a.formula },
    });
    for (const r of rows) reportedRows.add(r);
    reportedRows.add(row.row);
    return true;
  };
  // Lines first, then total rows; each row's total, per-year totals, months, up to its first finding. Indexed loops,
  // not the rows and cells copied into arrays and walked with for…of (whose iterator objects code that V8 has not
  // optimised allocates per cell: textUnderSum allocated 19,6 → 8,5 MB on the 600-file pile, --jobs 1).
  const rows = t.rows;
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const k = row.kind;
      if (pass === 0 ? k !== 'item' && k !== 'financing' : k !== 'total' && k !== 'financing-total') continue;
      if (row.total && reported(row, row.total)) continue;
      let done = false;
      for (let j = 0; j < row.yearTotals.length && !done; j++) done = reported(row, row.yearTotals[j]);
      for (let j = 0; j < row.months.length && !done; j++) done = reported(row, row.months[j]);
    }
  }
  return out;
}
