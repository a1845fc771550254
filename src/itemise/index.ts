// Text understanding for itemisation and eligibility: vocabulary, classifier, Danish numbers, units × unit price.
export { CATEGORIES, GENERIC_WORDS, LUMP_SUMS, type CategoryDef, type LumpSumDef } from './vocabulary.js';
export { classify, categoryById, categoryLabel, findTerms, ineligibleTerms, isLumpSum, lumpSumOf, type Classification, type LumpSumHit } from './classify.js';
export { parseDanishNumber, parseDanishMoneyOre } from './numbers.js';
export { mentionsHoursOrRate, parseKmRate, parseUnitPrice, pricesOnePeriod, type UnitPrice } from './units.js';
export { normaliseText, stripNumbering, tokens } from './normalise.js';
export { columnsStateHoursOrRate, unitPriceFromColumns } from './columns.js';
