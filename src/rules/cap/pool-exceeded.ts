// cap/pool-exceeded: the budget's expenses exceed the pool's total funds.
import { oreFromKroner } from '../../money.js';
import { budgetRule } from '../types.js';
import { grandTotalRow, requestedAmount } from '../../model/requested.js';

/** The args of a cap/pool-exceeded finding. */
type Args = { pool: string; basis: 'requested' | 'expenses' };

export default budgetRule<Args>()({
  id: 'cap/pool-exceeded',
  severity: 'error',
  check: ({ budget, pool }, finding) => {
    if (pool.funds === undefined) return []; // a funder that publishes no total
    const funds = oreFromKroner(pool.funds);
    // Where the grant covers only part of the costs, the grant asked for is what the funds bound.
    const asked = pool.coFinancing ? requestedAmount(budget) : budget.expenses;
    if (asked <= funds) return [];
    const row = grandTotalRow(budget);
    return [
      finding({
        sheet: row?.sheet ?? budget.tables[0]?.sheet,
        row: row?.row,
        cell: row?.total?.cell ?? row?.postCell,
        expected: funds,
        actual: asked,
        args: { pool: pool.id, basis: pool.coFinancing ? 'requested' : 'expenses' },
      }),
    ];
  },
});
