// Amounts in thousands of kroner that the sheet does not say are: the lines whose units × unit price (in kroner) is a
// thousand times their amount. One root cause, whichever rule meets it (itemisation/unit-price-mismatch reports it
// once; cap/requested-mismatch does not repeat it).
import { lineFacts, type LineFacts } from '../itemise/line-facts.js';
import type { PoolProfile } from '../pools/schema.js';
import type { Budget } from '../model/types.js';
import { amountsUnreliable } from './util.js';

/** A factor of 1000 as amounts rounded to thousands show it (8,9 for 8.920 kr.): within 5 %. */
export const nearThousandfold = (kroner: number, thousands: number) => thousands > 0 && Math.abs(kroner / thousands - 1000) <= 50;

const cache = new WeakMap<Budget, WeakMap<PoolProfile, LineFacts[]>>();

/**
 * The lines of sheets that state no unit (read at scale 1) whose units × unit price is a thousand times their amount,
 * where that is evident: two such lines at least, and no line whose units × unit price agrees with its amount in
 * kroner (a sheet of lines in kroner has its odd line wrong, not its unit). [] when not evident.
 */
export function unstatedThousands(budget: Budget, pool: PoolProfile): LineFacts[] {
  let byPool = cache.get(budget);
  if (!byPool) cache.set(budget, (byPool = new WeakMap()));
  const hit = byPool.get(pool);
  if (hit) return hit;
  const scaleOf = new Map(budget.tables.map((t) => [t.sheet, t.scale ?? 1]));
  const priced = lineFacts(budget, pool).filter(
    (f) => f.unitPrice && f.line.total > 0 && !amountsUnreliable(f.line) && f.line.rows.every((r) => scaleOf.get(r.sheet) === 1),
  );
  const thousandfold = priced.filter((f) => nearThousandfold(f.unitPrice!.totalOre, f.line.total));
  const agree = priced.some((f) => Math.abs(f.unitPrice!.totalOre - f.line.total) <= Math.max(100, f.unitPrice!.totalOre * 0.005));
  const out = thousandfold.length >= 2 && !agree ? thousandfold : [];
  byPool.set(pool, out);
  return out;
}
