// accounts/total-exceeds-grant: actual spending above the granted amount.
import { accountsRule, expenseTotal, grantOf, otherFinancing, roundingAllowance } from './util.js';

/** The args of an accounts/total-exceeds-grant finding. */
type Args = { source: 'accounts' | 'budget' };

export default accountsRule<Args>()({
  id: 'accounts/total-exceeds-grant',
  severity: 'error',
  check: ({ accounts, approved, pool }, finding) => {
    const grant = grantOf(accounts, approved);
    // the spending the own and other financing covers is not the grant's (a grant of 80 % of the costs); posts rounded to
    // whole kroner may sum to a little more than a grant in øre
    if (!grant || accounts.actualTotal <= grant.ore + otherFinancing(accounts, approved) + roundingAllowance(accounts, pool)) return [];
    const total = expenseTotal(accounts);
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
