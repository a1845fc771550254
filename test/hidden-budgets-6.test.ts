// Regressions of the sixth hidden-budget pass: budgets for today's pools written by XlsxWriter, openpyxl, Gnumeric and
// LibreOffice as municipalities and associations send them (fixtures/defs/hidden-writers-6.ts), each beside a
// near-miss.
import { beforeAll, describe, expect, it } from 'vitest';
import { classify, mentionsHoursOrRate, parseKmRate } from '../src/itemise/index.js';
import { statesThousands } from '../src/model/scale.js';
import { hiddenWriter6Defs } from '../fixtures/defs/hidden-writers-6.js';
import { hiddenFixtures } from './helpers/hidden-fixtures.js';

const { ensureBuilt, fixture } = hiddenFixtures(hiddenWriter6Defs);

beforeAll(ensureBuilt, 600_000); // the global setup generates them; generated here when this file runs without it

describe('a budget stated in thousands of kroner', () => {
  it.each(['xlsxwriter', 'libreoffice'])("titled 'Budget (1.000 kr.)': read in kroner, clean (%s)", async (w) => {
    const f = await fixture(`hidden6-thousands-title-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(127_568 * 100);
  });

  it("'I alt (t.kr.)' and 'Alle beløb i 1.000 kr.' say it too: clean (gnumeric)", async () => {
    const f = await fixture('hidden6-thousands-total-column-gnumeric');
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(127_568 * 100);
  });

  it("Ansøgt beløb '127,6 t.kr.' is 127.600 kr. ± 50 kr.: the budget's 127.568 kr., clean (openpyxl)", async () => {
    const f = await fixture('hidden6-thousands-requested-tkr-openpyxl');
    expect(f.at).toEqual([]);
  });

  it("near-miss: '128,6 t.kr.' is a requested mismatch at its Stamdata row (openpyxl)", async () => {
    const f = await fixture('hidden6-thousands-requested-tkr-off-openpyxl');
    expect(f.at).toEqual([`cap/requested-mismatch@Stamdata:${f.rowOf('Stamdata', 'meta:Ansøgt beløb')}`]);
  });

  it('near-miss: 64 (thousand) of computers in one year is over the equipment cap at their row (libreoffice)', async () => {
    const f = await fixture('hidden6-thousands-equipment-libreoffice');
    expect(f.at).toEqual([`eligibility/equipment-cap@Budget:${f.rowOf('Budget', 'Bærbar computer')}`]);
  });

  it("near-miss: '400 km pr. kvartal à 3,50 kr.' is above the low rate at its row (xlsxwriter)", async () => {
    const f = await fixture('hidden6-thousands-km-rate-xlsxwriter');
    expect(f.at).toEqual([`eligibility/mileage-rate@Budget:${f.rowOf('Budget', 'Kørselsgodtgørelse')}`]);
  });

  it.each(['gnumeric', 'openpyxl'])("only 'Samlet budget i 1.000 kr.' states it: its year sheets are in thousands too, clean (%s)", async (w) => {
    const f = await fixture(`hidden6-thousands-summary-only-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(2_374_000 * 100);
  });

  it.each(['openpyxl', 'xlsxwriter'])('Enhedspris in thousands beside amounts in thousands: no unit-price mismatch, clean (%s)', async (w) => {
    const f = await fixture(`hidden6-thousands-price-columns-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(2_374_000 * 100);
  });

  it('near-miss: 45 (thousand) against 1 × 40.000 kr. is a unit-price mismatch at its row (libreoffice)', async () => {
    const f = await fixture('hidden6-thousands-price-mismatch-libreoffice');
    expect(f.at).toEqual([`itemisation/unit-price-mismatch@Budget 2025:${f.rowOf('Budget 2025', '2.1 Inventar til fællesrum')}`]);
  });

  it.each([
    ['Budget (1.000 kr.)', true],
    ['Alle beløb i 1.000 kr.', true],
    ['I alt (t.kr.)', true],
    ['Budget i tkr.', true],
    ['Beløb i tusinde kroner', true],
    ["DKK '000", true],
    ['(kr. 1.000)', true],
    ['Kr. (1000)', true],
    ['Budget, tusinde kr.', true],
    ['5 tusind kr.', false],
    ['1.000 kr.', false],
    ['Samlet budget: 2.374 t.kr.', false],
    ['I alt, t.kr.', true],
    ['Budget (kr.)', false],
    ['Kr. pr. km', false],
    ['Udgift kr.', false],
    ['Beløb i alt kr.', false],
    ['2 kurser à 1.000 kr.', false],
    ['Tilskud på 1.000 kr. pr. deltager', false],
  ])('statesThousands(%j) is %s', (text, expected) => {
    expect(statesThousands(text)).toBe(expected);
  });
});

describe('the posts of a night shelter and a family house', () => {
  it.each(['gnumeric', 'openpyxl'])('Nattevagter, Forsikring, Sengetøj, Vask, El, vand og varme, Udflugter: clean, no unclassified info (%s)', async (w) => {
    const f = await fixture(`hidden6-shelter-posts-${w}`);
    expect(f.at).toEqual([]);
    expect(f.infos.filter((x) => x.startsWith('eligibility/unclassified-expense'))).toEqual([]);
  });

  it('near-miss: Nattevagter without hours or rate is salary-unspecified at its row (openpyxl)', async () => {
    const f = await fixture('hidden6-shelter-night-guards-no-hours-openpyxl');
    expect(f.at).toEqual([`itemisation/salary-unspecified@Budget:${f.rowOf('Budget', 'Nattevagter')}`]);
  });

  it("Nattevagter priced per shift ('720 nattevagter à 2.150 kr.') states a rate: clean (libreoffice)", async () => {
    const f = await fixture('hidden6-shelter-night-guards-per-shift-libreoffice');
    expect(f.at).toEqual([]);
  });

  it.each([
    ['120 nattevagter à 2.100 kr.', true],
    ['52 uger à 4.000 kr.', true],
    ['365 nætter à 2.400 kr.', true],
    ['20 sæt à 900 kr.', false],
    ['Vågne nattevagter hele vinteren', false],
  ])('mentionsHoursOrRate(%j) is %s', (text, expected) => {
    expect(mentionsHoursOrRate(text)).toBe(expected);
  });

  it.each(['xlsxwriter', 'openpyxl'])('a Jordemoder in an Excel table over 17 quarters: clean, no unclassified info (%s)', async (w) => {
    const f = await fixture(`hidden6-family-house-table-${w}`);
    expect(f.at).toEqual([]);
    expect(f.infos).toEqual([]);
    expect(f.expenses).toBe(3_381_400 * 100);
  });

  it('near-miss: a Jordemoder without hours or rate is salary-unspecified at its row (xlsxwriter)', async () => {
    const f = await fixture('hidden6-family-house-midwife-no-hours-xlsxwriter');
    expect(f.at).toEqual([`itemisation/salary-unspecified@Budget:${f.rowOf('Budget', 'Jordemoder')}`]);
  });

  it.each([
    ['Nattevagter', 'salary'],
    ['Social- og sundhedsassistent', 'salary'],
    ['Værestedsmedarbejder', 'salary'],
    ['Socialpædagog', 'salary'],
    ['Familierådgiver', 'salary'],
    ['Forsikring', 'administration'],
    ['Bankgebyrer', 'administration'],
    ['El, vand og varme', 'premises'],
    ['Renovation', 'premises'],
    ['Vask af sengetøj', 'premises'],
    ['Hygiejneartikler', 'materials'],
    ['Madvarer', 'catering'],
    ['Benzin', 'transport'],
    ['Udflugter', 'activities'],
    ['Sommerlejr', 'activities'],
    ['Kursus for sosu-assistenter', 'training'],
    ['Forplejning til frivillige medarbejdere', 'catering'],
    ['Kompetenceudvikling af personale', 'training'],
  ])('%s is %s', (post, category) => {
    expect(classify(post)?.category).toBe(category);
  });

  it('volunteers are not salaried and an external adviser is a fee: no salary line to specify', () => {
    expect(classify('Frivillige hjælpere')?.category).not.toBe('salary');
    expect(classify('Frivillige vagter i weekenden')?.category).not.toBe('salary');
    expect(classify('Ekstern rådgiver')?.category).toBe('fee');
    expect(classify('Eksterne rådgivere, 3 møder')?.category).toBe('fee');
    expect(classify('Køkkenhjælper')?.category).toBe('salary');
    expect(classify('Familierådgiver')?.category).toBe('salary');
  });

  it('renovation (waste collection) is not construction, renovering is', () => {
    expect(classify('Renovation')?.category).not.toBe('construction');
    expect(classify('Renovering af lokaler')?.category).toBe('construction');
  });
});

describe('a km rate per quarter', () => {
  it.each([
    ['400 km pr. kvartal à 3,50 kr.', 350],
    ['300 km om måneden à 2,23 kr.', 223],
    ['1.200 km pr. halvår à 1,98 kr.', 198],
    ['500 km/md. à 1,90 kr.', 190],
  ])('%s states %i øre per km', (text, ore) => {
    expect(parseKmRate(text)?.rateOre).toBe(ore);
  });
});

describe('one sheet of year blocks under bare month names', () => {
  it.each(['xlsxwriter', 'gnumeric', 'openpyxl'])(
    "blocks under '2025' and '2026' are January 2025 – December 2026, one line per post, clean (%s)",
    async (w) => {
      const f = await fixture(`hidden6-year-blocks-bare-months-${w}`);
      expect(f.at).toEqual([]);
      expect(f.expenses).toBe(1_318_800 * 100);
    },
  );

  it("near-miss: a second block under '2027' is missing-months at its header and outside-period at each of its lines (xlsxwriter)", async () => {
    const f = await fixture('hidden6-year-blocks-bare-months-late-xlsxwriter');
    const row = (id: string) => f.rowOf('Budget', id);
    expect(f.at).toEqual([
      `structure/missing-months@Budget:${row('header@1')}`,
      ...['Nattevagter@1', 'Leje af pavillon@1', 'Sengetøj og hygiejneartikler@1', 'Revision@1'].map((id) => `distribution/outside-period@Budget:${row(id)}`),
    ]);
  });
});

describe('a section subtotal over a non-number', () => {
  it.each(['xlsxwriter', 'libreoffice'])("'ca. 45.000' under '2. Drift' is one non-numeric-amount at its row, no total mismatch (%s)", async (w) => {
    const f = await fixture(`hidden6-section-text-amount-${w}`);
    expect(f.at).toEqual([`structure/non-numeric-amount@Budget:${f.rowOf('Budget', '2.2 Inventar til værestedet')}`]);
  });

  it("near-miss: 'Drift i alt' typed wrong in another quarter is still a total mismatch at its row (xlsxwriter)", async () => {
    const f = await fixture('hidden6-section-text-amount-subtotal-wrong-xlsxwriter');
    const drift = f.rowOf('Budget', 'Drift i alt');
    expect(f.at).toEqual([
      `structure/non-numeric-amount@Budget:${f.rowOf('Budget', '2.2 Inventar til værestedet')}`,
      `arithmetic/hardcoded-total@Budget:${drift}`,
      `arithmetic/total-mismatch@Budget:${drift}`,
    ]);
    expect(f.findings.find((x) => x.rule === 'arithmetic/total-mismatch')?.cell).toBe('E9');
  });
});
