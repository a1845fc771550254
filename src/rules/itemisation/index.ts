// The itemisation/* rules.
import duplicatePost from './duplicate-post.js';
import lumpSumPost from './lump-sum-post.js';
import missingNote from './missing-note.js';
import noUnitPrice from './no-unit-price.js';
import salaryUnspecified from './salary-unspecified.js';
import unitPriceMismatch from './unit-price-mismatch.js';

export const rules = [lumpSumPost, salaryUnspecified, noUnitPrice, unitPriceMismatch, missingNote, duplicatePost];
