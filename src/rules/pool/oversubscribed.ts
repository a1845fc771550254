// pool/oversubscribed: the applications of a batch together ask for more than the pool holds (info, with the ratio).
import { oreFromKroner } from '../../money.js';
import type { RawFinding } from '../../types.js';
import type { BatchRule } from '../types.js';
import { askedFor } from '../../model/requested.js';
import { compareText } from '../../order.js';

const rule: BatchRule = {
  id: 'pool/oversubscribed',
  severity: 'info',
  scope: 'batch',
  check: ({ files, pools }) => {
    const out: RawFinding[] = [];
    for (const pool of [...pools.values()].sort((a, b) => compareText(a.id, b.id))) {
      const mine = files.filter((f) => f.pool === pool.id);
      const asked = mine.map(askedFor).filter((x): x is number => x !== undefined);
      const total = asked.reduce((s, x) => s + x, 0);
      if (pool.funds === undefined) continue; // a funder that publishes no total
      const funds = oreFromKroner(pool.funds);
      if (total <= funds || funds === 0) continue;
      out.push({
        rule: 'pool/oversubscribed',
        expected: funds,
        actual: total,
        args: { pool: pool.id, files: asked.length, over: total - funds, ratio: Math.round((total / funds) * 100) / 100 },
      });
    }
    return out;
  },
};
export default rule;
