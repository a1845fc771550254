// cap/pool-exceeded: the budget's expenses exceed the pool's total funds.
import { oreFromKroner } from '../../money.js';
import { budgetRule } from '../types.js';
import { grandTotalRow, requestedAmount } from '../../model/requested.js';

export default budgetRule({
  id: 'cap/pool-exceeded',
  severity: 'error',
  check: ({ budget, pool }) => {
    if (pool.funds === undefined) return []; // a funder that publishes no total
    const funds = oreFromKroner(pool.funds);
    // Where the grant covers only part of the costs, the grant asked for is what the funds bound.
    const asked = pool.coFinancing ? requestedAmount(budget) : budget.expenses;
    if (asked <= funds) return [];
    const row = grandTotalRow(budget);
    return [
      {
        rule: 'cap/pool-exceeded',
        sheet: row?.sheet ?? budget.tables[0]?.sheet,
        row: row?.row,
        cell: row?.total?.cell ?? row?.postCell,
        expected: funds,
        actual: asked,
        args: { pool: pool.id, basis: pool.coFinancing ? 'requested' : 'expenses' },
      },
    ];
  },
});
