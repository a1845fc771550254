// Text understanding for itemisation and eligibility: vocabulary, classifier, Danish numbers, units × unit price.
export { CATEGORIES, type CategoryDef } from './vocabulary.js';
export { classify, categoryById, categoryLabel, findTerms, ineligibleTerms, isLumpSum, type Classification } from './classify.js';
export { parseDanishNumber, parseDanishMoneyOre } from './numbers.js';
export { mentionsHoursOrRate, parseKmRate, parseUnitPrice, type UnitPrice } from './units.js';
export { normaliseText, stripNumbering, tokens } from './normalise.js';
export { columnsStateHoursOrRate, unitPriceFromColumns } from './columns.js';
