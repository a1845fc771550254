// What the application asks for: the financing section's "Ansøgt tilskud", else the stated amount, else expenses.
import type { Budget } from '../../model/types.js';

export function requestedFromFinancing(budget: Budget): number | undefined {
  const lines = budget.financing.filter((f) => f.kind === 'requested');
  return lines.length ? lines.reduce((s, f) => s + f.ore, 0) : undefined;
}

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
