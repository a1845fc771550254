// What an application asks of the pool: from its financing section, its stated amount, or its expenses. Shared by the
// cap, accounts and pool rules and the report formats (none of which imports another's).
import type { Budget } from './types.js';

/** What one file asks for: its stated requested amount, else its budget's expenses. */
export function askedFor(f: { requested?: number; totals: { expenses?: number }; kind: string }): number | undefined {
  if (f.kind !== 'budget') return undefined;
  return f.requested ?? f.totals.expenses;
}

/** The financing section's "Ansøgt tilskud" lines summed, if it has any. */
export function requestedFromFinancing(budget: Budget): number | undefined {
  const lines = budget.financing.filter((f) => f.kind === 'requested');
  return lines.length ? lines.reduce((s, f) => s + f.ore, 0) : undefined;
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
