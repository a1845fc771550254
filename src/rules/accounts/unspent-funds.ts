// accounts/unspent-funds: 500 kr. or more of the grant not spent, to be repaid (warning).
import { oreFromKroner } from '../../money.js';
import { accountsRule, expenseTotal, grantOf } from './util.js';

/** The args of an accounts/unspent-funds finding. */
type Args = { unspent: number; source: 'accounts' | 'budget'; deMinimis: number };

export default accountsRule<Args>()({
  id: 'accounts/unspent-funds',
  severity: 'warning',
  check: ({ accounts, approved, pool }, finding) => {
    const grant = grantOf(accounts, approved);
    if (!grant) return [];
    const unspent = grant.ore - accounts.actualTotal;
    if (unspent < oreFromKroner(pool.thresholds.repayDeMinimis)) return [];
    const total = expenseTotal(accounts);
    return [
      finding({
        sheet: grant.sheet ?? total?.sheet ?? accounts.sheet,
        row: grant.row ?? total?.row,
        cell: grant.cell ?? total?.actual?.cell,
        expected: grant.ore,
        actual: accounts.actualTotal,
        args: { unspent, source: grant.source, deMinimis: oreFromKroner(pool.thresholds.repayDeMinimis) },
      }),
    ];
  },
});
