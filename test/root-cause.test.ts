// One cause, one finding: a wrong subtotal or an error value carried on by the totals and the financing that draw on
// it (directly, through other formulas, across sheets) is reported where it starts only. Asserted by rule@sheet:row.
import { describe, expect, it } from 'vitest';
import { colLetters } from '../src/read/address.js';
import { argsOf } from './helpers/args.js';
import { check, ids } from './helpers/budget.js';
import { monthTexts, rawWorkbook, type CellSpec } from './helpers/raw.js';

const MONTHS = monthTexts('2020-01', '2022-09'); // recovery-2019's 33 months, columns C … AI
const FIRST = 3;
const TOTAL = FIRST + MONTHS.length; // AJ
const col = (i: number) => colLetters(FIRST + i);
const T = colLetters(TOTAL);

/** A line: its post, specification, one amount per month (or as given), and a SUM over its months. */
function line(r: number, post: string, spec: string, month: (i: number) => CellSpec): CellSpec[] {
  return [post, spec, ...MONTHS.map((_, i) => month(i)), { f: `SUM(C${r}:${col(MONTHS.length - 1)}${r})` }];
}

/** A total row whose every cell is `cell(letter)` (month columns, then the total column). */
function totals(post: string, cell: (c: string) => CellSpec, total?: CellSpec): CellSpec[] {
  return [post, undefined, ...MONTHS.map((_, i) => cell(col(i))), total ?? cell(T)];
}

/**
 * 'Budget': 1. Løn (row 4–5) and its subtotal in row 6, 2. Aktiviteter (row 8) and its subtotal in row 9, Udgifter i
 * alt in row 10 as row 6 + row 9, a financing section whose Ansøgt tilskud (row 13) is =AJ10. `change` may replace
 * cells first.
 */
function book(change: (rows: CellSpec[][]) => void = () => undefined) {
  const rows: CellSpec[][] = [
    ['Budget – Recovery-orienteret omlægning'],
    ['Post', 'Specifikation', ...MONTHS, 'I alt'],
    ['1. Løn'],
    line(4, '1.1 Projektleder', '37 t/uge, 45.000 kr./md., 33 mdr.', () => 45_000),
    line(5, '1.2 Koordinator', '37 t/uge, 30.000 kr./md., 33 mdr.', () => 30_000),
    totals('Løn i alt', (c) => ({ f: `SUM(${c}4:${c}5)` })),
    ['2. Aktiviteter'],
    line(8, '2.1 Revision', '3 erklæringer à 12.000 kr.', (i) => (i === 11 || i === 23 || i === 32 ? 12_000 : undefined)),
    totals('Aktiviteter i alt', (c) => ({ f: `SUM(${c}8:${c}8)` })),
    totals('Udgifter i alt', (c) => ({ f: `${c}6+${c}9` })),
    [],
    ['Finansiering'],
    ['Ansøgt tilskud', undefined, ...MONTHS.map(() => undefined), { f: `${T}10` }],
    ['Finansiering i alt', undefined, ...MONTHS.map(() => undefined), { f: `SUM(${T}13:${T}13)` }],
  ];
  change(rows);
  return rawWorkbook({ name: 'Budget', rows });
}

/** rule@sheet:row of the findings of the rules a wrong figure can spread to. */
const spread = (wb: ReturnType<typeof book>) =>
  ids(check(wb)).filter((id) => /^(arithmetic\/total-mismatch|structure\/formula-error|cap\/financing-mismatch|cap\/requested-mismatch)@/.test(id));

