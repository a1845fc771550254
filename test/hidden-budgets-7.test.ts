// Regressions of the seventh hidden-budget pass: budgets for today's pools by XlsxWriter, openpyxl, LibreOffice,
// Gnumeric and Danish Excel's CSV / Unicode-text exports, in layout combinations the earlier passes did not put together
// (fixtures/defs/hidden-writers-7.ts), each beside a near-miss. Asserted by rule@sheet:row.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseUnitPrice } from '../src/itemise/index.js';
import { quantityHeader } from '../src/model/labels.js';
import { hiddenWriter7Defs } from '../fixtures/defs/hidden-writers-7.js';
import { hiddenFixtures, type CheckedFixture } from './helpers/hidden-fixtures.js';

const { ensureBuilt, fixture } = hiddenFixtures(hiddenWriter7Defs);

beforeAll(ensureBuilt, 600_000); // the global setup generates them; generated here when this file runs without it

/** rule@sheet:row of a named row of the fixture. */
const at = (f: CheckedFixture, rule: string, sheet: string, id: string) => `${rule}@${sheet}:${f.rowOf(sheet, id)}`;
const sorted = (xs: string[]) => [...xs].sort();

describe('quantity columns beside quarters, in sections (retshjaelp-2025)', () => {
  it.each(['xlsxwriter', 'gnumeric', 'openpyxl'])('Antal × Pris pr. enhed equal to every total: clean, 788.400 kr. (%s)', async (w) => {
    const f = await fixture(`hidden7-unit-columns-quarters-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(788_400 * 100);
  });

  it.each(['libreoffice', 'openpyxl'])('near-miss: 24 mdr. × 4.500 kr. against 120.000 kr. is a unit-price mismatch at its row (%s)', async (w) => {
    const f = await fixture(`hidden7-unit-columns-quarters-mismatch-${w}`);
    expect(f.at).toEqual([at(f, 'itemisation/unit-price-mismatch', 'Budget', '2.2 Husleje, rådgivningslokale')]);
  });

  it.each(['xlsxwriter', 'gnumeric'])("near-miss: Enhed 'km' priced 3,20 kr. is over the low rate at its row (%s)", async (w) => {
    const f = await fixture(`hidden7-unit-columns-km-rate-${w}`);
    expect(f.at).toEqual([at(f, 'eligibility/mileage-rate', 'Budget', '2.1 Kørsel i egen bil')]);
  });

  it.each(['xlsxwriter', 'libreoffice'])('a hidden empty row and a hidden text column hide no amount: clean (%s)', async (w) => {
    const f = await fixture(`hidden7-hidden-spacers-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(788_400 * 100);
  });

  it.each(['openpyxl', 'gnumeric'])('near-miss: a hidden line inside a section is hidden content at its row (%s)', async (w) => {
    const f = await fixture(`hidden7-hidden-row-in-section-${w}`);
    expect(f.at).toEqual([at(f, 'structure/hidden-content', 'Budget', '2.3 Annoncering')]);
    expect(f.expenses).toBe(788_400 * 100);
  });

  it.each(['openpyxl', 'gnumeric'])('metadata labels with a colon in A, their values in C, under a merged title: clean (%s)', async (w) => {
    const f = await fixture(`hidden7-meta-two-columns-right-${w}`);
    expect(f.at).toEqual([]);
  });
});

describe('year sheets of quarters with salary columns under a summary (noedovernatning-2024)', () => {
  it.each(['openpyxl', 'xlsxwriter', 'libreoffice'])(
    'Timer pr. uge × Månedsløn × Antal måneder, Timer × Timeløn; Budgetoversigt: clean, counted once (%s)',
    async (w) => {
      const f = await fixture(`hidden7-salary-columns-year-sheets-${w}`);
      expect(f.at).toEqual([]);
      expect(f.expenses).toBe(2_274_600 * 100);
    },
  );

  it.each(['openpyxl', 'gnumeric'])("near-miss: a Timeløn that differs on 'Budget 2026' is a unit-price mismatch at that sheet's row (%s)", async (w) => {
    const f = await fixture(`hidden7-salary-columns-year-sheets-mismatch-${w}`);
    expect(f.at).toEqual([at(f, 'itemisation/unit-price-mismatch', 'Budget 2026', 'Vågne nattevagter')]);
  });

  it.each(['xlsxwriter', 'openpyxl'])('the whole line in the columns, the same on each year sheet: clean, counted once (%s)', async (w) => {
    const f = await fixture(`hidden7-salary-columns-whole-line-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(2_274_600 * 100);
  });

  it.each(['gnumeric'])(
    "near-miss: the whole line's columns at 38.000 kr. a month are a unit-price mismatch once, at the first sheet's row (%s)",
    async (w) => {
      const f = await fixture(`hidden7-salary-columns-whole-line-mismatch-${w}`);
      expect(f.at).toEqual([at(f, 'itemisation/unit-price-mismatch', 'Budget 2025', 'Koordinator')]);
      expect(f.findings.find((x) => x.rule === 'itemisation/unit-price-mismatch')?.expected).toBe(912_000 * 100);
    },
  );

  it.each(['xlsxwriter', 'libreoffice'])("near-miss: a typed summary cell that disagrees is a total mismatch at the summary's cell (%s)", async (w) => {
    const f = await fixture(`hidden7-overview-typed-wrong-${w}`);
    expect(f.at).toEqual([at(f, 'arithmetic/total-mismatch', 'Budgetoversigt', 'Husleje@summary')]);
    expect(f.findings.find((x) => x.rule === 'arithmetic/total-mismatch')?.cell).toBe(`C${f.rowOf('Budgetoversigt', 'Husleje@summary')}`);
    expect(f.expenses).toBe(2_274_600 * 100);
  });

  it.each(['libreoffice', 'openpyxl'])('near-miss: Ansøgt beløb of the sheets and the summary added is a requested mismatch (%s)', async (w) => {
    const f = await fixture(`hidden7-overview-requested-doubled-${w}`);
    expect(f.at).toEqual([at(f, 'cap/requested-mismatch', 'Forside', 'meta:Ansøgt beløb')]);
    expect(f.expenses).toBe(2_274_600 * 100);
  });

  it.each(['xlsxwriter', 'openpyxl', 'gnumeric'])("a summary mirroring the year sheets' quarters is one view: clean, counted once (%s)", async (w) => {
    const f = await fixture(`hidden7-summary-mirrors-quarters-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(2_274_600 * 100);
  });

  it.each(['openpyxl', 'libreoffice'])("near-miss: one typed mirror cell that disagrees is reported at the summary's row (%s)", async (w) => {
    const f = await fixture(`hidden7-summary-mirrors-quarters-typed-${w}`);
    expect(f.at).toEqual([at(f, 'arithmetic/total-mismatch', 'Samlet budget', 'Husleje@summary')]);
    expect(f.expenses).toBe(2_274_600 * 100);
  });

  it.each(['libreoffice', 'gnumeric'])("sheets named '2025' and '2026' of bare 'K1' … 'K4': clean (%s)", async (w) => {
    const f = await fixture(`hidden7-year-sheets-bare-quarters-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(2_274_600 * 100);
  });

  it.each(['openpyxl', 'gnumeric'])('48.000 kr. of computers in each year sheet is under the cap in each project year: clean (%s)', async (w) => {
    const f = await fixture(`hidden7-equipment-year-sheets-${w}`);
    expect(f.at).toEqual([]);
  });

  it.each(['xlsxwriter', 'libreoffice'])("near-miss: 60.000 kr. of computers on 'Budget 2026' is over the cap at that sheet's row (%s)", async (w) => {
    const f = await fixture(`hidden7-equipment-year-sheets-over-${w}`);
    expect(f.at).toEqual([at(f, 'eligibility/equipment-cap', 'Budget 2026', 'Bærbare computere')]);
  });
});

describe("a summary named 'Total' after the year sheets", () => {
  it.each(['gnumeric', 'libreoffice'])('typed year figures that agree: clean, counted once (%s)', async (w) => {
    const f = await fixture(`hidden7-total-sheet-typed-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(2_274_600 * 100);
  });

  it.each(['openpyxl', 'xlsxwriter'])("a 3-D =SUM('Budget 2025:Budget 2026'!M4) total: clean, counted once (%s)", async (w) => {
    const f = await fixture(`hidden7-total-sheet-3d-sum-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(2_274_600 * 100);
  });

  it.each(['openpyxl', 'libreoffice'])('financing below the summary only, equal to the expenses: clean (%s)', async (w) => {
    const f = await fixture(`hidden7-total-sheet-financing-${w}`);
    expect(f.at).toEqual([]);
  });

  it.each(['xlsxwriter', 'gnumeric'])("near-miss: the summary's financing short of the expenses, at its 'Finansiering i alt' row (%s)", async (w) => {
    const f = await fixture(`hidden7-total-sheet-financing-short-${w}`);
    expect(f.at).toEqual([at(f, 'cap/financing-mismatch', 'Total', 'Finansiering i alt')]);
  });
});

describe('year sheets with their own Kr. pr. km (recovery-2019)', () => {
  it.each(['xlsxwriter', 'openpyxl', 'libreoffice'])("each sheet's rate measured against its own year: clean (%s)", async (w) => {
    const f = await fixture(`hidden7-km-columns-year-sheets-${w}`);
    expect(f.at).toEqual([]);
  });

  it.each(['gnumeric', 'openpyxl'])("near-miss: 2,10 kr. on the '2021' sheet is an error at that sheet's row (%s)", async (w) => {
    const f = await fixture(`hidden7-km-columns-year-sheets-one-over-${w}`);
    expect(f.at).toEqual([at(f, 'eligibility/mileage-rate', '2021', 'Kørsel i egen bil')]);
    expect(f.findings.find((x) => x.rule === 'eligibility/mileage-rate')?.severity).toBe('error');
  });

  it('near-miss: 1,98 kr. on every sheet is over 2020 and 2021 only: one warning for the line (xlsxwriter)', async () => {
    const f = await fixture('hidden7-km-columns-year-sheets-same-rate-xlsxwriter');
    expect(f.at).toEqual([at(f, 'eligibility/mileage-rate', '2020', 'Kørsel i egen bil')]);
    expect(f.findings.find((x) => x.rule === 'eligibility/mileage-rate')?.severity).toBe('warning');
  });
});

describe('a split by year only, financing below quarters (lokalplejehjem-2025)', () => {
  it.each(['libreoffice', 'openpyxl'])('columns 2025, 2026, I alt for a quarterly pool: missing months once at the header (%s)', async (w) => {
    const f = await fixture(`hidden7-year-columns-quarterly-pool-${w}`);
    expect(f.at).toEqual([at(f, 'structure/missing-months', 'Budget', 'header')]);
  });

  it.each(['gnumeric', 'xlsxwriter'])("'jan-mar 2025' quarters, financing equal to the expenses: clean, financing not counted (%s)", async (w) => {
    const f = await fixture(`hidden7-financing-below-quarters-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(3_318_000 * 100);
  });

  it.each(['libreoffice', 'xlsxwriter'])("near-miss: financing 100.000 kr. short, at 'Finansiering i alt' (%s)", async (w) => {
    const f = await fixture(`hidden7-financing-below-quarters-short-${w}`);
    expect(f.at).toEqual([at(f, 'cap/financing-mismatch', 'Budget', 'Finansiering i alt')]);
  });

  it("near-miss: a municipality's 'inkl. moms' at the Moms row (openpyxl)", async () => {
    const f = await fixture('hidden7-financing-vat-included-openpyxl');
    expect(f.at).toEqual([at(f, 'eligibility/vat-included', 'Stamdata', 'meta:Moms')]);
  });

  it.each(['openpyxl', 'gnumeric'])('Projektstart and Projektslut as date cells: the period read, clean (%s)', async (w) => {
    const f = await fixture(`hidden7-meta-date-cells-${w}`);
    expect(f.at).toEqual([]);
  });

  it("near-miss: Projektslut 30 Sep 2026 puts 'okt-dec 2026' outside the period, at each line spending in it (xlsxwriter)", async () => {
    const f = await fixture('hidden7-meta-date-cells-short-xlsxwriter');
    const lines = ['Plejehjemsleder', 'Social- og sundhedsassistenter', 'Forplejning ved pårørendemøder', 'Revision'];
    expect(sorted(f.at)).toEqual(sorted(lines.map((l) => at(f, 'distribution/outside-period', 'Budget', l))));
  });

  it.each(['xlsxwriter', 'gnumeric'])("a period in words and Ansøgt beløb 'kr. 3.000.000,-': clean (%s)", async (w) => {
    const f = await fixture(`hidden7-meta-words-${w}`);
    expect(f.at).toEqual([]);
  });

  it.each(['xlsxwriter', 'gnumeric'])("near-miss: 'kr. 3.100.000,-' against Ansøgt tilskud 3.000.000 kr. is a requested mismatch (%s)", async (w) => {
    const f = await fixture(`hidden7-meta-words-mismatch-${w}`);
    expect(f.at).toEqual([at(f, 'cap/requested-mismatch', 'Stamdata', 'meta:Ansøgt beløb')]);
  });

  it.each(['xlsxwriter', 'openpyxl'])('I alt left of the quarters: read as the total, clean (%s)', async (w) => {
    const f = await fixture(`hidden7-total-left-of-quarters-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(3_318_000 * 100);
  });

  it.each(['libreoffice', 'xlsxwriter'])('near-miss: 4.278.000 kr. is over the 4,0 mio. kr. per municipality (%s)', async (w) => {
    const f = await fixture(`hidden7-application-limit-${w}`);
    expect(f.at).toEqual([at(f, 'cap/application-limit', 'Stamdata', 'meta:Ansøgt beløb')]);
  });
});

describe('quarter headers as dates, Excel tables, text and error cells (puf-2024)', () => {
  it.each(['xlsxwriter', 'gnumeric', 'openpyxl'])('date cells at the quarter starts: clean (%s)', async (w) => {
    const f = await fixture(`hidden7-quarter-start-dates-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(121_920 * 100);
  });

  it('near-miss: no column for the second quarter of 2025 is missing months at the header (libreoffice)', async () => {
    const f = await fixture('hidden7-quarter-start-dates-gap-libreoffice');
    expect(f.at).toEqual([at(f, 'structure/missing-months', 'Budget', 'header')]);
  });

  it.each(['openpyxl', 'xlsxwriter'])('quarter-start dates with a time of day: clean (%s)', async (w) => {
    const f = await fixture(`hidden7-quarter-start-dates-with-time-${w}`);
    expect(f.at).toEqual([]);
  });

  it.each(['gnumeric', 'xlsxwriter'])("date cells at the quarters' last days: clean (%s)", async (w) => {
    const f = await fixture(`hidden7-quarter-end-dates-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(121_920 * 100);
  });

  it.each(['xlsxwriter', 'openpyxl'])('an Excel table with Antal and Enhedspris and a totals row: clean (%s)', async (w) => {
    const f = await fixture(`hidden7-table-unit-columns-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(121_920 * 100);
  });

  it.each(['openpyxl', 'xlsxwriter'])('near-miss: 48 × 300 kr. against 12.000 kr. in the table is a unit-price mismatch at its row (%s)', async (w) => {
    const f = await fixture(`hidden7-table-unit-columns-mismatch-${w}`);
    expect(f.at).toEqual([at(f, 'itemisation/unit-price-mismatch', 'Budget', 'Forplejning i caféen')]);
  });

  it.each(['openpyxl', 'xlsxwriter'])("a table of '4. kvt. 2024' columns, structured references over them: clean (%s)", async (w) => {
    const f = await fixture(`hidden7-table-kvt-quarters-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(121_920 * 100);
  });

  it.each(['openpyxl', 'gnumeric'])("text quarters '3.000 kr.' under the line's SUM: a total mismatch at its total cell, once (%s)", async (w) => {
    const f = await fixture(`hidden7-quarters-text-under-sum-${w}`);
    expect(f.at).toEqual([at(f, 'arithmetic/total-mismatch', 'Budget', 'Forplejning i caféen')]);
  });

  it.each(['xlsxwriter', 'libreoffice'])("text quarters and a typed text total: I alt's SUM skips it (%s)", async (w) => {
    const f = await fixture(`hidden7-quarters-text-typed-total-${w}`);
    expect(sorted(f.at)).toEqual(
      sorted([at(f, 'arithmetic/total-mismatch', 'Budget', 'I alt'), at(f, 'arithmetic/hardcoded-total', 'Budget', 'Forplejning i caféen')]),
    );
    expect(f.expenses).toBe(121_920 * 100);
  });

  it.each(['gnumeric', 'openpyxl'])('near-miss: the same text in a sheet of typed totals only: clean (%s)', async (w) => {
    const f = await fixture(`hidden7-quarters-text-all-typed-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(121_920 * 100);
  });

  it.each(['openpyxl', 'libreoffice'])("'3.000,-' amounts and Ansøgt beløb '121.920,-': clean (%s)", async (w) => {
    const f = await fixture(`hidden7-dash-amounts-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(121_920 * 100);
  });

  it.each(['libreoffice', 'gnumeric'])('#DIV/0! in a Budgetnote holds no amount: clean (%s)', async (w) => {
    const f = await fixture(`hidden7-error-in-note-${w}`);
    expect(f.at).toEqual([]);
  });

  it.each(['libreoffice', 'gnumeric'])('near-miss: an error value in a quarter is a formula error at its row (%s)', async (w) => {
    const f = await fixture(`hidden7-error-in-quarter-${w}`);
    expect(f.at).toEqual([at(f, 'structure/formula-error', 'Budget', 'Frivilligkoordinator')]);
  });

  it.each(['openpyxl', 'xlsxwriter', 'libreoffice'])("a visible 'Lønberegning' the quarters take a quarter of: clean, counted once (%s)", async (w) => {
    const f = await fixture(`hidden7-helper-sheet-quarters-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(121_920 * 100);
  });

  it.each(['openpyxl', 'xlsxwriter'])("near-miss: the same 'Lønberegning' hidden is hidden content at the coordinator's row (%s)", async (w) => {
    const f = await fixture(`hidden7-helper-sheet-quarters-hidden-${w}`);
    expect(f.at).toEqual([at(f, 'structure/hidden-content', 'Budget', 'Frivilligkoordinator')]);
  });

  it.each(['xlsxwriter', 'libreoffice', 'gnumeric'])('near-miss: a hidden quarter column with amounts is hidden content at the header (%s)', async (w) => {
    const f = await fixture(`hidden7-hidden-quarter-column-${w}`);
    expect(f.at).toEqual([at(f, 'structure/hidden-content', 'Budget', 'header')]);
    // the column is named as the quarter it is (1. kvt. 2025), not as its first month
    expect(f.findings.find((x) => x.rule === 'structure/hidden-content')!.args).toMatchObject({ what: 'column', month: '2025-01', span: 3 });
  });

  it.each(['openpyxl', 'libreoffice'])('month headers as dates on the 15th at 13:45: clean (%s)', async (w) => {
    const f = await fixture(`hidden7-month-dates-with-time-${w}`);
    expect(f.at).toEqual([]);
  });
});

describe("CSV as Danish Excel saves it, and Excel's Unicode text", () => {
  const META = 'structure/missing-metadata@undefined:undefined';
  /** A CSV's one sheet is named by the file. */
  const sheetOf = (name: string) => name.slice(0, 31);

  it.each(['csv-utf16', 'csv-1252'])('Antal and Enhedspris beside quarters: clean but for the missing metadata (%s)', async (w) => {
    const f = await fixture(`hidden7-csv-unit-columns-${w}`);
    expect(f.at).toEqual([META]);
    expect(f.expenses).toBe(121_920 * 100);
  });

  it.each(['csv-utf16', 'csv-utf8-bom'])('near-miss: a typed I alt 1.000 kr. over its quarters is a sum mismatch at its row (%s)', async (w) => {
    const name = `hidden7-csv-unit-columns-sum-mismatch-${w}`;
    const f = await fixture(name);
    expect(sorted(f.at)).toEqual(sorted([META, at(f, 'distribution/sum-mismatch', sheetOf(name), 'Kørsel')]));
  });

  it.each(['csv-1252', 'csv-utf16'])('sections and Antal / Enhed / Pris pr. enhed: clean, the subtotals not counted (%s)', async (w) => {
    const f = await fixture(`hidden7-csv-sections-unit-columns-${w}`);
    expect(f.at).toEqual([META]);
    expect(f.expenses).toBe(788_400 * 100);
  });

  it.each(['csv-1252', 'csv-utf16'])("near-miss: 'km' at 3,50 kr. is over the low rate at its row (%s)", async (w) => {
    const name = `hidden7-csv-km-rate-${w}`;
    const f = await fixture(name);
    expect(sorted(f.at)).toEqual(sorted([META, at(f, 'eligibility/mileage-rate', sheetOf(name), '2.1 Kørsel i egen bil')]));
  });
});

describe('SUBTOTAL sections, a total of subtotals, a linked Ansøgt beløb, formulas without cached values', () => {
  it.each(['xlsxwriter', 'openpyxl', 'libreoffice'])('I alt =SUBTOTAL(9,…) over sections of SUBTOTALs counts each line once: clean (%s)', async (w) => {
    const f = await fixture(`hidden7-subtotal-function-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(788_400 * 100);
  });

  it.each(['xlsxwriter', 'gnumeric'])('near-miss: a section SUBTOTAL that leaves a line out is reported at its row only (%s)', async (w) => {
    const f = await fixture(`hidden7-subtotal-function-short-${w}`);
    expect(f.at).toEqual([at(f, 'arithmetic/total-mismatch', 'Budget', 'Drift i alt')]);
  });

  it.each(['xlsxwriter', 'openpyxl'])('I alt as the sum of the subtotals and the last post: clean (%s)', async (w) => {
    const f = await fixture(`hidden7-total-of-subtotals-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(788_400 * 100);
  });

  it.each(['xlsxwriter', 'openpyxl', 'libreoffice'])("Ansøgt beløb =Budget!N15 (cached 0, or none) is the budget's I alt: clean (%s)", async (w) => {
    const f = await fixture(`hidden7-requested-linked-${w}`);
    expect(f.at).toEqual([]);
  });

  it.each(['xlsxwriter', 'openpyxl'])('near-miss: Ansøgt beløb =Budget!N15*1.1 is a requested mismatch at its row (%s)', async (w) => {
    const f = await fixture(`hidden7-requested-linked-off-${w}`);
    expect(f.at).toEqual([at(f, 'cap/requested-mismatch', 'Stamdata', 'meta:Ansøgt beløb')]);
  });

  it.each(['openpyxl', 'xlsxwriter', 'gnumeric'])('quarters as =8*12.5*215 and =Satser!$B$2*12: computed, clean, counted once (%s)', async (w) => {
    const f = await fixture(`hidden7-arithmetic-amounts-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(121_920 * 100);
  });

  it.each(['openpyxl', 'xlsxwriter'])("near-miss: the rate sheet's 300 kr. against '48 caféaftener à 250 kr.' is a unit-price mismatch (%s)", async (w) => {
    const f = await fixture(`hidden7-arithmetic-amounts-rate-changed-${w}`);
    expect(f.at).toEqual([at(f, 'itemisation/unit-price-mismatch', 'Budget', 'Forplejning i caféen')]);
  });

  it.each(['xlsxwriter', 'libreoffice', 'openpyxl'])(
    'Timer pr. uge × Antal uger × Timeløn, wrapped quarter headers under three title rows: clean (%s)',
    async (w) => {
      const f = await fixture(`hidden7-weeks-columns-${w}`);
      expect(f.at).toEqual([]);
      expect(f.expenses).toBe(121_920 * 100);
    },
  );

  it.each(['gnumeric', 'xlsxwriter'])('near-miss: 8 × 40 uger × 215 kr. against 86.000 kr. is a unit-price mismatch at its row (%s)', async (w) => {
    const f = await fixture(`hidden7-weeks-columns-mismatch-${w}`);
    expect(f.at).toEqual([at(f, 'itemisation/unit-price-mismatch', 'Budget', 'Frivilligkoordinator')]);
  });
});

describe('IF and IFERROR around the amounts, a summary by category', () => {
  it.each(['xlsxwriter', 'openpyxl', 'libreoffice'])('I alt =IF(SUM(…)=0,"",SUM(…)) cached as 0 is no total of 0 kr.: clean (%s)', async (w) => {
    const f = await fixture(`hidden7-if-hides-zero-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(788_400 * 100);
  });

  it.each(['libreoffice', 'gnumeric', 'xlsxwriter', 'openpyxl'])(
    'near-miss: an IF around a SUM that stops a quarter short, cached or evaluated, is a sum mismatch at its row (%s)',
    async (w) => {
      const f = await fixture(`hidden7-if-hides-zero-short-${w}`);
      expect(f.at).toEqual([at(f, 'distribution/sum-mismatch', 'Budget', '1.1 Advokat')]);
    },
  );

  it.each(['xlsxwriter', 'openpyxl'])('I alt =IF(SUM(…)>250000,250000,SUM(…)) under quarters of 270.400 kr.: a sum mismatch at its row (%s)', async (w) => {
    const f = await fixture(`hidden7-if-capped-total-${w}`);
    expect(f.at).toEqual([at(f, 'distribution/sum-mismatch', 'Budget', '1.1 Advokat')]);
  });

  it.each(['xlsxwriter', 'openpyxl'])("near-miss: the same IF with a cap of 300.000 kr. is the quarters' sum: clean (%s)", async (w) => {
    const f = await fixture(`hidden7-if-capped-total-under-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(788_400 * 100);
  });

  it.each(['openpyxl', 'xlsxwriter'])('quarters =IFERROR(Lønberegning!$D$2/4,0): computed, clean, counted (%s)', async (w) => {
    const f = await fixture(`hidden7-iferror-helper-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(121_920 * 100);
  });

  it.each(['xlsxwriter', 'openpyxl', 'libreoffice'])('a summary by category of SUMIFs over År 1 / År 2: clean, counted once (%s)', async (w) => {
    const f = await fixture(`hidden7-summary-by-category-sumif-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(3_318_000 * 100);
  });
});

describe('CSV figures as Excel shows them; year sheets of Excel tables under a summary', () => {
  const META = 'structure/missing-metadata@undefined:undefined';

  it.each(['csv-1252', 'csv-utf16', 'csv-utf8'])("'33.800', '2,23', '270.400' and a note over two lines: read in kroner, clean (%s)", async (w) => {
    const f = await fixture(`hidden7-csv-as-shown-${w}`);
    expect(f.at).toEqual([META]);
    expect(f.expenses).toBe(788_400 * 100);
  });

  it.each(['csv-1252', 'csv-utf16'])("near-miss: a quarter '54.760' under an I alt of '366.080' is a sum mismatch at its row (%s)", async (w) => {
    const name = `hidden7-csv-as-shown-sum-mismatch-${w}`;
    const f = await fixture(name);
    expect(sorted(f.at)).toEqual(sorted([META, at(f, 'distribution/sum-mismatch', name.slice(0, 31), '1.2 Juridisk rådgiver')]));
  });

  it.each(['xlsxwriter', 'openpyxl'])('a summary =SUM(Budget2025[I alt]) over tables on the year sheets: a summary, counted once, clean (%s)', async (w) => {
    const f = await fixture(`hidden7-table-year-sheets-${w}`);
    expect(f.at).toEqual([]);
    expect(f.infos).toEqual([]);
    expect(f.expenses).toBe(2_274_600 * 100);
  });

  it.each(['openpyxl', 'xlsxwriter'])(
    "near-miss: the summary's typed 'Budget 2026' that disagrees with that sheet is reported at its line, once (%s)",
    async (w) => {
      const f = await fixture(`hidden7-table-year-sheets-typed-${w}`);
      expect(f.at).toEqual([at(f, 'arithmetic/total-mismatch', 'Samlet budget', 'Budget 2026@summary')]);
      expect(f.expenses).toBe(2_274_600 * 100);
    },
  );

  it.each(['xlsxwriter', 'openpyxl'])('a summary =Budget2025[[#Totals],[I alt]]: counted once, clean (%s)', async (w) => {
    const f = await fixture(`hidden7-table-year-sheets-totals-ref-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(2_274_600 * 100);
  });
});

describe('overviews typed as values', () => {
  it.each(['gnumeric', 'openpyxl'])("one typed line per year sheet ('Budget 2025', 'Budget 2026'): a summary, counted once, clean (%s)", async (w) => {
    const f = await fixture(`hidden7-typed-overview-by-sheet-${w}`);
    expect(f.at).toEqual([]);
    expect(f.infos).toEqual([]);
    expect(f.expenses).toBe(2_274_600 * 100);
  });

  it.each(['libreoffice', 'xlsxwriter'])("near-miss: a typed 'Budget 2026' that disagrees with that sheet is reported at its line (%s)", async (w) => {
    const f = await fixture(`hidden7-typed-overview-by-sheet-wrong-${w}`);
    expect(f.at).toEqual([at(f, 'arithmetic/total-mismatch', 'Samlet budget', 'Budget 2026@summary')]);
    expect(f.expenses).toBe(2_274_600 * 100);
  });

  it.each(['xlsxwriter', 'openpyxl'])('typed by section in year columns: a summary, no lump sum or salary findings on its lines, clean (%s)', async (w) => {
    const f = await fixture(`hidden7-typed-overview-by-section-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(2_274_600 * 100);
  });

  it.each(['libreoffice', 'gnumeric'])("near-miss: a typed section figure that disagrees makes the overview's I alt a total mismatch (%s)", async (w) => {
    const f = await fixture(`hidden7-typed-overview-by-section-wrong-${w}`);
    expect(f.at).toEqual([at(f, 'arithmetic/total-mismatch', 'Samlet budget', 'I alt')]);
    expect(f.expenses).toBe(2_274_600 * 100);
  });
});

describe("project years from August on sheets 'År 1' / 'År 2' of bare months", () => {
  it.each(['openpyxl', 'libreoffice'])('read as August 2025 – July 2027, equipment in two project years under the cap: clean (%s)', async (w) => {
    const f = await fixture(`hidden7-project-years-from-august-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(852_000 * 100);
  });

  it.each(['xlsxwriter', 'gnumeric'])("near-miss: December 2025 and March 2026 are one project year, over the cap at 'År 1' (%s)", async (w) => {
    const f = await fixture(`hidden7-project-years-from-august-equipment-${w}`);
    expect(f.at).toEqual([at(f, 'eligibility/equipment-cap', 'År 1', 'Computere')]);
  });
});

describe("project quarters: bare K1 … K4 on 'År 1' / 'År 2' of a project from August", () => {
  it.each(['openpyxl', 'libreoffice', 'xlsxwriter'])(
    "K1 of 'År 1' is August – October 2025: every quarter in the period, computers in two project years, clean (%s)",
    async (w) => {
      const f = await fixture(`hidden7-project-quarters-from-august-${w}`);
      expect(f.at).toEqual([]);
      expect(f.expenses).toBe(852_000 * 100);
    },
  );

  it.each(['gnumeric', 'openpyxl'])("near-miss: computers in K3 and K4 of 'År 1' are one project year, over the cap (%s)", async (w) => {
    const f = await fixture(`hidden7-project-quarters-from-august-equipment-${w}`);
    expect(f.at).toEqual([at(f, 'eligibility/equipment-cap', 'År 1', 'Computere')]);
  });
});

describe('salary as Antal × Årsløn in columns', () => {
  it.each(['xlsxwriter', 'libreoffice'])('Antal × Årsløn × Antal måneder: the lines itemised, clean (%s)', async (w) => {
    const f = await fixture(`hidden7-annual-salary-columns-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(3_318_000 * 100);
  });

  it.each(['xlsxwriter', 'openpyxl'])('without Antal måneder: a stated rate, no error; the lines not itemised, a warning each (%s)', async (w) => {
    const f = await fixture(`hidden7-annual-salary-columns-no-months-${w}`);
    expect(f.findings.filter((x) => x.severity === 'error')).toEqual([]);
    expect(sorted(f.at)).toEqual(sorted(['Plejehjemsleder', 'Social- og sundhedsassistenter'].map((l) => at(f, 'itemisation/no-unit-price', 'Budget', l))));
  });

  it.each(['openpyxl', 'gnumeric'])("near-miss: the manager's Årsløn empty is salary-unspecified at his row (%s)", async (w) => {
    const f = await fixture(`hidden7-annual-salary-columns-empty-${w}`);
    expect(f.at).toEqual([at(f, 'itemisation/salary-unspecified', 'Budget', 'Plejehjemsleder')]);
  });

  it.each([
    ['Årsløn', 'annualSalary'],
    ['Årsløn (kr.)', 'annualSalary'],
    ['Løn pr. år', 'annualSalary'],
    ['Månedsløn', 'monthlySalary'],
    ['Årsværk', undefined],
  ])('quantityHeader(%j) is %s', (label, kind) => {
    expect(quantityHeader(label)).toBe(kind);
  });
});

describe('Stillingsprocent beside Månedsløn, Antal deltagere × Pris pr. deltager', () => {
  it.each(['xlsxwriter', 'gnumeric', 'openpyxl'])('75 × 52.000 kr. × 24 måneder is 936.000 kr.: clean (%s)', async (w) => {
    const f = await fixture(`hidden7-share-of-full-time-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(3_006_000 * 100);
  });

  it.each(['libreoffice', 'openpyxl'])("shares as percent cells (0,75 shown '75%'): clean (%s)", async (w) => {
    const f = await fixture(`hidden7-share-of-full-time-percent-cells-${w}`);
    expect(f.at).toEqual([]);
  });

  it.each(['xlsxwriter', 'gnumeric'])('near-miss: 75 % of 56.000 kr. for 24 months against 936.000 kr. is a unit-price mismatch at its row (%s)', async (w) => {
    const f = await fixture(`hidden7-share-of-full-time-mismatch-${w}`);
    expect(f.at).toEqual([at(f, 'itemisation/unit-price-mismatch', 'Budget', 'Plejehjemsleder')]);
  });

  it.each(['libreoffice', 'xlsxwriter'])("'75 % stilling, 52.000 kr./md., 24 mdr.' beside 936.000 kr.: clean (%s)", async (w) => {
    const f = await fixture(`hidden7-share-in-text-${w}`);
    expect(f.at).toEqual([]);
  });

  it.each(['openpyxl', 'gnumeric'])("near-miss: '75 % stilling, 56.000 kr./md., 24 mdr.' against 936.000 kr. is a unit-price mismatch (%s)", async (w) => {
    const f = await fixture(`hidden7-share-in-text-mismatch-${w}`);
    expect(f.at).toEqual([at(f, 'itemisation/unit-price-mismatch', 'Budget', 'Plejehjemsleder')]);
  });

  it.each([
    ['50 % stilling, 45.000 kr./md., 12 mdr.', 270_000],
    ['Stillingsprocent 50 %, 45.000 kr./md., 12 mdr.', 270_000],
    ['75 % af fuld tid à 52.000 kr./md. i 24 mdr.', 936_000],
    ['45.000 kr./md. inkl. 15 % pension, 24 mdr.', 1_080_000],
    ['37 t/uge, 45.000 kr./md., 33 mdr.', 1_485_000],
  ])('parseUnitPrice(%j) is %d kr.', (text, kroner) => {
    expect(parseUnitPrice(text)?.totalOre).toBe(kroner * 100);
  });

  it.each([
    ['Stillingsprocent', 'share'],
    ['Stillingsandel', 'share'],
    ['Andel af fuld tid', 'share'],
    ['Antal deltagere', 'units'],
    ['Pris pr. deltager', 'price'],
    ['Kr. pr. person', 'price'],
    ['Andel', undefined],
  ])('quantityHeader(%j) is %s', (label, kind) => {
    expect(quantityHeader(label)).toBe(kind);
  });
});
