// Units × unit price in specifications ("2 konferencer à 100.000 kr.", "45.000 kr./md., 33 mdr."): the product, only when understood.
import { normaliseText, stripNumbering } from './normalise.js';
import { parseDanishNumber } from './numbers.js';
import { memoise } from '../memo.js';

export interface Factor {
  value: number;
  unit?: string;
  text: string;
}

export interface UnitPrice {
  /** units × unit price, in whole øre. */
  totalOre: number;
  factors: Factor[];
  unitPriceOre: number;
  kind: 'salary' | 'mileage' | 'generic';
  kmRateOre?: number;
  km?: number;
  hoursPerWeek?: number;
  hourlyRateOre?: number;
  months?: number;
  /** The price is a year's ("4 kurser à 6.000 kr. pr. år"): the product is one year's cost, the line's only where the
   * line spends in one calendar year. */
  perYear?: boolean;
  /** The quantity is a month's, a quarter's or a year's days ("91 nætter à 450 kr." in a quarterly budget): the product
   * is one such period's cost, the line's only where the line spends within one such period. */
  periodDays?: 'month' | 'quarter' | 'year';
}

type Rate = 'month' | 'quarter' | 'year' | 'hour' | 'km' | 'unit' | undefined;

interface Tok {
  value: number;
  start: number;
  end: number;
  text: string;
  kind: 'money' | 'count' | 'km' | 'months' | 'hours' | 'hpw' | 'percent' | 'year' | 'bare';
  rate?: Rate;
  unit?: string;
  /** a quantity per month ("500 km/md.", "4,33 uger/md."): it needs a number of months to price the line */
  perMonth?: boolean;
  /** a quantity per year ("4 kurser pr. år", "2 kurser årligt"): it prices one year */
  perYear?: boolean;
  /** a quantity per quarter ("13 uger pr. kvartal"): it needs a number of quarters to price the line */
  perQuarter?: boolean;
}

const NUM = /\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?/g;
const MONTH_UNIT = /^(mdr|md|måned|måneder|mnd|months?)\b/;
const HOUR_UNIT = /^(timer|time|t|tim|hours?)\b/;
const PER_MONTH = /^\p{L}+\.?\s*(?:\/|pr\.?|per|om)\s*(?:md|mdr|måned|mnd|month)\b/u;
const PER_YEAR = /^\p{L}+\.?\s*(?:(?:\/|pr\.?|per|om)\s*(?:år|året|year)|årligt|om året)(?!\p{L})/u;
const YEAR_UNIT = /^(år|års|years?)$/;
const PER_QUARTER = /^\p{L}+\.?\s*(?:\/|pr\.?|per|om)\s*(?:kvartal|kvt|quarter)(?!\p{L})/u;
const QUARTER_UNIT = /^(kvartal|kvartaler|kvt|quarters?)\b/;
const WEEK_UNIT = /^(uge|uger|ugen|weeks?)\b/;
/** Days and nights counted ("91 nætter", "30 døgn", "365 dage"): as many as a month, a quarter or a year has, they are
 * that period's. */
const DAY_UNIT = /^(nat|nætter|overnatninger|overnatning|døgn|dag|dage|days?|nights?)$/u;

/** The period a count of days is as long as: 28–31 a month, 90–92 a quarter, 365–366 a year. */
function daysPeriod(f: Tok): 'month' | 'quarter' | 'year' | undefined {
  if (f.kind !== 'count' || !DAY_UNIT.test((f.unit ?? '').replace(/\.$/, '')) || !Number.isInteger(f.value)) return undefined;
  if (f.value >= 28 && f.value <= 31) return 'month';
  if (f.value >= 90 && f.value <= 92) return 'quarter';
  if (f.value === 365 || f.value === 366) return 'year';
  return undefined;
}
// ("per" and "om" as words: "Periode: 33 mdr." and "omkring" name no rate)
const RATE_RE =
  /^\s*(?:\/|pr\.?|per(?!\p{L})|om(?!\p{L}))\s*(md|mdr|måned|mnd|month|time|timen|t|hour|km|kilometer|stk|styk|person|deltager|mentor|\p{L}+)\b\.?/u;

