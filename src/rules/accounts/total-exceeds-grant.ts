// accounts/total-exceeds-grant: actual spending above the granted amount.
import { accountsRule, grantOf } from './util.js';

/** The args of an accounts/total-exceeds-grant finding. */
type Args = { source: 'accounts' | 'budget' };

export default accountsRule<Args>()({
  id: 'accounts/total-exceeds-grant',
  severity: 'error',
  check: ({ accounts, approved }, finding) => {
    const grant = grantOf(accounts, approved);
    if (!grant || accounts.actualTotal <= grant.ore) return [];
    const total = accounts.totals.filter((t) => t.actual?.status === 'number').pop();
    return [
      finding({
        sheet: total?.sheet ?? accounts.sheet,
        row: total?.row,
        cell: total?.actual?.cell,
        post: total?.post,
        expected: grant.ore,
        actual: accounts.actualTotal,
        args: { source: grant.source },
      }),
    ];
  },
});
