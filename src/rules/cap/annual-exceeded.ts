// cap/annual-exceeded: the expenses of one calendar year exceed the pool's annual cap.
import { oreFromKroner } from '../../money.js';
import { budgetRule } from '../types.js';

/** The args of a cap/annual-exceeded finding. */
type Args = { year: number };

export default budgetRule<Args>()({
  id: 'cap/annual-exceeded',
  severity: 'error',
  check: ({ budget, pool }, finding) => {
    if (pool.annualCap === undefined) return [];
    const cap = oreFromKroner(pool.annualCap);
    const perYear = new Map<number, number>();
    for (const line of budget.lines) for (const [m, ore] of line.months) perYear.set(Number(m.slice(0, 4)), (perYear.get(Number(m.slice(0, 4))) ?? 0) + ore);
    const out: ReturnType<typeof finding>[] = [];
    for (const [year, ore] of [...perYear].sort((a, b) => a[0] - b[0])) {
      if (ore <= cap) continue;
      const t = budget.tables.find((tt) => tt.monthCols.some((m) => m.month.startsWith(`${year}-`)));
      const yc = t?.yearTotalCols.find((c) => c.year === year);
      const mc = t?.monthCols.find((m) => m.month.startsWith(`${year}-`));
      out.push(finding({ sheet: t?.sheet, row: t?.headerRow, cell: yc?.cell ?? mc?.cell, expected: cap, actual: ore, args: { year } }));
    }
    return out;
  },
});
