// structure/missing-metadata: applicant, CVR, requested amount or period not stated in the workbook (warning).
// A field that is not there at all is one finding naming them; an applicant, CVR or requested amount whose label is
// there with its input cell left blank is one finding per field at that cell (a form not filled in). A blank period is
// not reported: the pool's period stands in for it. A requested amount the financing section states (Ansøgt tilskud) is
// stated: only a blank input cell for it is still reported.
import { budgetRule } from '../types.js';
import { fieldCell } from '../util.js';

/** Fields whose blank input cell is reported where it is. */
const BLANK_REPORTED = ['applicant', 'cvr', 'requested'] as const;

/** The args of a structure/missing-metadata finding. */
type Args = { fields: string[]; blank?: boolean };

export default budgetRule<Args>()({
  id: 'structure/missing-metadata',
  severity: 'warning',
  check: ({ budget, workbook }, finding) => {
    if (!budget.tables.length) return [];
    const m = budget.metadata;
    const out: ReturnType<typeof finding>[] = [];
    const stated = { applicant: m.applicant, cvr: m.cvr, requested: m.requested, period: m.period } as Record<string, unknown>;
    const missing: string[] = [];
    for (const field of ['applicant', 'cvr', 'requested', 'period']) {
      if (stated[field]) continue;
      const blank = m.blank.includes(field) || (field === 'period' && m.blank.includes('start'));
      // An unreadable requested amount ("ca. 5000", "#REF!") is non-numeric-amount's or formula-error's finding.
      if (field === 'requested' && m.unparsed.some((u) => u.field === field)) continue;
      if (!blank) {
        if (field !== 'requested' || !budget.financing.some((f) => f.kind === 'requested')) missing.push(field);
      } else if ((BLANK_REPORTED as readonly string[]).includes(field)) {
        const at = fieldCell(workbook, field);
        out.push(finding({ sheet: at?.sheet ?? m.sheet, row: at?.row, cell: at?.cell, args: { fields: [field], blank: true } }));
      }
    }
    if (missing.length) out.push(finding({ sheet: m.sheet, args: { fields: missing } }));
    return out;
  },
});
