// eligibility/mileage-rate: a km rate above the state's low rate in a month the line spends money in.
import { parseKmRate } from '../../itemise/index.js';
import type { RawFinding } from '../../types.js';
import { lineAt, lineFacts } from '../itemisation/analyse.js';
import { budgetRule } from '../types.js';
import { compareText } from '../../order.js';

export default budgetRule({
  id: 'eligibility/mileage-rate',
  severity: 'error',
  check: ({ budget, pool }) => {
    if (!pool.mileageRates.length) return [];
    const rates = [...pool.mileageRates].sort((a, b) => compareText(a.from, b.from));
    /** The rate in force on the first day of a month; undefined before the first known rate. */
    const rateAt = (m: string) => [...rates].reverse().find((r) => r.from <= `${m}-01`);
    const out: RawFinding[] = [];
    for (const f of lineFacts(budget, pool)) {
      if (f.lumpSum) continue;
      const stated = [f.line.spec, f.line.post, f.line.note].map((t) => (t ? parseKmRate(t) : undefined)).find(Boolean);
      if (!stated) continue;
      const months = [...f.line.months.keys()].sort();
      const over = months.map((m) => ({ m, r: rateAt(m) })).find((x) => x.r && stated.rateOre > Math.round(x.r.rate * 100));
      if (!over) continue;
      out.push({
        rule: 'eligibility/mileage-rate', ...lineAt(f.line, f.line.spec ? 'spec' : 'post'),
        expected: Math.round(over.r!.rate * 100), actual: stated.rateOre, args: { month: over.m, source: over.r!.source },
      });
    }
    return out;
  },
});
