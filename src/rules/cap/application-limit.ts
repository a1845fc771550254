// cap/application-limit: the amount applied for is below the pool's minimum or above its maximum per application.
import { kr } from '../../money.js';
import type { RawFinding } from '../../types.js';
import { budgetRule } from '../types.js';
import { grandTotalRow, requestedAmount } from './amounts.js';

export default budgetRule({
  id: 'cap/application-limit',
  severity: 'error',
  check: ({ budget, pool }) => {
    const { min, max } = pool.application;
    if (min === undefined && max === undefined) return [];
    const asked = requestedAmount(budget);
    const row = grandTotalRow(budget);
    const where = budget.metadata.requested ?? { sheet: row?.sheet, row: row?.row, cell: row?.total?.cell };
    const out: RawFinding[] = [];
    if (max !== undefined && asked > kr(max)) out.push({ rule: 'cap/application-limit', sheet: where.sheet, row: where.row, cell: where.cell, expected: kr(max), actual: asked, args: { bound: 'max' } });
    if (min !== undefined && asked < kr(min)) out.push({ rule: 'cap/application-limit', sheet: where.sheet, row: where.row, cell: where.cell, expected: kr(min), actual: asked, args: { bound: 'min' } });
    return out;
  },
});
