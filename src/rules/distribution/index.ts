// The distribution/* rules.
import negativeAmount from './negative-amount.js';
import notDistributed from './not-distributed.js';
import outsidePeriod from './outside-period.js';
import singleMonth from './single-month.js';
import sumMismatch from './sum-mismatch.js';

export const rules = [notDistributed, sumMismatch, outsidePeriod, negativeAmount, singleMonth];
