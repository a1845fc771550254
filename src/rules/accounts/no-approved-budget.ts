// accounts/no-approved-budget: in a batch against a folder of approved budgets (--budget DIR), an accounts file that
// no budget belongs to (by CVR, applicant name or file name), or more than one does. Emitted by the accounts check
// (src/accounts/check.ts), which then checks the file on its own; the batch goes on.
import { emittedRule } from '../types.js';

/** How many approved budgets there were to pair with, and the paths that matched equally well (when ambiguous). */
export type NoApprovedBudgetArgs = { budgets: number; ambiguous?: string[] };

export default emittedRule<NoApprovedBudgetArgs>()({ id: 'accounts/no-approved-budget', severity: 'error', scope: 'accounts' });
