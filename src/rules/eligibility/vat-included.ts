// eligibility/vat-included: the budget is stated incl. moms by an applicant that gets VAT refunded (a municipality).
import { a1 } from '../../read/address.js';
import { budgetRule } from '../types.js';

const INCL = /(?<![\p{L}])(inkl\.?|inklusiv|inklusive|incl\.?|including|med)\s+moms|moms\s+(er\s+)?(inkluderet|medregnet)|incl\.?\s+vat/iu;
const EXCL = /(ekskl|eksklusiv|excl|uden|ex\.?)\s+moms|ekskl\/inkl|inkl\.?\s*\/\s*ekskl/i;

/** The args of an eligibility/vat-included finding. */
type Args = { applicants: string; raw: string };

export default budgetRule<Args>()({
  id: 'eligibility/vat-included',
  severity: 'error',
  check: ({ budget, pool, workbook }, finding) => {
    if (pool.vatEligible) return [];
    const vat = budget.metadata.vat;
    if (vat)
      return vat.value === 'incl'
        ? [finding({ sheet: vat.sheet, row: vat.row, cell: vat.cell, args: { applicants: pool.applicants.type, raw: vat.raw } })]
        : [];
    // No Moms field: a title or header of a budget table that says the amounts include VAT.
    const out: ReturnType<typeof finding>[] = [];
    for (const t of budget.tables) {
      const sheet = workbook.sheets.find((s) => s.name === t.sheet);
      for (let r = 1; r <= t.headerRow && !out.length; r++) {
        for (const c of sheet?.rows.get(r) ?? []) {
          if (typeof c.value !== 'string' || !INCL.test(c.value) || EXCL.test(c.value)) continue;
          out.push(
            finding({
              sheet: t.sheet,
              row: r,
              cell: a1(r, c.col),
              args: { applicants: pool.applicants.type, raw: c.value.slice(0, 80) },
            }),
          );
          break;
        }
      }
      if (out.length) break;
    }
    return out;
  },
});
