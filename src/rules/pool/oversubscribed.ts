// pool/oversubscribed: the applications of a batch together ask for more than the pool holds (info, with the ratio).
import { oreFromKroner } from '../../money.js';
import { batchRule } from '../types.js';
import { askedFor } from '../../model/requested.js';
import { compareText } from '../../order.js';

/** The args of a pool/oversubscribed finding. */
type Args = { pool: string; files: number; over: number; ratio: number };

export default batchRule<Args>()({
  id: 'pool/oversubscribed',
  severity: 'info',
  check: ({ files, pools }, finding) => {
    const out: ReturnType<typeof finding>[] = [];
    for (const pool of [...pools.values()].sort((a, b) => compareText(a.id, b.id))) {
      const mine = files.filter((f) => f.pool === pool.id);
      const asked = mine.map(askedFor).filter((x): x is number => x !== undefined);
      const total = asked.reduce((s, x) => s + x, 0);
      if (pool.funds === undefined) continue; // a funder that publishes no total
      const funds = oreFromKroner(pool.funds);
      if (total <= funds || funds === 0) continue;
      out.push(
        finding({
          expected: funds,
          actual: total,
          args: { pool: pool.id, files: asked.length, over: total - funds, ratio: Math.round((total / funds) * 100) / 100 },
        }),
      );
    }
    return out;
  },
});
