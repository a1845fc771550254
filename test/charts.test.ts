// The HTML report's SVG charts as pure functions: months filled and binned by quarter, spikes marked, text escaped.
import { describe, expect, it } from 'vitest';
import { monthsChart, poolChart, postsChart } from '../src/report/charts.js';
import { budgetChart } from '../src/report/chart-data.js';
import type { Budget } from '../src/model/types.js';
import type { FileReport } from '../src/report/types.js';

const count = (svg: string | undefined, re: RegExp) => (svg?.match(re) ?? []).length;

describe('chart data', () => {
  it('sums a budget per month, every month from first to last (gaps as 0)', () => {
    const lines = [
      {
        months: new Map([
          ['2020-01', 100],
          ['2020-04', 50],
        ]),
      },
      { months: new Map([['2020-01', 5]]) },
    ];
    const c = budgetChart({ lines } as unknown as Budget, 'month');
    expect(c?.months).toEqual([
      ['2020-01', 105],
      ['2020-02', 0],
      ['2020-03', 0],
      ['2020-04', 50],
    ]);
    expect(budgetChart({ lines: [] } as unknown as Budget)).toBeUndefined();
  });

  it('runs across a year end, ignores keys that are no month and stops at 240 months', () => {
    const lines = [
      {
        months: new Map([
          ['2020-11', 1],
          ['2021-02', 2],
          ['x', 9],
          ['2021-13', 9],
        ]),
      },
      { months: new Map([['2021-01', 3]]) },
    ];
    expect(budgetChart({ lines } as unknown as Budget)?.months).toEqual([
      ['2020-11', 1],
      ['2020-12', 0],
      ['2021-01', 3],
      ['2021-02', 2],
    ]);
    expect(budgetChart({ lines: [{ months: new Map([['x', 1]]) }] } as unknown as Budget)).toBeUndefined();
    const long = budgetChart({
      lines: [
        {
          months: new Map([
            ['2000-01', 1],
            ['2040-12', 2],
          ]),
        },
      ],
    } as unknown as Budget)!.months!;
    expect(long.length).toBe(240);
    expect(long[239]).toEqual(['2019-12', 0]);
  });
});

describe('monthsChart', () => {
  const months: Array<[string, number]> = Array.from({ length: 12 }, (_, i) => [`2021-${String(i + 1).padStart(2, '0')}`, i === 0 ? 900_000 : 100_000]);
  it('draws a bar per month and marks a month over twice the typical one', () => {
    const svg = monthsChart({ months }, 'da');
    expect(count(svg, /<rect class="bar/g)).toBe(12);
    expect(count(svg, /class="bar spike"/g)).toBe(1);
    expect(svg).toMatch(/^<svg class="chart chart-months"/);
  });
  it('sums quarters for a pool reported by quarter', () => {
    const svg = monthsChart({ months, granularity: 'quarter' }, 'en');
    expect(count(svg, /<rect class="bar/g)).toBe(4);
    expect(svg).toContain('2021 Q1: 11,000 kr.');
    expect(monthsChart({ months, granularity: 'quarter' }, 'da')).toContain('2021 K1: 11.000 kr.');
    expect(svg).toContain('Expenses per quarter');
  });
  it('a flat budget has no spike', () => {
    expect(count(monthsChart({ months: months.map(([m]) => [m, 5000] as [string, number]) }, 'da'), /spike/g)).toBe(0);
  });
});

describe('postsChart and poolChart', () => {
  it('escapes post names and marks spending over budget', () => {
    const svg = postsChart(
      {
        posts: [
          { post: '<script>x</script>', budget: 100, actual: 200 },
          { post: 'Kørsel', budget: 100, actual: 50 },
        ],
      },
      'da',
    )!;
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(count(svg, /class="actual over"/g)).toBe(1);
  });
  it('stacks the applications against the funds and links each to its section', () => {
    const file = (errors: number): FileReport => ({
      path: 'x',
      kind: 'budget',
      totals: {},
      findings: Array(errors).fill({ rule: 'r', severity: 'error', message: '' }),
    });
    const svg = poolChart(
      [
        { file: file(0), asked: 100_00, anchor: 'file-1', label: 'A & B' },
        { file: file(1), asked: 300_00, anchor: 'file-2', label: 'C' },
      ],
      1000_00,
      'da',
    );
    expect(count(svg, /<rect class="seg"/g)).toBe(2);
    expect(count(svg, /<rect class="app"/g)).toBe(2);
    expect(count(svg, /href="#file-2"/g)).toBe(2);
    expect(svg).toContain('A &amp; B');
    expect(svg).toContain('class="funds"');
  });
});

describe('the chart figures in a file report', () => {
  it('are there by default and left out with charts: false (the CLI asks for them for --format html only)', async () => {
    const { checkFile } = await import('../src/check.js');
    const path = 'fixtures/examples/roskilde-budget.xlsx';
    const withChart = await checkFile(path);
    expect(withChart.chart?.months?.length).toBeGreaterThan(0);
    const without = await checkFile(path, { charts: false });
    expect(without.chart).toBeUndefined();
    expect(without.findings).toEqual(withChart.findings);
  });
});
