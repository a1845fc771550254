// structure/formula-error: an error value (#REF!, #DIV/0!, #VALUE!, #NAME?, #N/A) in a cell that matters.
import { colNumber, parseA1 } from '../../read/address.js';
import { CIRCULAR, NOT_COMPUTED } from '../../model/amount.js';
import type { AmountCell } from '../../model/types.js';
import { budgetRule } from '../types.js';
import { amountCells, M_ERROR, M_UNKNOWN, tableCensus, Y_ERROR, Y_UNKNOWN } from '../util.js';
import { cellKey, dependsOn, formulaAt } from '../precedents.js';

/** The cells of this sheet a formula refers to (A1 references and ranges; other sheets' skipped), at most `max`. */
function referenced(formula: string, max = 10_000): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const REF = /(!)?(?<![A-Za-z0-9_])\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?(?![A-Za-z0-9_(])/g;
  for (const m of formula.replace(/"[^"]*"/g, '""').matchAll(REF)) {
    if (m[1]) continue;
    const [c1, r1] = [colNumber(m[2]), Number(m[3])];
    const [c2, r2] = m[4] ? [colNumber(m[4]), Number(m[5])] : [c1, r1];
    for (let r = Math.min(r1, r2); r <= Math.max(r1, r2); r++)
      for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c++) {
        if (out.length >= max) return out;
        out.push([r, c]);
      }
  }
  return out;
}

/** The args of a structure/formula-error finding. */
type Args = { error: string; formula?: string };

export default budgetRule<Args>()({
  id: 'structure/formula-error',
  severity: 'error',
  check: ({ budget, workbook }, finding) => {
    const out: ReturnType<typeof finding>[] = [];
    const errors: Array<{ a: AmountCell; post: string; notComputed?: boolean }> = [];
    for (const t of budget.tables) {
      const { flags } = tableCensus(t);
      for (let i = 0; i < t.rows.length; i++) {
        const row = t.rows[i];
        if (!(flags[i] & (M_ERROR | Y_ERROR | M_UNKNOWN | Y_UNKNOWN))) continue;
        // an error value, or a line's formula saved with no result (a script's file) that cannot be computed here
        // (=PRODUCT(J10;0,12), =VLOOKUP(…)): its amount is unknown, left out of the expenses — never a silent 0. A
        // warning, not an error: the sheet may well be right (Excel computes it on opening), only this check cannot
        // tell. A total row's unknown cell loses nothing (the lines are what is counted) and is not reported, nor is a stray
        // formula on a row that names no post (an array formula far below the table).
        for (const a of amountCells(row))
          if (a.status === 'error') errors.push({ a, post: row.post });
          else if (a.status === 'unknown' && a.formula && row.post.trim() && (row.kind === 'item' || row.kind === 'financing'))
            errors.push({ a, post: row.post, notComputed: true });
      }
    }
    // Report where an error starts, not every cell it spreads to: a cell whose formula draws on an error cell (a SUM
    // over it, =I7+I12+I15, ='Budget 2021'!J12, through other formulas too) shows that error only.
    const isError = new Set(errors.map((e) => cellKey(e.a.sheet, e.a.row, e.a.col)));
    // (a circular reference's cells draw on one another: the first of them is reported, below)
    const inherited = (a: AmountCell) => a.raw !== CIRCULAR && !!a.formula && dependsOn(workbook, a.sheet, a.row, a.formula, isError);
    // One circular reference is one finding: of the cells that refer to one another round a cycle (B2 = C2, C2 = B2),
    // the first is reported.
    const circular = new Map(errors.filter((e) => e.a.raw === CIRCULAR).map((e) => [`${e.a.sheet}!${e.a.row}:${e.a.col}`, e.a]));
    const root = new Map<string, string>();
    const find = (k: string): string => {
      let r = k;
      while (root.has(r) && root.get(r) !== r) r = root.get(r)!;
      return r;
    };
    for (const [k, a] of circular) {
      if (!root.has(k)) root.set(k, k);
      for (const [row, col] of a.formula ? referenced(a.formula) : []) {
        const other = `${a.sheet}!${row}:${col}`;
        if (other === k || !circular.has(other)) continue;
        if (!root.has(other)) root.set(other, other);
        const [x, y] = [find(k), find(other)];
        if (x !== y) root.set(x < y ? y : x, x < y ? x : y);
      }
    }
    const cycleReported = new Set<string>();
    // a formula not computed is one finding for its row (a line of 33 such months is one cause, filled along the row)
    const notComputedRows = new Set<string>();
    // Cells that all draw on one another (a chain round a cycle longer than the evaluator follows, each given up on
    // as too deep) each inherit from the next: where every error would be left out so, the first is the one reported.
    const kept = errors.filter((e) => !inherited(e.a));
    const firstError = errors.find((e) => !e.notComputed);
    if (firstError && !kept.some((e) => !e.notComputed)) kept.unshift(firstError);
    for (const { a, post, notComputed } of kept) {
      if (notComputed) {
        const key = `${a.sheet}!${a.row}`;
        if (notComputedRows.has(key)) continue;
        notComputedRows.add(key);
      }
      if (a.raw === CIRCULAR) {
        const cycle = find(`${a.sheet}!${a.row}:${a.col}`);
        if (cycleReported.has(cycle)) continue;
        cycleReported.add(cycle);
      }
      out.push(
        finding({
          sheet: a.sheet,
          row: a.row,
          cell: a.cell,
          post: post || undefined,
          ...(notComputed ? { severity: 'warning' as const } : {}),
          args: { error: notComputed ? NOT_COMPUTED : (a.raw ?? '#VALUE!'), formula: a.formula },
        }),
      );
    }
    for (const f of ['requested', 'granted'] as const) {
      const u = budget.metadata.unparsed.find((x) => x.field === f && /^#/.test(x.raw));
      if (!u) continue;
      // (an Ansøgt beløb that refers to a budget cell with the error shows that error only)
      const at = u.cell ? parseA1(u.cell) : undefined;
      const formula = at && formulaAt(workbook, u.sheet, at.row, at.col);
      if (formula && dependsOn(workbook, u.sheet, at.row, formula, isError)) continue;
      out.push(finding({ sheet: u.sheet, row: u.row, cell: u.cell, args: { error: u.raw } }));
    }
    return out;
  },
});
