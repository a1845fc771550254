// Units × unit price from quantity columns beside the post (Antal, Enhedspris, Timer, Timeløn, Km, Kr. pr. km): the
// same UnitPrice the specification text yields, so every rule that reads the text reads the columns too.
import type { QuantityCell, QuantityKind } from '../model/types.js';
import type { Factor, UnitPrice } from './units.js';

/** Kinds that say a salary line's hours or rate. */
const SALARY_KINDS: QuantityKind[] = ['hours', 'hoursPerWeek', 'hourlyRate', 'monthlySalary', 'annualSalary'];
// (weeks alone say neither)

/** The row's columns state hours or a pay rate (Timer, Timer pr. uge, Timeløn, Månedsløn, Årsløn with a number). */
export function columnsStateHoursOrRate(cells: QuantityCell[] | undefined): boolean {
  return !!cells?.some((c) => SALARY_KINDS.includes(c.kind) && c.value !== undefined && c.value > 0);
}

const UNIT: Partial<Record<QuantityKind, string>> = { hours: 'timer', months: 'mdr.', km: 'km' };

/**
 * Units × unit price from a row's quantity columns, or undefined unless every factor and the price are positive
 * numbers: km × km rate (× Antal); hours × hourly rate, or hours a week × weeks × hourly rate; monthly salary ×
 * months and annual salary ÷ 12 × months (each × a share of full time, Stillingsprocent); otherwise the counts (Antal, Antal måneder) × the unit price. Hours per week beside a monthly salary are
 * context, not a factor (as in the text).
 */
export function unitPriceFromColumns(cells: QuantityCell[] | undefined): UnitPrice | undefined {
  if (!cells?.length) return undefined;
  const get = (k: QuantityKind) => cells.find((c) => c.kind === k);
  // the first column of a kind the row fills (a sheet may have two price columns, one for each kind of line)
  const num = (k: QuantityKind) => cells.find((c) => c.kind === k && c.value !== undefined && c.value > 0);
  const unitName = get('unit');
  const unitText = unitName && unitName.value === undefined ? unitName.text.trim() : undefined;
  // a numeric "Enhed" with no "Antal" beside it is the count
  const units = num('units') ?? (unitName?.value !== undefined && !get('units') ? num('unit') : undefined);
  const factor = (c: QuantityCell, unit: string | undefined): Factor => ({ value: c.value!, unit, text: c.text });
  const km = num('km') ?? (unitText && /^(km|kilometer)\.?$/i.test(unitText) ? units : undefined);
  const hours = num('hours') ?? (unitText && /^(timer|time|t)\.?$/i.test(unitText) ? units : undefined);
  const months = num('months') ?? (unitText && /^(md|mdr|måned|måneder)\.?$/i.test(unitText) ? units : undefined);
  const kmRate = num('kmRate') ?? (km ? num('price') : undefined);
  const hourlyRate = num('hourlyRate') ?? (hours && !num('monthlySalary') ? num('price') : undefined);
  const monthly = num('monthlySalary');
  const hpw = num('hoursPerWeek');
  // a share of full time (Stillingsprocent 75, or 0,75 in a percent cell) scales a monthly or annual salary
  const shareCell = num('share');
  const shareOf = shareCell && shareCell.value! <= 100 ? (shareCell.value! <= 1 ? shareCell.value! : shareCell.value! / 100) : undefined;
  const share = shareCell && shareOf !== undefined ? [{ value: shareOf, unit: 'stilling', text: shareCell.text }] : [];
  let price: QuantityCell | undefined;
  let factors: Factor[];
  let kind: UnitPrice['kind'];
  const weeks = num('weeks');
  if (km && kmRate) {
    price = kmRate;
    factors = [factor(km, 'km')];
    // "Antal" beside "Km" counts trips or months of that many km
    if (units && units !== km) factors.unshift(factor(units, unitText));
    if (months && months !== km && months !== units) factors.push(factor(months, 'mdr.'));
    kind = 'mileage';
  } else if (monthly) {
    if (!months) return undefined;
    price = monthly;
    factors = [...share, factor(months, 'mdr.')];
    if (units && units !== months) factors.unshift(factor(units, unitText));
    kind = 'salary';
  } else if (num('annualSalary')) {
    // an annual salary over the months of the line (Årsløn × Antal måneder ÷ 12); without the months it states a pay
    // rate, but not the line's units × unit price
    const annual = num('annualSalary')!;
    if (!months) return undefined;
    price = { ...annual, value: annual.value! / 12 };
    factors = [...share, factor(months, 'mdr.')];
    if (units && units !== months) factors.unshift(factor(units, unitText));
    kind = 'salary';
  } else if (hourlyRate && !hours && hpw && weeks) {
    // hours a week × weeks × hourly rate
    price = hourlyRate;
    factors = [factor(hpw, 't/uge'), factor(weeks, 'uger')];
    if (units && units !== weeks) factors.unshift(factor(units, unitText));
    kind = 'salary';
  } else if (hourlyRate) {
    if (!hours) return undefined;
    price = hourlyRate;
    factors = [factor(hours, 'timer')];
    if (units && units !== hours) factors.unshift(factor(units, unitText));
    kind = 'salary';
  } else {
    price = num('price');
    if (!price) return undefined;
    const counts = [units, months && months !== units ? months : undefined].filter((c): c is QuantityCell => !!c);
    if (!counts.length) return undefined;
    factors = counts.map((c) => factor(c, c === units ? unitText : UNIT[c.kind]));
    kind = hpw ? 'salary' : 'generic';
  }
  const priceOre = Math.round(price.value! * 100);
  let product = priceOre;
  for (const f of factors) product *= f.value;
  if (!Number.isFinite(product) || product <= 0 || product > 1e13) return undefined;
  return {
    totalOre: Math.round(product),
    factors,
    unitPriceOre: priceOre,
    kind,
    kmRateOre: kind === 'mileage' ? priceOre : undefined,
    km: km?.value,
    hoursPerWeek: hpw?.value,
    hourlyRateOre: hourlyRate && kind === 'salary' && price === hourlyRate ? priceOre : undefined,
    months: months?.value,
  };
}
