// eligibility/mileage-rate: a km rate above the state's low rate. Above the highest rate in force in any month the line
// spends money in: an error. Above the rate of some of those months only (the rate changed during the project, and a
// budget written before a rate was published cannot know it): a warning.
import { parseKmRate, unitPriceFromColumns } from '../../itemise/index.js';
import type { BudgetRow } from '../../model/types.js';
import type { MileageRate } from '../../pools/schema.js';
import { lineAt, lineFacts, textFacts, type LineTexts } from '../../itemise/line-facts.js';
import { budgetRule } from '../types.js';
import { monthRuns } from '../util.js';

/** The km rate the specification, post or note states, the first that does (once per distinct texts: textFacts). */
const textRate = (t: LineTexts) => [t.spec, t.post, t.note].map((x) => (x ? parseKmRate(x) : undefined)).find(Boolean);

/** The km rate cell of a row (Kr. pr. km, or Takst beside Km). */
function kmRateCell(row: BudgetRow, post: string) {
  const c = row.quantities?.find((q) => q.kind === 'kmRate') ?? row.quantities?.find((q) => q.kind === 'price');
  return { sheet: row.sheet, row: row.row, cell: c?.cell ?? row.postCell, post };
}
import { compareText } from '../../order.js';

/** The finding's figures for a stated rate over the months it is spent in, or undefined when no rate is exceeded. */
function measure(rateAt: (m: string) => MileageRate | undefined, stated: { rateOre: number }, months: string[]) {
  const inForce = [...new Set(months)].sort().flatMap((m) => {
    const r = rateAt(m);
    return r ? [{ m, r, ore: Math.round(r.rate * 100) }] : [];
  });
  const over = inForce.filter((x) => stated.rateOre > x.ore);
  if (!over.length) return undefined;
  const highest = inForce.reduce((a, b) => (b.ore > a.ore ? b : a));
  const all = over.length === inForce.length;
  // Error: the rate the line is measured against is the highest in force; warning: the lowest it exceeds.
  const against = all ? highest : over.reduce((a, b) => (b.ore < a.ore ? b : a));
  return {
    ...(all ? {} : { severity: 'warning' as const }),
    expected: against.ore,
    actual: stated.rateOre,
    // the months of the rate quoted, and apart from them those over another (higher) rate: "1,90 kr./km in 2021" is not
    // the rate of 2020 (1,96), which the line exceeds too
    args: {
      month: against.m,
      months: monthRuns(over.filter((x) => x.ore === against.ore).map((x) => x.m)),
      ...(over.some((x) => x.ore !== against.ore) ? { alsoOver: monthRuns(over.filter((x) => x.ore !== against.ore).map((x) => x.m)) } : {}),
      source: against.r.source,
      some: !all,
      highest: highest.ore,
    },
  };
}

/** The args of an eligibility/mileage-rate finding. */
type Args = { month: string; months: string[]; alsoOver?: string[]; source: string; some: boolean; highest: number };

export default budgetRule<Args>()({
  id: 'eligibility/mileage-rate',
  severity: 'error',
  check: ({ budget, pool }, finding) => {
    if (!pool.mileageRates.length) return [];
    const rates = [...pool.mileageRates].sort((a, b) => compareText(a.from, b.from));
    /** The rate in force on the first day of a month; undefined before the first known rate. */
    const rateAt = (m: string) => [...rates].reverse().find((r) => r.from <= `${m}-01`);
    const out: ReturnType<typeof finding>[] = [];
    for (const f of lineFacts(budget, pool)) {
      if (f.lumpSum) continue;
      // a km rate in a quantity column (Kr. pr. km, or Takst beside Km) before one in the text
      const columns = f.unitPrice?.from === 'columns' && f.unitPrice.kmRateOre !== undefined ? { rateOre: f.unitPrice.kmRateOre } : undefined;
      const stated = columns ?? textFacts(f, textRate);
      if (!stated) continue;
      // A post on several year sheets whose specifications, or whose Kr. pr. km columns, state different rates
      // ("à 1,90 kr." in 2020, "à 2,10 kr." in 2021): each sheet's rate is measured against the months of its own row, at
      // its own cell.
      const own = f.line.rows.map((r) => {
        if (columns) {
          const u = unitPriceFromColumns(r.quantities);
          return { r, rate: u?.kmRateOre !== undefined ? { rateOre: u.kmRateOre } : undefined, at: kmRateCell(r, f.line.post) };
        }
        return {
          r,
          rate: r.spec ? parseKmRate(r.spec.text) : undefined,
          at: { sheet: r.sheet, row: r.row, cell: r.spec?.cell ?? r.postCell, post: f.line.post },
        };
      });
      const parts = own.some((x) => x.rate && x.rate.rateOre !== stated.rateOre)
        ? own.flatMap(({ r, rate, at }) =>
            rate ? [{ rate, months: r.months.filter((m) => m.status === 'number' && m.ore !== 0).map((m) => m.month), at }] : [],
          )
        : [{ rate: stated, months: [...f.line.months.keys()], at: undefined }];
      for (const part of parts) {
        const figures = measure(rateAt, part.rate, part.months);
        if (figures)
          out.push(
            finding({
              ...(part.at ?? (columns && f.unitPrice?.row ? kmRateCell(f.unitPrice.row, f.line.post) : lineAt(f.line, f.line.spec ? 'spec' : 'post'))),
              ...figures,
            }),
          );
      }
    }
    return out;
  },
});
