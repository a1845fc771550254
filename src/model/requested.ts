// What an application asks of the pool: from its financing section, its stated amount, or its expenses. Shared by the
// cap, accounts and pool rules and the report formats (none of which imports another's).
import type { Budget, FinancingLine } from './types.js';

/** What one file asks for: its stated requested amount, else its budget's expenses. */
export function askedFor(f: { requested?: number; totals: { expenses?: number }; kind: string }): number | undefined {
  if (f.kind !== 'budget') return undefined;
  return f.requested ?? f.totals.expenses;
}

/** What a set of files asks of a pool as applications: an applicant's budgets (by a valid 8-digit CVR) are one
 * application, counted once at its largest request (a resubmission or a duplicate does not ask for the money twice, and
 * the largest is what the pool may have to cover whichever version is the valid one; independent of the files' order).
 * `total` (øre) over `count` applications; `duplicates` the budgets of an applicant already counted (left out), `leftOut`
 * what they ask for (øre). Files that ask for nothing (accounts, unreadable) are not counted. Shared by pool/oversubscribed
 * and the reports' pool figures, so the two say the same. */
export function applications<F extends { path: string; cvr?: string; requested?: number; totals: { expenses?: number }; kind: string }>(
  files: Iterable<F>,
): {
  total: number;
  count: number;
  duplicates: number;
  leftOut: number;
  /** The file whose request is counted, one per application (of an applicant's equal requests, the first). */
  counted: Set<F>;
} {
  const byApplicant = new Map<string, number>();
  const taken = new Map<string, F>();
  let duplicates = 0;
  let leftOut = 0;
  for (const f of files) {
    const asked = askedFor(f);
    if (asked === undefined) continue;
    const key = f.cvr && /^\d{8}$/.test(f.cvr) ? `cvr:${f.cvr}` : `file:${f.path}`;
    const seen = byApplicant.get(key);
    if (seen !== undefined) {
      duplicates++;
      leftOut += Math.min(seen, asked);
    }
    if (seen === undefined || asked > seen) {
      byApplicant.set(key, asked);
      taken.set(key, f);
    }
  }
  let total = 0;
  for (const x of byApplicant.values()) total += x;
  return { total, count: byApplicant.size, duplicates, leftOut, counted: new Set(taken.values()) };
}

/** The financing section's "Ansøgt tilskud" lines summed, if it has any. */
export function requestedFromFinancing(budget: Budget): number | undefined {
  const lines = budget.financing.filter((f) => f.kind === 'requested');
  // (a line whose amount is an error or not computed says no amount: unknown, not 0)
  return lines.length && !lines.some((f) => f.unknown) ? lines.reduce((s, f) => s + f.ore, 0) : undefined;
}

/** Whether a financing line's amount is not known (an error value, a formula not computed): what the financing
 * sums to is not known either, and the rules that compare it say nothing (the line's own finding is the cause). */
export function financingUnknown(budget: Budget, kind?: FinancingLine['kind']): boolean {
  return budget.financing.some((f) => f.unknown && (kind === undefined || f.kind === kind));
}

/** What the application asks for: the financing section's "Ansøgt tilskud", else the stated amount, else the expenses. */
export function requestedAmount(budget: Budget): number {
  return requestedFromFinancing(budget) ?? budget.metadata.requested?.value ?? budget.expenses;
}

/** The grand total row of the budget (the last expense total row), for locating budget-wide findings. */
export function grandTotalRow(budget: Budget) {
  for (let i = budget.tables.length - 1; i >= 0; i--) {
    const rows = budget.tables[i].rows.filter((r) => r.kind === 'total');
    if (rows.length) return rows[rows.length - 1];
  }
  return undefined;
}
