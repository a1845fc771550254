// cap/application-limit: the amount applied for is below the pool's minimum or above its maximum per application.
import { oreFromKroner } from '../../money.js';
import { budgetRule } from '../types.js';
import { grandTotalRow, requestedAmount } from '../../model/requested.js';

/** The args of a cap/application-limit finding. */
type Args = { bound: 'max' | 'min' | 'applicant' };

export default budgetRule<Args>()({
  id: 'cap/application-limit',
  severity: 'error',
  check: ({ budget, pool }, finding) => {
    const { min, max } = pool.application;
    const perApplicant = pool.applicants.maxPerApplicant;
    if (min === undefined && max === undefined && perApplicant === undefined) return [];
    const asked = requestedAmount(budget);
    const row = grandTotalRow(budget);
    const where = budget.metadata.requested ?? { sheet: row?.sheet, row: row?.row, cell: row?.total?.cell };
    const out: ReturnType<typeof finding>[] = [];
    if (max !== undefined && asked > oreFromKroner(max))
      out.push(
        finding({
          sheet: where.sheet,
          row: where.row,
          cell: where.cell,
          expected: oreFromKroner(max),
          actual: asked,
          args: { bound: 'max' },
        }),
      );
    else if (perApplicant !== undefined && asked > oreFromKroner(perApplicant))
      out.push(
        finding({
          sheet: where.sheet,
          row: where.row,
          cell: where.cell,
          expected: oreFromKroner(perApplicant),
          actual: asked,
          args: { bound: 'applicant' },
        }),
      );
    if (min !== undefined && asked < oreFromKroner(min))
      out.push(
        finding({
          sheet: where.sheet,
          row: where.row,
          cell: where.cell,
          expected: oreFromKroner(min),
          actual: asked,
          args: { bound: 'min' },
        }),
      );
    return out;
  },
});
