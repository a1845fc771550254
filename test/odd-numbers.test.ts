// Bounded, deterministic formula evaluation and odd numbers (issue 11, items 8, 11, 12, 13): each SUM range added
// up once, chains of any depth evaluated without recursion, cycles and formulas given up on reported at their cell,
// absurd amounts and out-of-range dates never crash the model or poison the report.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Grid, MAX_FORMULA_DEPTH } from '../src/model/grid.js';
import { check } from './helpers/budget.js';
import { rawWorkbook, type CellSpec } from './helpers/raw.js';
import { writeXlsx } from './helpers/xlsx.js';
import { argsOf } from './helpers/args.js';

const at = (findings: ReturnType<typeof check>, rule: string) => findings.filter((f) => f.rule === rule).map((f) => [f.sheet, f.row, f.cell]);

/** A budget of n lines over two months, each line with a share of the whole (=D/SUM of the column) and a running total. */
function bigBudget(n: number) {
  const rows: CellSpec[][] = [['Budgetpost', 'januar 2020', 'februar 2020', 'I alt', 'Andel', 'Løbende']];
  for (let i = 0; i < n; i++) {
    const r = i + 2;
    rows.push([`Post ${i}`, 100, 200, { f: `SUM(B${r}:C${r})` }, { f: `D${r}/SUM(D$2:D$${n + 1})` }, { f: `SUM(D$2:D${r})` }]);
  }
  rows.push(['I alt', { f: `SUM(B2:B${n + 1})` }, { f: `SUM(C2:C${n + 1})` }, { f: `SUM(D2:D${n + 1})` }]);
  return rawWorkbook({ name: 'Budget', rows });
}

describe('SUM ranges are added up once (item 8)', () => {
  it('a column summed by every line is one range total, and the results are those of adding it up each time', () => {
    const n = 3000;
    const grid = new Grid(bigBudget(n));
    let share = 0;
    for (let r = 2; r <= n + 1; r++) {
      const v = grid.value('Budget', grid.cell('Budget', r, 5)!);
      expect(v.ok).toBe(true);
      if (v.ok) share += v.value;
    }
    expect(share).toBeCloseTo(1, 9);
    // one total for D2:D3001, and one growing total for the running D$2:D{r}
    expect([...grid.rangeSums.keys()].filter((k) => k.startsWith('Budget|4|4|2'))).toEqual(['Budget|4|4|2']);
    const last = grid.value('Budget', grid.cell('Budget', n + 1, 6)!);
    expect(last).toMatchObject({ ok: true, value: 300 * n });
    const mid = grid.value('Budget', grid.cell('Budget', 1001, 6)!);
    expect(mid).toMatchObject({ ok: true, value: 300 * 1000 });
  });

  it('10.000 lines whose February is a share of the January column are checked in seconds, not minutes', () => {
    const n = 10_000;
    const rows: CellSpec[][] = [['Budgetpost', 'januar 2020', 'februar 2020', 'I alt']];
    for (let i = 0; i < n; i++) {
      const r = i + 2;
      rows.push([`Post ${i}`, 100, { f: `B${r}/SUM(B$2:B$${n + 1})*${100 * n}` }, { f: `SUM(B${r}:C${r})` }]);
    }
    const t = Date.now();
    const findings = check(rawWorkbook({ name: 'Budget', rows }));
    expect(Date.now() - t).toBeLessThan(15_000);
    expect(findings.filter((f) => f.rule === 'internal/rule-failed' || f.rule === 'distribution/sum-mismatch')).toEqual([]);
  }, 60_000);
});

/** The last line holds 100; each line above adds 1 to the line below it, n lines deep: reading from the top, the
 * first amount needs the whole chain. */
function chain(n: number, extra: CellSpec[][] = []) {
  const rows: CellSpec[][] = [['Budgetpost', 'januar 2020', 'I alt']];
  for (let i = 0; i < n; i++) {
    const r = i + 2;
    rows.push([`Post ${i}`, i === n - 1 ? 100 : { f: `B${r + 1}+1` }, { f: `SUM(B${r}:B${r})` }]);
  }
  return rawWorkbook({ name: 'Budget', rows: [...rows, ...extra] });
}