function rateOf(word: string | undefined): Rate {
  if (!word) return undefined;
  if (/^(md|mdr|måned|mnd|month)/.test(word)) return 'month';
  if (/^(år|året|year)$/.test(word)) return 'year';
  if (/^(kvartal|kvartalet|kvt|quarter)$/.test(word)) return 'quarter';
  if (/^(time|timen|t|hour)$/.test(word)) return 'hour';
  if (/^(km|kilometer)$/.test(word)) return 'km';
  return 'unit';
}

/** Words that make a text too vague to price: "ca.", "cirka", "anslået", "op til", "max". */
/** VAT added on top at the end of a text: "+ moms", "plus moms", "+ 25 % moms", "tillagt moms". */
const VAT_ON_TOP = /\s*(?:\+|plus|tillagt|med tillæg af)\s*(?:\d+(?:,\d+)?\s*(?:%|pct\.?|procent)\s*)?moms$/u;

const VAGUE = /(?<!\p{L})(ca|cirka|circa|omkring|anslået|skønnet|op til|max|maks|maksimalt|højst|min|minimum|evt|eventuelt)(?!\p{L})/u;

/** What follows a count: a multiplication sign, "stk.", or a unit word and then one ("2000 deltagere à 6 kr."). */
const COUNT_AFTER = /^(?:x|×|\*|à|stk(?!\p{L})|a(?!\p{L}))|^\p{L}+\.?\s*(?:x|×|\*|à)(?!\p{L})/u;

/** The words right before an amount that make it an annual pay. */
const ANNUAL_PAY_BEFORE = /(?<!\p{L})(?:årsløn|årslønnen|årlig løn|løn pr\.? år|annual (?:salary|pay))\s*:?\s*(?:(?:kr\.?|dkk)\s*)?$/u;

function tokenize(t: string): Tok[] | undefined {
  const toks: Tok[] = [];
  for (const m of t.matchAll(NUM)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (/[\d.,]/.test(t[start - 1] ?? '') || /[a-zæøå]/.test(t[start - 1] ?? '')) {
      // part of a longer token (a date, an identifier)
      if (/[/\-.]/.test(t[start - 1] ?? '') && /\d/.test(t[start - 2] ?? '')) return undefined; // "1/1", "01.01" dates make it ambiguous
    }
    const value = parseDanishNumber(m[0]);
    if (value === undefined) return undefined;
    const before = t.slice(Math.max(0, start - 5), start);
    const after = t.slice(end);
    const afterW = after.replace(/^\s+/, '');
    let tok: Tok;
    if (/^(%|pct|procent)/.test(afterW)) tok = { value, start, end, text: m[0], kind: 'percent' };
    else if (/^(t|timer|tim|time)\.?\s*(\/|pr\.?|per|om|i)\s*(uge|ugen)/.test(afterW)) tok = { value, start, end, text: m[0], kind: 'hpw', unit: 't/uge' };
    else if (/(?:kr\.?|dkk)\s*$/.test(before) || /^(kr\b|kroner|dkk|,-)/.test(afterW)) {
      const afterKr = afterW.replace(/^(kr\.?|kroner|dkk|,-)/, '');
      const r = RATE_RE.exec(afterKr);
      // kroner have two decimals: "11,000 kr." is eleven thousand with an English thousands comma (an English-locale
      // program's export), not 11 kr.
      const english = /^\d{1,3}(?:,\d{3})+$/.test(m[0]) ? Number(m[0].replace(/,/g, '')) : undefined;
      // "Årsløn 540.000 kr.", "årsløn: kr. 540.000": an annual pay named before the amount, as "540.000 kr./år" is after it
      const rate = rateOf(r?.[1]) ?? (ANNUAL_PAY_BEFORE.test(t.slice(Math.max(0, start - 24), start)) ? 'year' : undefined);
      tok = { value: english ?? value, start, end, text: m[0], kind: 'money', rate };
    } else if (/^km\b/.test(afterW)) tok = { value, start, end, text: m[0], kind: 'km', unit: 'km' };
    else if (MONTH_UNIT.test(afterW)) tok = { value, start, end, text: m[0], kind: 'months', unit: 'mdr.' };
    else if (HOUR_UNIT.test(afterW)) tok = { value, start, end, text: m[0], kind: 'hours', unit: 'timer' };
    // (a number of the years' range that a count's "stk.", "x" or "à" follows is a count: "2000 stk. à 6 kr.")
    else if (value >= 1990 && value <= 2100 && /^\d{4}$/.test(m[0]) && !COUNT_AFTER.test(afterW)) tok = { value, start, end, text: m[0], kind: 'year' };
    else if (/^(x|×|\*|à|a\b|stk|\p{L})/u.test(afterW) || /(x|×|\*|à|\ba)\s*$/.test(t.slice(0, start))) {
      const unit = /^\p{L}+\.?/u.exec(afterW)?.[0];
      tok = { value, start, end, text: m[0], kind: 'count', unit };
    } else tok = { value, start, end, text: m[0], kind: 'bare' };
    // a count, distance or hours per period ("500 km/md.", "160 t/md.", "40 timer pr. kvartal") prices one period
    const perPeriod = tok.kind === 'count' || tok.kind === 'km' || tok.kind === 'hours';
    if (perPeriod && PER_MONTH.test(afterW)) tok.perMonth = true;
    if (perPeriod && PER_YEAR.test(afterW)) tok.perYear = true;
    if (perPeriod && PER_QUARTER.test(afterW)) tok.perQuarter = true;
    if (tok.kind === 'money' && (/^(kr\.?|kroner|dkk)\s*(årligt|om året)(?!\p{L})/u.test(afterW) || /^(årligt|om året)(?!\p{L})/u.test(afterW)))
      tok.rate = 'year';
    if (m[0].replace(/\D/g, '').length >= 7 && tok.kind !== 'money') return undefined; // CVR, phone numbers
    toks.push(tok);
  }
  return toks;
}

