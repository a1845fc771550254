// eligibility/vat-included: the budget is stated incl. moms by an applicant that gets VAT refunded (a municipality).
import { budgetRule } from '../types.js';

export default budgetRule({
  id: 'eligibility/vat-included',
  severity: 'error',
  check: ({ budget, pool }) => {
    const vat = budget.metadata.vat;
    if (pool.vatEligible || !vat || vat.value !== 'incl') return [];
    return [{ rule: 'eligibility/vat-included', sheet: vat.sheet, row: vat.row, cell: vat.cell, args: { applicants: pool.applicants.type, raw: vat.raw } }];
  },
});
