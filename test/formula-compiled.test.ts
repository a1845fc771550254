// The compiled formula evaluator (each distinct text parsed once into a tree) gives what the recursive-descent parser
// gives, for every formula: the same value, the same failure, and the same failure first when a formula has several
// (the tree stops where the parser stops). Checked on hand-picked formulas and on random ones from the grammar's parts.
import { describe, expect, it } from 'vitest';
import { evaluateFormula, FormulaParser } from '../src/model/formula.js';
import { Grid } from '../src/model/grid.js';
import { rawWorkbook } from './helpers/raw.js';

/** A workbook with numbers, text amounts, text, blanks, errors, a cycle, an absurd number and a second sheet. */
function workbook() {
  return rawWorkbook(
    {
      name: 'Budget',
      rows: [
        ['Post', 10, 20.5, '1.234,50', 'tekst', { f: 'B1+C1', v: 30.5 }],
        ['Løn', 0, -3, { f: 'A9', v: 0 }, { f: 'B2/0', err: '#DIV/0!' }, 1e308],
        ['Husleje', { f: 'C3+1', v: 0 }, { f: 'B3+1', v: 0 }, { f: 'FOO(1)', v: 7 }, { f: 'SUM(B1:C2)', v: 27.5 }, { f: 'Andet!B1*2', v: 8 }],
        [undefined, { f: "'Budget 2'!A1", v: 3 }, true, { f: 'IF(B1>0,1,2)', err: '#VALUE!' }],
      ],
    },
    { name: 'Andet', rows: [['x', 4, { f: 'B1*B1', v: 16 }]] },
  );
}

const HAND = [
  '1+2*3',
  '-B1+C1',
  '--B1',
  '+B1',
  '(B1+C1)*2',
  'B1/0',
  'B1/(C2+3)',
  'SUM(B1:F1)',
  'SUM(B1:C2;B3)',
  'SUM(B1,C1,D1)',
  'SUM()',
  'SUM(B1:C2)+SUM(B1:C3)',
  'ROUND(C1,0)',
  'ROUND(C1;1)',
  'ROUND(C1)',
  'ROUND(C1,1',
  'D1+1',
  'E1+1',
  'SUM(E1)',
  'F2+1',
  'SUM(F2)',
  'E2+1',
  'B3',
  'D3',
  'Andet!B1+Andet!C1',
  'andet!b1',
  'Ingen!B1+1',
  'B1+Ingen!B1',
  '1/0+Ingen!B1',
  'Ingen!B1+1/0',
  'SUM(Ingen!B1:B3)',
  'B1:C1',
  'B1+B1:C1',
  '#REF!+B1',
  'B1+#REF!',
  'FOO(1)+1/0',
  '1/0+FOO(1)',
  'B1+FOO(1)',
  'B1+',
  '(B1+C1',
  'B1)',
  'B1 B2',
  'A1B2',
  '1e3+2E-1',
  'SUM(A1:A1048576)',
  'SUM(A1:ZZZ9999)',
  'SUM(B1+C1,2)',
  'SUM(B1:C1 + 1)',
  'C4',
  'SUM(C4)',
  'D4',
  'B4',
  'SUM(1/0)',
  'ROUND(1/0,1)',
  'ROUND(1,1/0)',
  "'Budget 2'!A1",
  "SUM('Andet'!B1:C1)",
  '((((((((((B1))))))))))',
  // the percent sign after a factor (=J10*12%, a pension of the salary)
  'B1*12%',
  '-B1%',
  '12%%',
  'SUM(B1:C1)*5%',
  'B1%+1',
  '(B1+C1)%',
  'B1/0%',
  '%B1',
  'B1*%',
  '-'.repeat(300) + '1',
  '('.repeat(300) + '1' + ')'.repeat(300),
];

function both(f: string) {
  const wb = workbook();
  const a = new FormulaParser(new Grid(wb), 'Budget', f).parse();
  const b = evaluateFormula(new Grid(wb), 'Budget', f);
  return { a, b };
}

describe('compiled formulas', () => {
  it.each(HAND)('%s evaluates as the parser evaluates it', (f) => {
    const { a, b } = both(f);
    expect(b).toEqual(a);
  });

  it('random formulas from the grammar evaluate as the parser evaluates them', () => {
    const parts = ['B1', 'C1', 'D1', 'E1', 'E2', 'F2', 'B3', 'D3', 'F3', 'Andet!C1', 'Ingen!B1', 'B1:C2', '0', '2', '1.5', '#REF!', 'FOO(1)'];
    const ops = ['+', '-', '*', '/', ',', ';', '(', ')', 'SUM(', 'ROUND(', ' ', ''];
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const gen = (d: number): string => {
      const k = d > 3 ? 0 : rnd(7);
      if (k === 0 || k === 1) return parts[rnd(parts.length)];
      if (k === 2) return `${gen(d + 1)}${['+', '-', '*', '/'][rnd(4)]}${gen(d + 1)}`;
      if (k === 3) return `SUM(${Array.from({ length: rnd(3) + 1 }, () => gen(d + 1)).join(rnd(2) ? ',' : ';')})`;
      if (k === 4) return `ROUND(${gen(d + 1)},${rnd(3)})`;
      if (k === 5) return `(${gen(d + 1)})`;
      return `-${gen(d + 1)}`;
    };
    let differ = 0;
    let ok = 0;
    for (let i = 0; i < 3000; i++) {
      let f = gen(0);
      // one in three broken: a character of the grammar put in or taken out somewhere
      if (rnd(3) === 0) {
        const at = rnd(f.length + 1);
        f = rnd(2) ? f.slice(0, at) + ops[rnd(ops.length)] + f.slice(at) : f.slice(0, at) + f.slice(at + 1);
      }
      const { a, b } = both(f);
      if (JSON.stringify(a) !== JSON.stringify(b)) differ++;
      if (a.ok) ok++;
    }
    expect(differ).toBe(0);
    expect(ok).toBeGreaterThan(100); // the random formulas are not all failures
  });
});

describe('MIN, MAX, PRODUCT, ROUNDUP, ROUNDDOWN, ABS and INT', () => {
  it.each([
    ['MIN(B1,C1)', 10],
    ['MAX(B1;C1;F1)', 30.5],
    ['MIN(A4,5)', 5], // a blank cell is left out, not 0
    ['MAX(E1,-2)', -2], // so is a text cell
    ['MIN(B1*0,5)', 0], // an expression over a cell is a number
    ['PRODUCT(C1,0.12)', 2.46],
    ['PRODUCT(A4,3)', 3],
    ['MAX()', 0],
    ['ROUNDUP(C1,0)', 21],
    ['ROUNDUP(-C1;0)', -21], // away from zero
    ['ROUNDDOWN(C1,0)', 20],
    ['ROUNDUP(2.1*100,0)', 210], // float noise is no fraction
    ['ROUNDDOWN(1234.5678,-2)', 1200],
    ['ABS(C2)', 3],
    ['INT(-C1)', -21],
  ])('%s is %s, by the parser and the compiled evaluator alike', (f, want) => {
    const { a, b } = both(f);
    expect(a).toEqual({ ok: true, value: want });
    expect(b).toEqual(a);
  });

  it.each(['MIN(B1:C1)', 'PRODUCT(B1:C2,2)', 'MAX(E2,1)', 'ROUNDUP(C1)'])('%s is not read (a range, an error value, no digits)', (f) => {
    const { a, b } = both(f);
    expect(a.ok).toBe(false);
    expect(b).toEqual(a);
  });
});