const SHARE_AFTER = /^\s*(%|pct\.?|procent)\s*(af\s+(en\s+)?(fuld\s*tid|fuldtidsstilling|stilling)|stilling|årsværk|beskæftigelse)/u;
const SHARE_BEFORE = /(stillingsprocent|stillingsandel|beskæftigelsesgrad)\s*:?\s*(på\s*)?$/u;

/** Whether a percent in the text is a share of full time: "75 % stilling", "50 % af fuld tid", "stillingsprocent 50 %". */
function statesShare(t: string, x: Tok): boolean {
  return SHARE_AFTER.test(t.slice(x.end)) || SHARE_BEFORE.test(t.slice(0, x.start));
}

/**
 * Parses units × unit price. Returns undefined unless exactly one unit price (or a plain product "10 x 1.500")
 * and its quantities are understood; hours per week beside a monthly salary are context, not a factor.
 */
export const parseUnitPrice = memoise(parseUnitPriceUncached);

function parseUnitPriceUncached(text: string): UnitPrice | undefined {
  const u = parseProduct(text, false);
  if (!u) return undefined;
  const { onePeriod: _one, ...price } = u;
  return price;
}

/**
 * Whether a text states units × unit price for one period only ("500 km/md. à 1,90 kr.", "4 kurser à 6.000 kr. pr. år")
 * or a period's days ("91 nætter à 450 kr.") or before the VAT added on top ("40 møder à 400 kr. + moms"): the line is itemised, though its product is not the
 * line's total.
 */
export const pricesOnePeriod = memoise((text: string): boolean => {
  const u = parseProduct(text, true);
  return !!u?.onePeriod || !!u?.periodDays;
});

/** The product of a text; with onePeriod, also a month's product (a quantity or price per month without the months)
 * and a product before VAT added on top. */
