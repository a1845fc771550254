// structure/no-budget-table: no sheet has a header row with a post column and month or total columns.
import { budgetRule } from '../types.js';

export default budgetRule({
  id: 'structure/no-budget-table',
  severity: 'error',
  check: ({ budget, workbook }) => {
    if (budget.tables.length) return [];
    return [{ rule: 'structure/no-budget-table', sheet: workbook.sheets[0]?.name, args: { sheets: workbook.sheets.map((s) => s.name) } }];
  },
});
