import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, ineligibleTerms, isLumpSum, mentionsHoursOrRate, parseDanishNumber, parseKmRate, parseUnitPrice } from '../src/itemise/index.js';
import { findBuiltinPool } from '../src/pools/index.js';
import { formatKr, parseAmountText } from '../src/money.js';

const TERMS = findBuiltinPool('recovery-2019')!.lumpSumTerms;

describe('classifier', () => {
  it.each([
    ['Løn projektleder', 'salary'],
    ['Projektmedarbejder (37 t/uge)', 'salary'],
    ['Ekstern konsulent, implementeringsstøtte', 'fee'],
    ['Kørsel i egen bil', 'transport'],
    ['Forplejning ved netværksmøder', 'catering'],
    ['Leje af lokaler til borgermøder', 'premises'],
    ['Trykning af pjecer', 'materials'],
    ['Kursus for medarbejdere', 'training'],
    ['Afslutningskonference', 'training'],
    ['Hjemmeside og nyhedsbrev', 'communication'],
    ['Evaluering, spørgeskemaundersøgelse', 'evaluation'],
    ['Revisorerklæring', 'audit'],
    ['Indkøb af bærbare computere', 'equipment'],
    ['Kursus for frivillige', 'volunteer-training'],
    ['Ombygning af mødelokale', 'construction'],
    ['Dækning af driftsunderskud', 'deficit'],
    ['Studietur til Færøerne', 'training'],
  ])('%s → %s', (post, category) => {
    expect(classify(post)?.category).toBe(category);
  });

  it('lets an explicit Kategori win over the text, and reads NFD text like NFC', () => {
    expect(classify('Diverse materialer', undefined, 'Transport og kørsel')).toMatchObject({ category: 'transport', confidence: 'explicit' });
    expect(classify('Kørsel', undefined, 'salary')?.category).toBe('salary');
    expect(classify('Leje af lokaler'.normalize('NFD'))?.category).toBe('premises');
    expect(classify('Lønudgifter'.normalize('NFD'))?.category).toBe('salary');
    expect(classify('Noget helt uforståeligt')).toBeUndefined();
  });

  it('finds ineligible words, but not when negated or when they only look alike', () => {
    expect(ineligibleTerms('Studietur til Grønland').map((x) => x.category)).toEqual(['abroad']);
    expect(ineligibleTerms('Løn inkl. bonus').map((x) => x.category)).toEqual(['bonus']);
    expect(ineligibleTerms('Løn, ekskl. bonus')).toEqual([]);
    expect(ineligibleTerms('Engangsvederlag til projektmedarbejdere').map((x) => x.category)).toEqual(['bonus']);
    expect(ineligibleTerms('Engangsvederlag til ekstern oplægsholder')).toEqual([]);
    // prices without VAT however written, and words that only look like an ineligible term
    for (const spec of [
      '100 plakater à 50 kr. eks. moms',
      '100 plakater à 25 kr., ekskl. 25 % moms',
      '100 plakater à 2 kr. ekskl.moms',
      '40 stk. à 10 kr. eks moms',
    ])
      expect(ineligibleTerms('Plakater', spec)).toEqual([]);
    for (const post of [
      'Tolkebistand til grønlandske borgere',
      'Oversættelse af pjece til grønlandsk',
      'Forplejning til netværk for bonusforældre',
      'Aktivitetstilbud til bonusbørn',
      'Husleje for borgercaféen',
      'Ydelser fra ekstern facilitator til borgerpanel',
    ])
      expect(ineligibleTerms(post)).toEqual([]);
    expect(ineligibleTerms('Moms af trykning').map((x) => x.category)).toEqual(['vat']);
    expect(ineligibleTerms('Udgifter inkl. moms', '').map((x) => x.category)).toEqual([]);
    expect(ineligibleTerms('Studietur til Grønland').map((x) => x.category)).toEqual(['abroad']);
    expect(ineligibleTerms('Husleje for deltagere').map((x) => x.category)).toEqual(['living-costs']);
    expect(ineligibleTerms('Leje af lokaler, ekskl. moms')).toEqual([]);
    expect(ineligibleTerms('Momsfri undervisning')).toEqual([]);
    expect(ineligibleTerms('Underholdning ved sommerfest')).toEqual([]);
    expect(ineligibleTerms('Moms').map((x) => x.category)).toEqual(['vat']);
  });
});

describe('lump sums', () => {
  it.each([
    'Overhead (10 % af lønudgifter)',
    'Løn til medarbejdere i projektet (3 stillinger)',
    'Uforudsete udgifter, 5 %',
    'Diverse',
    'Div.',
    'Div. udgifter',
    'Overhead 7 %',
    'Administrationsbidrag (7%)',
    'Andet',
    'Øvrige udgifter',
    'Andre udgifter',
    'Løn til medarbejdere',
    'Uforudsete udgifter',
    'Buffer',
    'Reserve',
    '5. Diverse',
    'DIVERSE',
  ])('%s is a lump sum', (post) => expect(isLumpSum(post, TERMS)).toBeDefined());
  it.each([
    'Andet møde i styregruppen',
    'Diversitetstræning',
    'Reservedele til cykler',
    'Løn til projektleder (37 t/uge)',
    'Administration af frivilligkorps',
    'Løn projektleder',
  ])('%s is not', (post) => expect(isLumpSum(post, TERMS)).toBeUndefined());
});