describe('one cause, one finding', () => {
  it('the budget as it stands: none of them', () => {
    expect(spread(book())).toEqual([]);
  });

  it('a subtotal typed too low: reported at it, not at the grand total over it nor at the financing that takes the grand total', () => {
    const wb = book((rows) => (rows[5][TOTAL - 1] = 2_400_000)); // the lines say 2.475.000 kr.
    expect(spread(wb)).toEqual(['arithmetic/total-mismatch@Budget:6']);
  });

  it('a subtotal typed too low under a requested amount stated right: the subtotal only, not the requested amount against the Ansøgt tilskud that takes it', () => {
    const wb = book((rows) => (rows[5][TOTAL - 1] = 2_400_000));
    const meta = rawWorkbook({
      name: 'Stamdata',
      rows: [
        ['Ansøger', 'Aabenraa Kommune'],
        ['CVR-nr.', '29189765'],
        ['Ansøgt beløb', 2_511_000],
      ],
    });
    expect(spread({ ...wb, sheets: [...meta.sheets, ...wb.sheets] })).toEqual(['arithmetic/total-mismatch@Budget:6']);
  });

  it('a wrong subtotal and a grand total wrong by more: both (two causes), the financing taking the grand total not again', () => {
    const wb = book((rows) => {
      rows[5][TOTAL - 1] = 2_400_000;
      rows[9][TOTAL - 1] = 2_000_000;
    });
    expect(spread(wb).sort()).toEqual(['arithmetic/total-mismatch@Budget:10', 'arithmetic/total-mismatch@Budget:6']);
  });

  it('a subtotal wrong in every cell (its SUMs skip a line): one finding at its first cell, not also the financing that takes another of its cells', () => {
    const wb = book((rows) => (rows[5] = totals('Løn i alt', (c) => ({ f: `SUM(${c}4:${c}4)` }))));
    expect(spread(wb)).toEqual(['arithmetic/total-mismatch@Budget:6']);
  });

  it('a month without a column under financing that follows the expenses: missing-months alone, not also the requested amount', () => {
    // July 2021 has no column: the lines' months, I alt and Ansøgt tilskud (= I alt − Egenfinansiering) are short of the
    // 33 months' 1.089.000 kr. the applicant states as requested
    const months = MONTHS.filter((m) => m !== 'jul 2021');
    const last = colLetters(FIRST + months.length - 1);
    const t = colLetters(FIRST + months.length);
    const row = (r: number, post: string, spec: string, kr: number): CellSpec[] => [post, spec, ...months.map(() => kr), { f: `SUM(C${r}:${last}${r})` }];
    const wb = rawWorkbook(
      {
        name: 'Stamdata',
        rows: [
          ['Ansøger', 'Aabenraa Kommune'],
          ['CVR-nr.', '29189765'],
          ['Ansøgt beløb', 1_089_000],
        ],
      },
      {
        name: 'Budget',
        rows: [
          ['Post', 'Specifikation', ...months, 'I alt'],
          row(2, 'Projektleder', '37 t/uge, 33.000 kr./md., 33 mdr.', 33_000),
          [
            'Udgifter i alt',
            undefined,
            ...months.map((_, i) => ({ f: `SUM(${colLetters(FIRST + i)}2:${colLetters(FIRST + i)}2)` })),
            { f: `SUM(${t}2:${t}2)` },
          ],
          [],
          ['Finansiering'],
          ['Ansøgt tilskud', undefined, ...months.map(() => undefined), { f: `${t}3-${t}7` }],
          ['Egenfinansiering', undefined, ...months.map(() => undefined), 33_000],
          ['Finansiering i alt', undefined, ...months.map(() => undefined), { f: `SUM(${t}6:${t}7)` }],
        ],
      },
    );
    const found = ids(check(wb)).filter((id) =>
      /^(structure\/missing-months|cap\/requested-mismatch|cap\/financing-mismatch|itemisation\/unit-price-mismatch)@/.test(id),
    );
    expect(found).toEqual(['structure/missing-months@Budget:1']);
  });

  it('an error value in a line: reported at its cell, not at each total and financing cell it reaches', () => {
    const c = col(11);
    const wb = book((rows) => {
      rows[7][FIRST + 11 - 1] = { f: '12000/0', err: '#DIV/0!' };
      // what a spreadsheet program saved for the cells the error reaches
      rows[7][TOTAL - 1] = { f: `SUM(C8:${col(MONTHS.length - 1)}8)`, err: '#DIV/0!' };
      rows[8][FIRST + 11 - 1] = { f: `SUM(${c}8:${c}8)`, err: '#DIV/0!' };
      rows[8][TOTAL - 1] = { f: `SUM(${T}8:${T}8)`, err: '#DIV/0!' };
      rows[9][FIRST + 11 - 1] = { f: `${c}6+${c}9`, err: '#DIV/0!' };
      rows[9][TOTAL - 1] = { f: `${T}6+${T}9`, err: '#DIV/0!' };
      rows[12][TOTAL - 1] = { f: `${T}10`, err: '#DIV/0!' };
      rows[13][TOTAL - 1] = { f: `SUM(${T}13:${T}13)`, err: '#DIV/0!' };
    });
    expect(spread(wb)).toEqual(['structure/formula-error@Budget:8']);
    expect(check(wb).find((f) => f.rule === 'structure/formula-error')?.cell).toBe(`${c}8`);
  });

  it('a division by zero saved without its result (openpyxl): #DIV/0!, as Excel shows it, at the cell only', () => {
    const wb = book((rows) => (rows[7][FIRST + 11 - 1] = { f: 'C4/0' }));
    expect(spread(wb)).toEqual(['structure/formula-error@Budget:8']);
    expect(argsOf(check(wb).find((f) => f.rule === 'structure/formula-error'))?.error).toBe('#DIV/0!');
  });
});
