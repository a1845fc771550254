// arithmetic/total-mismatch: a total row or subtotal column differs from the sum it stands for, recomputed from the lines.
import type { AmountCell, BudgetRow, BudgetTable } from '../../model/types.js';
import type { FindingBody } from '../../finding-shape.js';
import { budgetRule } from '../types.js';
import { knownNumber, tolerance } from '../util.js';
import { checkSummary } from './summary.js';
import { textUnderSum } from './text-in-sum.js';

type Column = { col: number; pick: (r: BudgetRow) => AmountCell | undefined };

function columns(t: BudgetTable): Column[] {
  const cols: Column[] = t.monthCols.map((m, i) => ({ col: m.col, pick: (r: BudgetRow) => r.months[i] }));
  t.yearTotalCols.forEach((y, i) => cols.push({ col: y.col, pick: (r) => r.yearTotals[i] }));
  if (t.totalCol) cols.push({ col: t.totalCol.col, pick: (r) => r.total });
  return cols;
}

/** Sum of the column over rows, or undefined when a value is not known. */
function sumOf(rows: BudgetRow[], c: Column): number | undefined {
  let s = 0;
  for (const r of rows) {
    const a = c.pick(r);
    if (!a || a.status === 'blank') continue;
    if (!knownNumber(a)) return undefined;
    s += a.ore;
  }
  return s;
}

function checkTotalRows(t: BudgetTable, tol: number, out: FindingBody<Args>[]): void {
  const cols = columns(t);
  let segmentStart = 0;
  let sectionStart = 0;
  const priorTotals: BudgetRow[] = [];
  const priorFinTotals: BudgetRow[] = [];
  t.rows.forEach((row, idx) => {
    if (row.kind === 'section') sectionStart = idx + 1;
    if (row.headingTotal) {
      // a heading's subtotal stands for the lines below it, up to the next heading or total
      sectionStart = idx + 1;
      const end = t.rows.findIndex((r, j) => j > idx && (r.kind === 'section' || r.kind === 'total' || r.kind === 'financing-total'));
      const below = t.rows.slice(idx + 1, end < 0 ? t.rows.length : end).filter((r) => r.kind === 'item');
      const bad = cols.map((c) => ({ a: c.pick(row), s: sumOf(below, c) })).find((x) => knownNumber(x.a) && x.s !== undefined && Math.abs(x.s - x.a.ore) > tol);
      if (bad)
        out.push({
          sheet: row.sheet,
          row: row.row,
          cell: bad.a!.cell,
          post: row.post || undefined,
          expected: bad.s,
          actual: bad.a!.ore,
          args: { what: 'row', count: 1, formula: bad.a!.formula },
        });
      priorTotals.push(row);
      return;
    }
    if (row.kind !== 'total' && row.kind !== 'financing-total') return;
    const lineKind = row.kind === 'total' ? 'item' : 'financing';
    const above = t.rows.slice(0, idx);
    const segment = t.rows.slice(segmentStart, idx).filter((r) => r.kind === lineKind);
    // a subtotal ("Løn i alt") stands for its section's lines, even when an earlier section had no subtotal
    const section = t.rows.slice(Math.max(sectionStart, segmentStart), idx).filter((r) => r.kind === lineKind);
    const all = above.filter((r) => r.kind === lineKind);
    const prior = row.kind === 'total' ? priorTotals : priorFinTotals;
    const bad: Array<{ a: AmountCell & { ore: number }; expected: number }> = [];
    for (const c of cols) {
      const a = c.pick(row);
      if (!knownNumber(a)) continue;
      const seg = sumOf(segment, c);
      // the section's lines are a candidate only where the segment's are known (text among them could be anything)
      const cands = [
        seg,
        section.length && seg !== undefined ? sumOf(section, c) : undefined,
        sumOf(all, c),
        prior.length ? sumOf(prior, c) : undefined,
      ].filter((x): x is number => x !== undefined);
      if (!cands.length) continue;
      if (cands.some((x) => Math.abs(x - a.ore) <= tol)) continue;
      const expected = (segment.length ? sumOf(segment, c) : prior.length ? sumOf(prior, c) : sumOf(all, c)) ?? cands[0];
      bad.push({ a, expected });
    }
    if (bad.length) {
      out.push({
        sheet: row.sheet,
        row: row.row,
        cell: bad[0].a.cell,
        post: row.post || undefined,
        expected: bad[0].expected,
        actual: bad[0].a.ore,
        args: { what: 'row', count: bad.length, formula: bad[0].a.formula },
      });
    }
    prior.push(row);
    segmentStart = idx + 1;
  });
}