describe('deep chains and cycles (item 11)', () => {
  it('evaluates a reference chain of any depth, from its deep end, without recursion', () => {
    for (const n of [1000, 20_000]) {
      const grid = new Grid(chain(n));
      expect(grid.value('Budget', grid.cell('Budget', 2, 2)!)).toMatchObject({ ok: true, value: 100 + n - 1 });
    }
  });

  it('a circular reference is structure/formula-error at its cells, not 0', () => {
    const wb = rawWorkbook({
      name: 'Budget',
      rows: [
        ['Budgetpost', 'januar 2020', 'februar 2020', 'I alt'],
        ['Løn', { f: 'C2+1' }, { f: 'B2' }, { f: 'SUM(B2:C2)' }],
        ['Revision', 100, 100, { f: 'SUM(B3:C3)' }],
        ['Husleje', { f: 'D4' }, 100, { f: 'SUM(B4:C4)' }],
      ],
    });
    const grid = new Grid(wb);
    expect(grid.value('Budget', grid.cell('Budget', 2, 2)!)).toEqual({ ok: false, reason: 'cycle' });
    expect(grid.value('Budget', grid.cell('Budget', 4, 4)!)).toEqual({ ok: false, reason: 'cycle' });
    const found = check(wb);
    // one finding per cycle: B2 and C2 refer to each other (one cycle, at its first cell); B4 and D4 are another
    expect(at(found, 'structure/formula-error')).toEqual([
      ['Budget', 2, 'B2'],
      ['Budget', 4, 'B4'], // D4 is in the cycle too, but a total over an error is not reported again
    ]);
    expect(argsOf(found.find((f) => f.cell === 'B2'))?.error).toBe('circular');
  });

  it('a cycle longer than the depth limit is given up on and reported, never a number', () => {
    const n = MAX_FORMULA_DEPTH * 3;
    const rows: CellSpec[][] = [['Budgetpost', 'januar 2020', 'I alt']];
    for (let i = 0; i < n; i++) rows.push([`Post ${i}`, { f: `B${i === n - 1 ? 2 : i + 3}+1` }, { f: `SUM(B${i + 2}:B${i + 2})` }]);
    const grid = new Grid(rawWorkbook({ name: 'Budget', rows }));
    for (let r = 2; r < n + 2; r += 17) {
      const v = grid.value('Budget', grid.cell('Budget', r, 2)!);
      expect(v.ok).toBe(false);
      if (!v.ok) expect(['cycle', 'too-deep']).toContain(v.reason);
    }
    const found = check(rawWorkbook({ name: 'Budget', rows }));
    expect(at(found, 'structure/formula-error').length).toBeGreaterThan(0);
    expect(found.filter((f) => f.rule === 'internal/rule-failed')).toEqual([]);
  });

  it('gives the same report on worker threads as in the main thread (--jobs 1 and 2)', async () => {
    if (!existsSync(resolve('dist/cli.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
    const dir = mkdtempSync(join(tmpdir(), 'bt-deep-'));
    const files = [join(dir, 'a.xlsx'), join(dir, 'b.xlsx')];
    const stam: CellSpec[][] = [];
    const wb = chain(3000, stam);
    for (const f of files) await writeXlsx(wb, f);
    const run = (jobs: string) =>
      spawnSync(process.execPath, [resolve('bin/budgettjek.js'), 'check', ...files, '--pool', 'recovery-2019', '--format', 'json', '--jobs', jobs], {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      });
    const one = run('1');
    const two = run('2');
    expect(one.stderr).toBe('');
    expect(two.stdout).toBe(one.stdout);
    const doc = JSON.parse(one.stdout);
    expect(doc.files[0].totals.expenses).toBe((100 + 100 + 2999) * 1500); // Σ (100 + i) kr. for i < 3000
  });
});

describe('absurd amounts and dates (items 12, 13)', () => {
  it('1e308, a formula over 10^13 kr. and a 19-digit text are structure/non-numeric-amount at their cells', () => {
    const wb = rawWorkbook({
      name: 'Budget',
      rows: [
        ['Budgetpost', 'januar 2020', 'februar 2020', 'I alt'],
        ['Løn', 1e308, 100, { f: 'SUM(B2:C2)' }],
        ['Revision', { f: '100000*100000*100000' }, 100, { f: 'SUM(B3:C3)' }],
        ['Husleje', '1.000.000.000.000.000.000', 100, { f: 'SUM(B4:C4)' }],
      ],
    });
    const found = check(wb);
    expect(at(found, 'structure/non-numeric-amount')).toEqual([
      ['Budget', 2, 'B2'],
      ['Budget', 3, 'B3'],
      ['Budget', 4, 'B4'],
    ]);
    const text = JSON.stringify(found);
    expect(text).not.toMatch(/Infinity|NaN|null/);
  });

  it('a month header dated year 275.000 is not a month, and the file is still checked', () => {
    const wb = rawWorkbook({
      name: 'Budget',
      rows: [
        ['Budgetpost', new Date(Date.UTC(2020, 0, 1)), new Date(Date.UTC(275000, 0, 1)), 'I alt'],
        ['Løn', 100, 100, { f: 'SUM(B2:C2)' }],
      ],
    });
    const found = check(wb);
    expect(found.filter((f) => f.rule === 'internal/rule-failed')).toEqual([]);
    expect(at(found, 'structure/missing-months').map(([sheet, row]) => [sheet, row])).toEqual([['Budget', 1]]);
  });
});