function parseProduct(text: string, onePeriod: boolean): (UnitPrice & { onePeriod?: 'month' | 'quarter' | 'year' | 'before-vat' }) | undefined {
  let t = normaliseText(stripNumbering(text));
  if (!t || VAGUE.test(t)) return undefined;
  // "40 møder à 400 kr. + moms": the VAT added on top is no second part of the product, but the line's amount may hold
  // it or not, so the product is the line's price before VAT: it itemises the line without being checked against it.
  const vatOnTop = VAT_ON_TOP.test(t);
  if (vatOnTop) t = t.replace(VAT_ON_TOP, '');
  // "heraf", "+", "plus", "samt": the text speaks of parts, not of the whole line.
  if (/(?<!\p{L})(heraf|plus|samt|tillæg)(?!\p{L})|\+/u.test(t)) return undefined;
  t = t.split(/=|i alt|svarende til/)[0]; // a stated result after "=" is not a factor
  const toks = tokenize(t);
  if (!toks || !toks.length) return undefined;
  if (toks.some((x) => x.kind === 'bare')) return undefined;
  const money = toks.filter((x) => x.kind === 'money');
  const hpw = toks.find((x) => x.kind === 'hpw');
  const qty = toks.filter((x) => x.kind === 'count' || x.kind === 'km' || x.kind === 'months' || x.kind === 'hours');
  let priceOre: number;
  let rate: Rate;
  let factors: Tok[];
  if (money.length === 1) {
    priceOre = Math.round(money[0].value * 100);
    rate = money[0].rate;
    factors = qty;
  } else if (money.length === 0) {
    // "10 x 1.500": a product of plain factors joined by x/×/à; the last one is the price.
    const joined = /\d\s*(x|×|\*|à)\s*\d/.test(t);
    if (!joined || qty.length < 2) return undefined;
    const last = qty[qty.length - 1];
    priceOre = Math.round(last.value * 100);
    rate = undefined;
    factors = qty.slice(0, -1);
  } else return undefined;
  // An annual pay over a number of months ("Årsløn 540.000 kr., 33 mdr."): the month's pay × the months, as the quantity
  // columns read Årsløn × Antal måneder.
  if (rate === 'year' && factors.some((f) => f.kind === 'months')) {
    priceOre /= 12;
    rate = 'month';
  }
  // Hours per week priced by the hour ("20 t/uge à 250 kr., 52 uger") are a factor, and the line is priced only
  // when the weeks are stated too; beside a monthly salary they are context ("37 t/uge, 42.000 kr./md., 24 mdr.").
  if (hpw && rate !== 'month') {
    if (!factors.some((f) => f.kind === 'count' && WEEK_UNIT.test(f.unit ?? ''))) return undefined;
    factors = [hpw, ...factors];
  }
  // A quantity per month ("4,33 uger/md.", "500 km/md.") prices one month: without the months it is not the line.
  const oneMonth = (factors.some((f) => f.perMonth) || rate === 'month') && !factors.some((f) => f.kind === 'months');
  // So does a quantity or price per quarter ("13 uger pr. kvartal") without the number of quarters.
  const oneQuarter = (factors.some((f) => f.perQuarter) || rate === 'quarter') && !factors.some((f) => f.kind === 'count' && QUARTER_UNIT.test(f.unit ?? ''));
  // A year's price ("à 6.000 kr. pr. år", "4 kurser årligt") without a count of years prices one year.
  const oneYear = (factors.some((f) => f.perYear) || rate === 'year') && !factors.some((f) => f.kind === 'count' && YEAR_UNIT.test(f.unit ?? ''));
  // A period's days ("91 nætter") without a count of periods or another quantity: the product may be one period's.
  const counted = factors.some((f) => f.kind === 'months' || (f.kind === 'count' && (QUARTER_UNIT.test(f.unit ?? '') || YEAR_UNIT.test(f.unit ?? ''))));
  const dayPeriods = factors.map(daysPeriod).filter((p) => p !== undefined);
  const periodDays = !counted && dayPeriods.length === 1 ? dayPeriods[0] : undefined;
  if ((oneMonth || oneQuarter || vatOnTop) && !onePeriod) return undefined;
  // A share of full time ("75 % stilling", "stillingsprocent 50 %") scales a monthly or annual pay.
  const share = rate === 'month' || rate === 'year' ? toks.find((x) => x.kind === 'percent' && x.value > 0 && x.value <= 100 && statesShare(t, x)) : undefined;
  if (share && factors.length) factors = [{ ...share, value: share.value / 100, unit: 'stilling' }, ...factors];
  if (!factors.length) return undefined;
  // A rate needs its quantity: kr./time wants hours, kr./km wants km.
  if (rate === 'hour' && !factors.some((f) => f.kind === 'hours' || f.kind === 'hpw')) return undefined;
  if (rate === 'km' && !factors.some((f) => f.kind === 'km')) return undefined;
  let product = priceOre;
  for (const f of factors) product *= f.value;
  if (!Number.isFinite(product) || product <= 0 || product > 1e13) return undefined;
  const km = factors.find((f) => f.kind === 'km');
  const months = factors.find((f) => f.kind === 'months');
  const hours = factors.find((f) => f.kind === 'hours');
  const mileage = !!km && (rate === 'km' || rate === undefined) && priceOre < 1000;
  const salary = !mileage && (rate === 'month' || rate === 'hour' || !!hpw || !!hours);
  return {
    totalOre: Math.round(product),
    factors: factors.map((f) => ({ value: f.value, unit: f.unit, text: f.text })),
    unitPriceOre: Math.round(priceOre),
    kind: mileage ? 'mileage' : salary ? 'salary' : 'generic',
    kmRateOre: mileage ? priceOre : undefined,
    km: km?.value,
    hoursPerWeek: hpw?.value,
    hourlyRateOre: rate === 'hour' ? priceOre : undefined,
    months: months?.value,
    ...(oneYear ? { perYear: true } : {}),
    ...(periodDays && !oneMonth && !oneQuarter && !oneYear ? { periodDays } : {}),
    ...(oneMonth
      ? { onePeriod: 'month' as const }
      : oneQuarter
        ? { onePeriod: 'quarter' as const }
        : oneYear
          ? { onePeriod: 'year' as const }
          : vatOnTop
            ? { onePeriod: 'before-vat' as const }
            : {}),
  };
}