function checkYearTotals(t: BudgetTable, tol: number, out: FindingBody<Args>[]): void {
  t.yearTotalCols.forEach((y, i) => {
    const idx = t.monthCols.map((m, j) => (m.month.startsWith(`${y.year}-`) ? j : -1)).filter((j) => j >= 0);
    if (!idx.length) return;
    // Lines first: when a line's year total is wrong, the total rows below repeat its difference, so they are skipped.
    const ordered = [
      ...t.rows.filter((r) => r.kind === 'item' || r.kind === 'financing'),
      ...t.rows.filter((r) => r.kind === 'total' || r.kind === 'financing-total'),
    ];
    let lineWrong = false;
    for (const row of ordered) {
      if ((row.kind === 'total' || row.kind === 'financing-total') && lineWrong) break;
      const a = row.yearTotals[i];
      if (!knownNumber(a)) continue;
      let s = 0;
      let known = true;
      for (const j of idx) {
        const m = row.months[j];
        if (m.status === 'blank') continue;
        if (!knownNumber(m)) known = false;
        else s += m.ore;
      }
      if (!known || Math.abs(s - a.ore) <= tol) continue;
      if (row.kind === 'item' || row.kind === 'financing') lineWrong = true;
      out.push({
        sheet: row.sheet,
        row: row.row,
        cell: a.cell,
        post: row.post || undefined,
        expected: s,
        actual: a.ore,
        args: { what: 'year', year: y.year!, formula: a.formula },
      });
    }
  });
}

/** The args of an arithmetic/total-mismatch finding. */
type Args = { what: 'row' | 'column' | 'year' | 'summary' | 'text'; count?: number; year?: number; formula?: string };

export default budgetRule<Args>()({
  id: 'arithmetic/total-mismatch',
  severity: 'error',
  check: ({ budget, pool }, finding) => {
    const out: FindingBody<Args>[] = [];
    const tol = tolerance(pool);
    // A summary sheet's own totals against its lines, then its lines against the year sheets they sum.
    for (const s of budget.summaries) {
      checkTotalRows(s, tol, out);
      checkYearTotals(s, tol, out);
      for (const f of checkSummary(budget, s, tol, out)) out.push(f);
    }
    for (const t of budget.tables) {
      // Text amounts under a SUM first: Excel shows less than the lines hold, and the other checks read the text as the
      // amounts it says.
      for (const f of textUnderSum(t)) out.push(f);
      checkTotalRows(t, tol, out);
      checkYearTotals(t, tol, out);
      // A total row's own total column against its months; skipped when a line's total already differs from its
      // months (distribution/sum-mismatch reports that cause, and the difference would only repeat here).
      // (A line with a total and blank months counts too: distribution/not-distributed reports it.)
      const lineMismatch = t.rows.some(
        (r) =>
          r.kind === 'item' &&
          knownNumber(r.total) &&
          r.months.every((m) => m.status === 'blank' || knownNumber(m)) &&
          Math.abs(r.months.reduce((x, m) => x + (m.ore ?? 0), 0) - r.total.ore) > tol,
      );
      if (t.totalCol && t.monthCols.length && !lineMismatch) {
        for (const row of t.rows) {
          if (row.kind !== 'total' && row.kind !== 'financing-total') continue;
          if (!knownNumber(row.total) || !row.months.every((m) => m.status === 'blank' || knownNumber(m))) continue;
          const s = row.months.reduce((x, m) => x + (m.ore ?? 0), 0);
          if (s === 0 || Math.abs(s - row.total.ore) <= tol) continue;
          if (out.some((f) => f.sheet === row.sheet && f.row === row.row)) continue;
          out.push({
            sheet: row.sheet,
            row: row.row,
            cell: row.total.cell,
            post: row.post || undefined,
            expected: s,
            actual: row.total.ore,
            args: { what: 'column', formula: row.total.formula },
          });
        }
      }
    }
    return out.map((f) => finding(f));
  },
});
