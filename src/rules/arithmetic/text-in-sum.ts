// Amounts typed as text ("12.500 kr.") under a SUM: Excel's SUM skips text, so the total shows less than the lines
// hold (often 0). Finds the total cells of a table whose SUM covers such text, directly or through other SUMs.
import type { AmountCell, BudgetTable } from '../../model/types.js';
import type { FindingBody } from '../../finding-shape.js';
import { amountFlags, formulaRanges, TEXT_AMOUNT } from '../util.js';

const KEY = 65536;

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

const isTextAmount = (a: AmountCell) => a.status === 'number' && !a.formula && a.raw !== undefined && a.ore !== 0;

/** Text amounts a SUM formula covers on its own sheet, directly or under the SUMs it covers (cells by key). */
function textUnder(a: AmountCell, t: BudgetTable, cells: Map<number, AmountCell>, memo: Map<AmountCell, Map<number, number>>): Map<number, number> {
  const hit = memo.get(a);
  if (hit) return hit;
  const out = new Map<number, number>();
  memo.set(a, out);
  const ranges = a.formula ? formulaRanges(a.formula) : undefined;
  if (!ranges) return out;
  for (const r of ranges) {
    if (r.sheet && r.sheet.replace(/^'|'$/g, '').replace(/''/g, "'") !== t.sheet) continue;
    if ((r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1) > 4_000_000) continue;
    for (let row = r.r1; row <= r.r2; row++) {
      for (let col = r.c1; col <= r.c2; col++) {
        const k = row * KEY + col;
        const c = cells.get(k);
        if (!c || c === a) continue;
        if (isTextAmount(c)) out.set(k, c.ore!);
        else if (c.formula) for (const [k2, v] of textUnder(c, t, cells, memo)) out.set(k2, v);
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
  if (!t.rows.some((r) => (amountFlags(r) & TEXT_AMOUNT) !== 0)) return [];
  const cells = cellsOf(t);
  const memo = new Map<AmountCell, Map<number, number>>();
  const out: ReturnType<typeof textUnderSum> = [];
  const reportedRows = new Set<number>();
  const ordered = [
    ...t.rows.filter((r) => r.kind === 'item' || r.kind === 'financing'),
    ...t.rows.filter((r) => r.kind === 'total' || r.kind === 'financing-total'),
  ];
  for (const row of ordered) {
    const candidates = [...(row.total ? [row.total] : []), ...row.yearTotals, ...row.months];
    for (const a of candidates) {
      if (a.status !== 'number' || !a.formula) continue;
      const under = textUnder(a, t, cells, memo);
      if (!under.size) continue;
      const rows = new Set([...under.keys()].map((k) => Math.floor(k / KEY)));
      if ([...rows].every((r) => reportedRows.has(r) || r === row.row)) {
        if (row.kind === 'total' || row.kind === 'financing-total') continue;
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
      break;
    }
  }
  return out;
}
