// The eligibility/* rules.
import equipmentCap from './equipment-cap.js';
import ineligibleExpense from './ineligible-expense.js';
import mileageRate from './mileage-rate.js';
import missingAudit from './missing-audit.js';
import overheadLimit from './overhead-limit.js';
import unclassifiedExpense from './unclassified-expense.js';
import vatIncluded from './vat-included.js';

export const rules = [ineligibleExpense, equipmentCap, mileageRate, vatIncluded, missingAudit, unclassifiedExpense, overheadLimit];
