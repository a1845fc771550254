// The accounts/* rules.
import budgetMismatch from './budget-mismatch.js';
import deviationNeedsApproval from './deviation-needs-approval.js';
import missingExplanation from './missing-explanation.js';
import noApprovedBudget from './no-approved-budget.js';
import outsidePeriod from './outside-period.js';
import totalExceedsGrant from './total-exceeds-grant.js';
import unbudgetedPost from './unbudgeted-post.js';
import unspentFunds from './unspent-funds.js';

export const rules = [
  unbudgetedPost,
  budgetMismatch,
  deviationNeedsApproval,
  missingExplanation,
  totalExceedsGrant,
  unspentFunds,
  outsidePeriod,
  noApprovedBudget,
];