describe('units × unit price', () => {
  it.each([
    ['2 konferencer à 100.000 kr.', 20_000_000],
    ['2 stk. a 5.000 kr', 1_000_000],
    ['10 x 1.500 kr.', 1_500_000],
    ['10 × 1.500', 1_500_000],
    ['12 mdr. à 45.000 kr.', 54_000_000],
    ['45.000 kr./md., 33 mdr.', 148_500_000],
    ['45.000 kr. pr. md. i 33 mdr.', 148_500_000],
    ['500 timer à 350 kr.', 17_500_000],
    ['350 kr./time x 500 timer', 17_500_000],
    ['500 km/md. à 1,90 kr., 33 mdr.', 3_135_000],
    ['12 mentorer, 36.000 kr./md. pr. mentor, 33 mdr.', 1_425_600_000],
    ['3 kurser à 4 dage à 2.500 kr.', 3_000_000],
    ['37 t/uge, 42.000 kr./md., 24 mdr.', 100_800_000],
    ['2.000 stk. à 7,50 kr.', 1_500_000],
    ['1.500 km à 1,98 kr.', 297_000],
    // hours per week priced by the hour are a factor once the weeks are stated
    ['20 t/uge à 250 kr., 52 uger', 26_000_000],
    ['20 t/uge à 250 kr./time, 52 uger', 26_000_000],
    ['20 t/uge à 290 kr. i 4,33 uger/md., 33 mdr.', 82_876_200],
    ['160 t/md. à 250 kr., 12 mdr.', 48_000_000],
    // an annual pay over months is the month's pay × the months, named before the amount or after it
    ['Årsløn 540.000 kr., 33 mdr.', 148_500_000],
    ['årsløn 540.000 kr. i 33 mdr.', 148_500_000],
    ['Årsløn: 540.000 kr. Periode: 33 mdr.', 148_500_000],
    ['540.000 kr./år, 33 mdr.', 148_500_000],
    ['37 t/uge, årsløn 540.000 kr., 33 mdr.', 148_500_000],
    // a count in the years' range is a count where "stk.", "x" or "à" follows it
    ['2000 stk. à 6 kr.', 1_200_000],
    ['2025 deltagere à 6 kr.', 1_215_000],
    ['1990 x 10 kr.', 1_990_000],
    ['Kursus 2025, 4 deltagere à 500 kr.', 200_000],
    // DKK before the amount, as kr. is
    ['10 stk. à DKK 1.500', 1_500_000],
    ['37 t/uge, DKK 42.000/md., 12 md.', 50_400_000],
    ['Årsløn DKK 540.000, 33 mdr.', 148_500_000],
  ])('%s = %i øre', (text, ore) => {
    expect(parseUnitPrice(text)?.totalOre).toBe(ore);
  });

  it.each([
    '45.000 kr.',
    'Løn projektleder',
    'ca. 120 timer à 1.100 kr.',
    'Projektleder 37 timer/uge à 450 kr./time i 12 mdr.',
    'Overhead 7 %',
    '2 kurser à 5.000 kr. plus materialer à 3.000 kr.',
    'Heraf 2 kurser à 5.000 kr.',
    'CVR 29189404, 2 stk. à 5 kr.',
    // a week's or a month's cost is not the line's: the weeks or months are missing
    '18,5 t/uge à 300 kr.',
    '20 t/uge à 290 kr., 4,33 uger/md.',
    '500 km/md. à 1,90 kr.',
    // so are hours per month or quarter without their count ("160 t/md." priced one month: a false mismatch)
    '160 t/md. à 250 kr.',
    '40 timer pr. kvartal à 300 kr.',
  ])('declines %s', (text) => expect(parseUnitPrice(text)).toBeUndefined());

  it('reads km rates and salary context', () => {
    expect(parseKmRate('Kørsel à 1,98 kr./km')).toEqual({ rateOre: 198 });
    expect(parseKmRate('400 km/md. à 3,50 kr., 33 mdr.')).toMatchObject({ rateOre: 350, km: 400 });
    expect(parseKmRate('500 km/md. à 3,50 kr.')).toMatchObject({ rateOre: 350 });
    expect(parseUnitPrice('37 t/uge, 42.000 kr./md., 24 mdr.')).toMatchObject({ hoursPerWeek: 37, months: 24, kind: 'salary' });
    expect(mentionsHoursOrRate('Fuldtid, løntrin 35')).toBe(true);
    expect(mentionsHoursOrRate('Fuldtidsstilling')).toBe(true);
    expect(mentionsHoursOrRate('Løn projektleder')).toBe(false);
  });
});

/** Writes kroner the Danish way: thousands dots (optional), decimal comma, optional " kr.". */
const danish = (ore: number, dots: boolean) => {
  const s = formatKr(ore).replace(/ kr\.$/, '');
  return dots ? s : s.replace(/\./g, '');
};

describe('property tests', () => {
  it('Danish amounts round-trip to the same øre', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }), fc.boolean(), fc.boolean(), (ore, dots, suffix) => {
        const text = danish(ore, dots) + (suffix ? ' kr.' : '');
        const p = parseAmountText(text);
        expect(p).toEqual({ kind: 'number', ore });
      }),
    );
  });

  it('parses Danish numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (n) => {
        expect(parseDanishNumber(n.toLocaleString('da-DK'))).toBe(n);
      }),
    );
  });

  it('q stk. à p kr. is q × p', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 100, max: 99_999_999 }), fc.boolean(), (q, ore, dots) => {
        const text = `${q} stk. à ${danish(ore, dots)} kr.`;
        expect(parseUnitPrice(text)?.totalOre).toBe(q * ore);
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
        parseUnitPrice(s);
        parseKmRate(s);
        classify(s, s, s);
        isLumpSum(s, TERMS);
        parseAmountText(s);
        mentionsHoursOrRate(s);
      }),
      { numRuns: 500 },
    );
  });
});