/** Whether a salary text states hours or a rate (timer, t/uge, årsværk, kr./time, kr./md., løntrin, overenskomst). */
export const mentionsHoursOrRate = memoise(mentionsHoursOrRateUncached);

function mentionsHoursOrRateUncached(text: string): boolean {
  const t = normaliseText(text);
  if (/\d+(?:,\d+)?\s*(t|timer|tim|time)\b/.test(t)) return true;
  if (
    /(?<!\p{L})(timer|t\/uge|årsværk|fuldtid|fuld tid|deltid|halvtid|halv tid|fuldtidsstilling|deltidsstilling|halvtidsstilling|timeløn|månedsløn|årsløn|løntrin|lønramme|lønniveau|overenskomst|skala|pr\.? time|kr\.?\s*\/\s*(time|t|md|mdr|måned)|kr\.? pr\.? (time|md|måned))(?!\p{L})/u.test(
      t,
    )
  )
    return true;
  const u = parseUnitPrice(text);
  // a pay rate per shift, night, day or week of work ("120 nattevagter à 2.100 kr.", "52 uger à 4.000 kr.") is a rate
  return !!u && (u.kind === 'salary' || !!u.months || u.factors.some((f) => !!f.unit && WORK_TIME_UNIT.test(f.unit)));
}

/** Units of working time a salary may be priced by. */
const WORK_TIME_UNIT = /^(?:natte?vagt|aftenvagt|dagvagt|vagt|nat$|nætter|døgn|dag|dage|uge|uger)/i;

/** A km rate stated in a text ("à 1,98 kr./km", "kr. 1,90 pr. km", "500 km à 3,50 kr."), in øre per km. */
export const parseKmRate = memoise(parseKmRateUncached);

function parseKmRateUncached(text: string): { rateOre: number; km?: number } | undefined {
  const t = normaliseText(text);
  const direct =
    /(\d+(?:,\d+)?)\s*kr\.?\s*(?:\/|pr\.?|per)\s*(?:km|kilometer)\b/.exec(t) ?? /kr\.?\s*(\d+(?:,\d+)?)\s*(?:\/|pr\.?|per)\s*(?:km|kilometer)\b/.exec(t);
  if (direct) {
    const v = parseDanishNumber(direct[1]);
    if (v !== undefined && v > 0 && v < 20) return { rateOre: Math.round(v * 100) };
  }
  const u = parseUnitPrice(text);
  if (u?.kind === 'mileage' && u.kmRateOre !== undefined) return { rateOre: u.kmRateOre, km: u.km };
  // "500 km/md. à 3,50 kr.", "400 km pr. kvartal à 3,50 kr." state their rate even when the line's product cannot be
  // priced (no months given)
  const perKm =
    /(\d+(?:\.\d{3})*)\s*km\b(?:\s*(?:\/|pr\.?|om|i)\s*(?:md|mdr|måned(?:en)?|mnd|uge(?:n)?|år(?:et)?|kvartal(?:et)?|kvt|halvår(?:et)?)\.?)?\s*(?:à|a|x|×)\s*(\d+(?:,\d+)?)\s*kr\b/.exec(
      t,
    );
  if (perKm) {
    const v = parseDanishNumber(perKm[2]);
    if (v !== undefined && v > 0 && v < 20) return { rateOre: Math.round(v * 100), km: parseDanishNumber(perKm[1]) };
  }
  return undefined;
}
