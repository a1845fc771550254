// The structure/* rules.
import duplicateMonth from './duplicate-month.js';
import formulaError from './formula-error.js';
import hiddenContent from './hidden-content.js';
import missingMetadata from './missing-metadata.js';
import missingMonths from './missing-months.js';
import noBudgetTable from './no-budget-table.js';
import nonNumericAmount from './non-numeric-amount.js';
import unknownPool from './unknown-pool.js';

export const rules = [noBudgetTable, missingMonths, duplicateMonth, formulaError, nonNumericAmount, hiddenContent, missingMetadata, unknownPool];
