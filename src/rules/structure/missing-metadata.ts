// structure/missing-metadata: applicant, CVR, requested amount or period not stated in the workbook (warning).
import { budgetRule } from '../types.js';

export default budgetRule({
  id: 'structure/missing-metadata',
  severity: 'warning',
  check: ({ budget }) => {
    if (!budget.tables.length) return [];
    const m = budget.metadata;
    const missing: string[] = [];
    if (!m.applicant) missing.push('applicant');
    if (!m.cvr) missing.push('cvr');
    if (!m.requested) missing.push('requested');
    if (!m.period) missing.push('period');
    if (!missing.length) return [];
    return [{ rule: 'structure/missing-metadata', sheet: m.sheet, args: { fields: missing } }];
  },
});
