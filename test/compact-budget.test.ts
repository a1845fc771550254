// The compact budget of the tests is a fixture definition laid out by the fixtures' own code, then read as raw cells.
import { describe, expect, it } from 'vitest';
import { compactBudget } from '../fixtures/defs/common.js';
import { layout } from '../fixtures/lib/layout.js';
import { rawWorkbookOf } from '../fixtures/lib/raw.js';
import { budgetWorkbook } from './helpers/budget.js';
import { a1 } from '../src/read/address.js';

const spec = {
  start: '2020-01',
  end: '2020-03',
  titleRows: 2,
  lines: [
    { post: 'Løn', spec: '3 mdr.', monthly: 100, note: 'Note 1' },
    { post: 'Revision', monthly: { 2: 50 }, total: 60 },
  ],
};

describe('the compact budget', () => {
  it('lays out Stamdata, the title, header, lines, I alt and the financing asked, in the columns the tests expect', () => {
    const { wb, rowOf, headerRow, totalRow } = budgetWorkbook(spec);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Stamdata', 'Budget']);
    const budget = wb.sheets[1];
    const text = (r: number) => (budget.rows.get(r) ?? []).map((c) => `${a1(c.row, c.col)}=${c.formula ?? String(c.value)}`);
    expect([headerRow, rowOf('Løn'), rowOf('Revision'), totalRow, rowOf('Ansøgt tilskud')]).toEqual([3, 4, 5, 6, 9]);
    expect(text(1)).toEqual(['A1=Budget']);
    expect(text(3)).toEqual(['A3=Budgetpost', 'B3=Specifikation', 'C3=jan 2020', 'D3=feb 2020', 'E3=mar 2020', 'F3=I alt', 'G3=Budgetnote']);
    expect(text(4)).toEqual(['A4=Løn', 'B4=3 mdr.', 'C4=100', 'D4=100', 'E4=100', 'F4=SUM(C4:E4)', 'G4=Note 1']);
    expect(text(5)).toEqual(['A5=Revision', 'E5=50', 'F5=60']);
    expect(text(6)).toEqual(['A6=I alt', 'C6=SUM(C4:C5)', 'D6=SUM(D4:D5)', 'E6=SUM(E4:E5)', 'F6=SUM(F4:F5)']);
    expect([text(8), text(9)]).toEqual([['A8=Finansiering'], ['A9=Ansøgt tilskud', 'F9=360']]);
    // Ansøgt beløb follows the lines' total cells (300 + the typed 60)
    expect(wb.sheets[0].rows.get(4)?.map((c) => c.value)).toEqual(['Ansøgt beløb', 360]);
    // formulas without cached results, no number formats: a file never recalculated
    expect(budget.rows.get(4)!.find((c) => c.formula)).toMatchObject({ noCachedResult: true, value: null });
    expect(budget.rows.get(4)!.every((c) => c.numFmt === undefined)).toBe(true);
  });

  it('read with results and formats, formulas carry what the layout computed', () => {
    const raw = rawWorkbookOf(layout(compactBudget(spec)));
    const total = raw.sheets[1].rows.get(6)!.find((c) => a1(c.row, c.col) === 'F6')!;
    expect(total).toMatchObject({ formula: 'SUM(F4:F5)', value: 360, numFmt: '#,##0' });
    expect(total.noCachedResult).toBeUndefined();
  });

  it('leaves out a Stamdata field set to undefined, and the sheet with stamdata: false', () => {
    const { wb } = budgetWorkbook({ ...spec, stamdata: { CVR: undefined } });
    expect([...wb.sheets[0].rows.values()].map((cells) => cells.map((c) => c.value))).toContainEqual(['CVR']);
    expect(budgetWorkbook({ ...spec, stamdata: false }).wb.sheets.map((s) => s.name)).toEqual(['Budget']);
  });
});
