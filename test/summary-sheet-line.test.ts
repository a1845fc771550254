// A summary's line that names a year sheet ('Budget 2026' on an overview of one line per sheet) is compared with that
// sheet's lines only where every one of them has a known amount: a line whose formulas cannot be evaluated (no result
// cached) is no 0 kr. (arithmetic/total-mismatch, what 'summary').
import { describe, expect, it } from 'vitest';
import { check } from './helpers/budget.js';
import { rawWorkbook, type CellSpec } from './helpers/raw.js';

const year = (name: string, drift: CellSpec[]) => ({
  name,
  rows: [
    [name],
    ['Budgetpost', 'Specifikation', `jan ${name.slice(-4)}`, `feb ${name.slice(-4)}`, 'I alt'],
    ['Løn', '2 mdr. á 300.000 kr.', 300000, 300000, { f: 'SUM(C3:D3)' }],
    ['Drift', 'husleje 2 mdr.', ...drift, { f: 'SUM(C4:D4)' }],
    ['Revision', '1 erklæring á 20.000 kr.', 0, 20000, { f: 'SUM(C5:D5)' }],
    ['I alt', '', { f: 'SUM(C3:C5)' }, { f: 'SUM(D3:D5)' }, { f: 'SUM(E3:E5)' }],
  ] as CellSpec[][],
});
// a formula of the evaluator's grammar's end (SUMPRODUCT), written with no cached result
const unread: CellSpec = { f: 'SUMPRODUCT(C3:C3,C3:C3)/2250000' };
const book = (summary2026: number, drift2026: CellSpec[]) =>
  rawWorkbook(
    {
      name: 'Samlet budget',
      rows: [['Samlet budget'], ['Budgetpost', 'I alt'], ['Budget 2025', 700000], ['Budget 2026', summary2026], ['I alt', { f: 'SUM(B3:B4)' }]],
    },
    year('Budget 2025', [40000, 40000]),
    year('Budget 2026', drift2026),
  );
const mismatches = (wb: ReturnType<typeof rawWorkbook>) =>
  check(wb)
    .filter((f) => f.rule === 'arithmetic/total-mismatch')
    .map((f) => `${f.sheet}:${f.row}`);

describe("a summary's line naming a year sheet", () => {
  it('is not compared with a sheet one of whose lines has no known amount (no false total-mismatch)', () => {
    expect(mismatches(book(700000, [unread, unread]))).toEqual([]);
  });

  it('near-miss: every line known, the line typed wrong is arithmetic/total-mismatch at it', () => {
    expect(mismatches(book(650000, [40000, 40000]))).toEqual(['Samlet budget:4']);
  });

  it('near-miss: every line known and the line right: nothing', () => {
    expect(mismatches(book(700000, [40000, 40000]))).toEqual([]);
  });
});
