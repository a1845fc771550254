// structure/missing-metadata: applicant, CVR, requested amount or period not stated in the workbook (warning).
// A field whose label is there with an empty input cell is a form not yet filled in, not a missing field.
import { budgetRule } from '../types.js';

export default budgetRule({
  id: 'structure/missing-metadata',
  severity: 'warning',
  check: ({ budget }) => {
    if (!budget.tables.length) return [];
    const m = budget.metadata;
    const missing: string[] = [];
    const absent = (field: string, present: unknown) => !present && !m.blank.includes(field);
    if (absent('applicant', m.applicant)) missing.push('applicant');
    if (absent('cvr', m.cvr)) missing.push('cvr');
    if (absent('requested', m.requested)) missing.push('requested');
    if (absent('period', m.period) && !m.blank.includes('start')) missing.push('period');
    if (!missing.length) return [];
    return [{ rule: 'structure/missing-metadata', sheet: m.sheet, args: { fields: missing } }];
  },
});
