// pool/oversubscribed: the applications of a batch together ask for more than the pool holds (info, with the ratio).
// An applicant (CVR) with several budgets in the batch (pool/duplicate-applicant) is one application: counted once, at
// its largest request — a resubmission or a duplicate does not ask for the money twice, and the largest is what the pool
// may have to cover whichever version is the valid one (independent of the files' order).
import { oreFromKroner } from '../../money.js';
import { batchRule } from '../types.js';
import { applications } from '../../model/requested.js';
import { compareText } from '../../order.js';

/** The args of a pool/oversubscribed finding: `files` the applications counted; `duplicates` the budgets of an applicant
 * already counted (left out), `leftOut` what they ask for (øre). */
type Args = { pool: string; files: number; over: number; ratio: number; duplicates?: number; leftOut?: number };

export default batchRule<Args>()({
  id: 'pool/oversubscribed',
  severity: 'info',
  check: ({ files, pools }, finding) => {
    const out: ReturnType<typeof finding>[] = [];
    for (const pool of [...pools.values()].sort((a, b) => compareText(a.id, b.id))) {
      if (pool.funds === undefined) continue; // a funder that publishes no total
      // one request per application: an applicant's budgets (by a valid CVR) as one, at the largest
      const { total, count, duplicates, leftOut } = applications(files.filter((f) => f.pool === pool.id));
      const funds = oreFromKroner(pool.funds);
      if (total <= funds || funds === 0) continue;
      out.push(
        finding({
          expected: funds,
          actual: total,
          args: {
            pool: pool.id,
            files: count,
            over: total - funds,
            ratio: Math.round((total / funds) * 100) / 100,
            ...(duplicates ? { duplicates, leftOut } : {}),
          },
        }),
      );
    }
    return out;
  },
});
