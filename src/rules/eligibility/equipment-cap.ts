// eligibility/equipment-cap: equipment purchases above the pool's cap (50.000 kr.) in one project year.
import { oreFromKroner } from '../../money.js';
import type { Month } from '../../model/types.js';
import { lineFacts } from '../../itemise/line-facts.js';
import { budgetRule } from '../types.js';
import { compareText } from '../../order.js';

/** Project year number (1, 2, …) of a month, counted from the period start; calendar years without a period. */
function projectYear(m: Month, start: Month | undefined): { key: string; from: Month; to: Month } {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  if (!start) return { key: String(y), from: `${y}-01`, to: `${y}-12` };
  const sy = Number(start.slice(0, 4));
  const sm = Number(start.slice(5, 7));
  const n = Math.floor(((y - sy) * 12 + (mo - sm)) / 12);
  const fy = sy + Math.floor((sm - 1 + n * 12) / 12);
  const fm = ((sm - 1 + n * 12) % 12) + 1;
  const ty = fy + Math.floor((fm - 1 + 11) / 12);
  const tm = ((fm - 1 + 11) % 12) + 1;
  const pad = (x: number) => String(x).padStart(2, '0');
  return { key: `${n + 1}`, from: `${fy}-${pad(fm)}`, to: `${ty}-${pad(tm)}` };
}

/** The args of an eligibility/equipment-cap finding. */
type Args = { year: string; from: string; to: string; lines: number };

export default budgetRule<Args>()({
  id: 'eligibility/equipment-cap',
  severity: 'error',
  check: ({ budget, pool }, finding) => {
    const cap = oreFromKroner(pool.thresholds.equipmentPerYear);
    const years = new Map<string, { from: Month; to: Month; ore: number; lines: Array<{ line: (typeof budget.lines)[number]; ore: number }> }>();
    for (const f of lineFacts(budget, pool)) {
      if (f.category?.category !== 'equipment' || f.category.confidence === 'low') continue;
      for (const [m, ore] of f.line.months) {
        const py = projectYear(m, budget.period?.start);
        const y = years.get(py.key) ?? { from: py.from, to: py.to, ore: 0, lines: [] };
        y.ore += ore;
        const l = y.lines.find((x) => x.line === f.line);
        if (l) l.ore += ore;
        else y.lines.push({ line: f.line, ore });
        years.set(py.key, y);
      }
    }
    const out: ReturnType<typeof finding>[] = [];
    for (const [key, y] of [...years].sort((a, b) => compareText(a[1].from, b[1].from))) {
      if (y.ore <= cap) continue;
      const biggest = [...y.lines].sort((a, b) => b.ore - a.ore)[0].line;
      const row =
        biggest.rows.find((r) => r.months.some((mm) => mm.month >= y.from && mm.month <= y.to && mm.status === 'number' && mm.ore !== 0)) ?? biggest.rows[0];
      const cell = row.months.find((mm) => mm.month >= y.from && mm.month <= y.to && mm.status === 'number' && mm.ore !== 0)?.cell ?? row.postCell;
      out.push(
        finding({
          sheet: row.sheet,
          row: row.row,
          cell,
          post: biggest.post,
          expected: cap,
          actual: y.ore,
          args: { year: key, from: y.from, to: y.to, lines: y.lines.length },
        }),
      );
    }
    return out;
  },
});
