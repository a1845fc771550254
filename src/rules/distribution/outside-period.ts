// distribution/outside-period: money in months before the project starts or after it ends. A stated project period
// (metadata) that itself lies outside the pool's period is one finding at the stated period's cell: the lines that
// follow the stated period get no finding of their own for that cause (lines outside the stated period still do).
import { addMonth } from '../../model/months.js';
import { budgetRule } from '../types.js';
import { allRows, fieldCell, monthRuns, periodMonths } from '../util.js';

/** The args of a distribution/outside-period finding. */
type Args = {
  months: string[];
  start: string;
  end: string;
  source: 'metadata' | 'pool';
  stated?: boolean;
  statedStart?: string;
  statedEnd?: string;
  /** The stated period lies wholly outside the pool's. */
  wholly?: boolean;
  /** 3: the months are quarter columns' (each its quarter's first month). */
  span?: 3;
};

export default budgetRule<Args>()({
  id: 'distribution/outside-period',
  severity: 'error',
  check: ({ budget, pool, workbook }, finding) => {
    const p = budget.period;
    if (!p) return [];
    const out: ReturnType<typeof finding>[] = [];
    const stated = budget.metadata.period;
    // the period the lines are held to: the stated one, or the pool's where the stated one lies wholly outside it (a
    // mistyped year: that finding is the cause, and lines within the pool's period are not outside for it)
    let lines: { start: string; end: string } = p;
    const pp = pool.period;
    if (pp && p.source === 'metadata' && stated && (p.start < pp.start || p.end > pp.end)) {
      const outside = (m: string) => m < pp.start || m > pp.end;
      const all = periodMonths(p.start, p.end);
      const months = all.filter(outside);
      const wholly = months.length === all.length;
      const amount = allRows(budget)
        .filter((r) => r.kind === 'item')
        .flatMap((r) => r.months)
        .filter((m) => m.status === 'number' && m.ore !== 0 && outside(m.month) && m.month >= p.start && m.month <= p.end)
        .reduce((s, m) => s + m.ore!, 0);
      // A period stated as Projektstart and Projektslut: when only the end is outside, point at Projektslut.
      const periodField = fieldCell(workbook, 'period');
      const fromStartEnd = !periodField || periodField.sheet !== stated.sheet || periodField.row !== stated.row;
      const endCell = p.start >= pp.start && fromStartEnd ? fieldCell(workbook, 'end') : undefined;
      const at = endCell ?? stated;
      out.push(
        finding({
          sheet: at.sheet,
          row: at.row,
          cell: at.cell,
          actual: amount,
          args: {
            stated: true,
            months: monthRuns(months),
            start: pp.start,
            end: pp.end,
            statedStart: p.start,
            statedEnd: p.end,
            source: 'pool',
            ...(wholly ? { wholly: true } : {}),
          },
        }),
      );
      if (wholly) lines = pp;
    }
    const source = lines === p ? p.source : 'pool';
    for (const t of budget.tables) {
      // Which month columns lie outside (a quarter column only when all its months do): a row's month cells are its
      // table's month columns, so a table with none outside is passed over without reading its cells.
      const outsideCol = t.monthCols.map((c) => (c.span ? addMonth(c.month, c.span - 1) : c.month) < lines.start || c.month > lines.end);
      if (!outsideCol.includes(true)) continue;
      // quarter columns are named as quarters (each one, not a run of first months)
      const quarters = t.monthCols.some((c, i) => outsideCol[i] && c.span === 3);
      for (const row of t.rows) {
        if (row.kind !== 'item') continue;
        const outside = row.months.filter((m, i) => outsideCol[i] && m.status === 'number' && m.ore !== 0);
        if (!outside.length) continue;
        const amount = outside.reduce((s, m) => s + m.ore!, 0);
        out.push(
          finding({
            sheet: row.sheet,
            row: row.row,
            cell: outside[0].cell,
            post: row.post || undefined,
            actual: amount,
            args: quarters
              ? { months: outside.map((m) => m.month), start: lines.start, end: lines.end, source, span: 3 }
              : { months: monthRuns(outside.map((m) => m.month)), start: lines.start, end: lines.end, source },
          }),
        );
      }
    }
    return out;
  },
});
