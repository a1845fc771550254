// Regressions of the eighth hidden-budget pass: budgets by XlsxWriter, Gnumeric, LibreOffice and openpyxl in layout
// combinations the earlier passes did not put together (fixtures/defs/hidden-writers-8.ts), each beside a near-miss.
// Asserted by rule@sheet:row.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAmountText } from '../src/money.js';
import { hiddenWriter8Defs } from '../fixtures/defs/hidden-writers-8.js';
import { hiddenFixtures, type CheckedFixture } from './helpers/hidden-fixtures.js';

const { ensureBuilt, fixture } = hiddenFixtures(hiddenWriter8Defs);

beforeAll(ensureBuilt, 600_000); // the global setup generates them; generated here when this file runs without it

/** rule@sheet:row of a named row of the fixture. */
const at = (f: CheckedFixture, rule: string, sheet: string, id: string) => `${rule}@${sheet}:${f.rowOf(sheet, id)}`;

describe('24 months in mixed spellings on one sheet, year columns after them (15m-2013)', () => {
  it.each(['xlsxwriter', 'gnumeric', 'libreoffice', 'openpyxl'])(
    "'Januar 2014', 'feb. 2014', '04-2014', 'jul-14', '9/2014' and 'mmm-yy' date cells: every month once, clean, 1.343.000 kr. (%s)",
    async (w) => {
      const f = await fixture(`hidden8-mixed-month-spellings-${w}`);
      expect(f.at).toEqual([]);
      expect(f.expenses).toBe(1_343_000 * 100);
    },
  );

  it.each(['xlsxwriter', 'openpyxl'])('near-miss: a salary with no amount in one month is short of its 24 mdr., at its row (%s)', async (w) => {
    const f = await fixture(`hidden8-salary-month-missing-${w}`);
    expect(f.at).toEqual([at(f, 'itemisation/unit-price-mismatch', 'Budget', 'Projektkoordinator')]);
  });

  it.each(['gnumeric', 'libreoffice'])('near-miss: the same gap with a specification of 23 mdr.: clean (%s)', async (w) => {
    const f = await fixture(`hidden8-salary-month-missing-said-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(1_305_000 * 100);
  });

  it.each(['gnumeric', 'openpyxl'])('near-miss: no column for March 2015 is a missing month at the header (%s)', async (w) => {
    const f = await fixture(`hidden8-mixed-month-spellings-gap-${w}`);
    expect(f.at).toEqual([at(f, 'structure/missing-months', 'Budget', 'header')]);
  });
});

describe('a wide form: header in row 8 under a title block and instructions, I alt first (recovery-2019)', () => {
  it.each(['openpyxl', 'libreoffice', 'xlsxwriter', 'gnumeric'])(
    "row 8, I alt in B, 33 date months to column AS, SUM sections without cached values, pension '12 % af løn til projektleder': clean (%s)",
    async (w) => {
      const f = await fixture(`hidden8-wide-form-row8-${w}`);
      expect(f.at).toEqual([]);
      expect(f.expenses).toBe(2_242_200 * 100);
    },
  );

  it.each(['openpyxl', 'xlsxwriter', 'libreoffice'])(
    'the pension months as formulas of the salary (=J10*12%%), no cached value or a cached 0: evaluated, clean, 2.242.200 kr. (%s)',
    async (w) => {
      const f = await fixture(`hidden8-wide-form-pension-formulas-${w}`);
      expect(f.at).toEqual([]);
      expect(f.expenses).toBe(2_242_200 * 100);
    },
  );

  it.each(['openpyxl', 'xlsxwriter'])('months of =PRODUCT(J10,0.12) saved without results are computed: clean, the pension counted (%s)', async (w) => {
    const f = await fixture(`hidden8-wide-form-pension-product-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(2_242_200 * 100);
  });

  it.each(['openpyxl', 'xlsxwriter'])(
    'near-miss: months of =INDEX(…)*0.12 saved without results are one formula-error warning at the row, not a silent 0 (%s)',
    async (w) => {
      const f = await fixture(`hidden8-wide-form-pension-index-${w}`);
      expect(f.at).toEqual([at(f, 'structure/formula-error', 'Budget', '1.2 Pension, projektleder')]);
      const e = f.findings.find((x) => x.rule === 'structure/formula-error');
      expect([e?.cell, e?.severity]).toEqual([`J${f.rowOf('Budget', '1.2 Pension, projektleder')}`, 'warning']);
    },
  );

  it.each(['gnumeric', 'xlsxwriter'])('near-miss: a pension of a salary the budget does not have is unspecified, at its row (%s)', async (w) => {
    const f = await fixture(`hidden8-wide-form-pension-of-nobody-${w}`);
    expect(f.at).toEqual([at(f, 'itemisation/salary-unspecified', 'Budget', '1.4 Pension, sekretær')]);
  });

  it.each(['openpyxl', 'gnumeric'])("near-miss: 'Overhead 7 %' where the pool allows none is a lump sum at its row (%s)", async (w) => {
    const f = await fixture(`hidden8-wide-form-overhead-${w}`);
    expect(f.at).toEqual([at(f, 'itemisation/lump-sum-post', 'Budget', '2.3 Overhead 7 %')]);
  });

  it.each(['libreoffice', 'xlsxwriter'])('near-miss: renovating the meeting room is not eligible, at its row (%s)', async (w) => {
    const f = await fixture(`hidden8-wide-form-renovation-${w}`);
    expect(f.at).toEqual([at(f, 'eligibility/ineligible-expense', 'Budget', '2.3 Istandsættelse af mødelokale')]);
  });

  it.each(['gnumeric', 'openpyxl'])('near-miss: cleaning the same room, 33 mdr. × 500 kr.: clean (%s)', async (w) => {
    const f = await fixture(`hidden8-wide-form-cleaning-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe((2_242_200 + 16_500) * 100);
  });

  it.each(['openpyxl', 'libreoffice'])('near-miss: the I alt in column B typed 2 kr. over its months is a sum mismatch at that cell (%s)', async (w) => {
    const f = await fixture(`hidden8-wide-form-total-first-typed-off-${w}`);
    const row = f.rowOf('Budget', '2.1 Workshops for borgere');
    expect(f.at).toEqual([`distribution/sum-mismatch@Budget:${row}`]);
    expect(f.findings.find((x) => x.rule === 'distribution/sum-mismatch')?.cell).toBe(`B${row}`);
  });

  it.each(['xlsxwriter', 'libreoffice'])('near-miss: a section SUM that leaves out a line is a total mismatch at the subtotal (%s)', async (w) => {
    const f = await fixture(`hidden8-wide-form-section-sum-short-${w}`);
    expect(f.at).toEqual([at(f, 'arithmetic/total-mismatch', 'Budget', 'Løn i alt')]);
    expect(f.expenses).toBe(2_242_200 * 100);
  });
});

describe("year sheets of text amounts with 'kr.' beside a summary of typed text (noedovernatning-2024)", () => {
  it.each(['gnumeric', 'libreoffice', 'openpyxl'])("every amount and total typed '47.450 kr.': clean, 2.274.600 kr., counted once (%s)", async (w) => {
    const f = await fixture(`hidden8-text-kr-year-sheets-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(2_274_600 * 100);
  });

  it.each(['openpyxl', 'gnumeric'])('near-miss: a typed total 1 kr. off its months is within the tolerance: clean (%s)', async (w) => {
    const f = await fixture(`hidden8-text-kr-total-off-by-one-${w}`);
    expect(f.at).toEqual([]);
  });

  it.each(['libreoffice', 'openpyxl'])(
    "near-miss: a typed total 800 kr. off is one sum mismatch at its row: not again at the I alt, the summary or the other year's specification (%s)",
    async (w) => {
      const f = await fixture(`hidden8-text-kr-total-off-${w}`);
      expect(f.at).toEqual([at(f, 'distribution/sum-mismatch', 'Budget 2026', 'Husleje')]);
    },
  );

  it.each(['openpyxl', 'libreoffice'])("near-miss: income typed '÷ 500 kr.' is a negative amount at its row on each sheet (%s)", async (w) => {
    const f = await fixture(`hidden8-text-kr-negative-income-${w}`);
    expect(f.at.sort()).toEqual([
      at(f, 'distribution/negative-amount', 'Budget 2025', 'Indtægter: egenbetaling for morgenmad'),
      at(f, 'distribution/negative-amount', 'Budget 2026', 'Indtægter: egenbetaling for morgenmad'),
    ]);
  });

  it("reads the '÷' of Danish bookkeeping as a minus", () => {
    expect(parseAmountText('÷ 500 kr.')).toEqual({ kind: 'number', ore: -50_000 });
    expect(parseAmountText('÷2.000,50')).toEqual({ kind: 'number', ore: -200_050 });
    expect(parseAmountText('÷')).toEqual({ kind: 'text' });
  });
});

describe('income among the expenses against income under Finansiering (puf-2024)', () => {
  it.each(['xlsxwriter', 'libreoffice', 'gnumeric'])(
    "twelve months 'okt. 2024' to 'sep-25'; deltagerbetaling as Egenfinansiering under Finansiering: clean, 314.800 kr. (%s)",
    async (w) => {
      const f = await fixture(`hidden8-income-under-financing-${w}`);
      expect(f.at).toEqual([]);
      expect(f.expenses).toBe(314_800 * 100);
    },
  );

  it.each(['openpyxl', 'gnumeric'])(
    "near-miss: 'Indtægter: deltagerbetaling' at -2.000 kr. a month among the expenses is a negative amount (%s)",
    async (w) => {
      const f = await fixture(`hidden8-income-negative-line-${w}`);
      expect(f.at).toEqual([at(f, 'distribution/negative-amount', 'Budget', 'Indtægter: deltagerbetaling')]);
    },
  );

  it.each(['libreoffice', 'gnumeric', 'openpyxl'])(
    "near-miss: the income as a deduction below 'Udgifter i alt' and 'Ansøgt tilskud' the net: a net layout, clean (%s)",
    async (w) => {
      const f = await fixture(`hidden8-income-deducted-below-total-${w}`);
      expect(f.at).toEqual([]);
      expect(f.expenses).toBe(314_800 * 100);
    },
  );

  it.each(['xlsxwriter', 'openpyxl'])("near-miss: a 'Diverse' line is a lump sum at its row (%s)", async (w) => {
    const f = await fixture(`hidden8-puf-diverse-${w}`);
    expect(f.at).toEqual([at(f, 'itemisation/lump-sum-post', 'Budget', 'Diverse')]);
  });
});

describe("year sheets of 'mmm-yy' date months under cross-sheet formulas, at a per-applicant cap (lokalplejehjem-2025)", () => {
  it.each(['openpyxl', 'xlsxwriter', 'libreoffice', 'gnumeric'])(
    'Total in B, a summary of formulas: 3.971.000 kr., under the 4,0 mio. kr.: clean (%s)',
    async (w) => {
      const f = await fixture(`hidden8-date-year-sheets-under-cap-${w}`);
      expect(f.at).toEqual([]);
      expect(f.expenses).toBe(3_971_000 * 100);
    },
  );

  it.each(['openpyxl', 'gnumeric'])('near-miss: 4.019.000 kr. is over the cap per municipality, at Ansøgt beløb (%s)', async (w) => {
    const f = await fixture(`hidden8-date-year-sheets-over-cap-${w}`);
    expect(f.at).toEqual([at(f, 'cap/application-limit', 'Projektoplysninger', 'meta:Ansøgt beløb')]);
    expect(f.expenses).toBe(4_019_000 * 100);
  });
});
