// cap/pool-exceeded: the budget's expenses exceed the pool's total funds.
import { kr } from '../../money.js';
import { budgetRule } from '../types.js';
import { grandTotalRow } from './amounts.js';

export default budgetRule({
  id: 'cap/pool-exceeded',
  severity: 'error',
  check: ({ budget, pool }) => {
    const funds = kr(pool.funds);
    if (budget.expenses <= funds) return [];
    const row = grandTotalRow(budget);
    return [{
      rule: 'cap/pool-exceeded', sheet: row?.sheet ?? budget.tables[0]?.sheet, row: row?.row, cell: row?.total?.cell ?? row?.postCell,
      expected: funds, actual: budget.expenses, args: { pool: pool.id },
    }];
  },
});
