import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { roskilde } from './helpers/example-budgets.js';
import { checkFile } from '../src/check.js';
import type { FileReport } from '../src/report/types.js';
import { accountsWorkbook, type AccountsSpec } from './helpers/accounts.js';
import { budgetWorkbook } from './helpers/budget.js';
import { writeXlsx } from './helpers/xlsx.js';

const dir = mkdtempSync(join(tmpdir(), 'bt-accounts-'));
const approvedPath = join(dir, 'godkendt-budget.xlsx');
let n = 0;

async function checkAccounts(spec: AccountsSpec, budget?: string): Promise<{ report: FileReport; rowOf: (p: string) => number; totalRow: number }> {
  const a = accountsWorkbook(spec);
  const p = join(dir, `regnskab-${n++}.xlsx`);
  await writeXlsx(a.wb, p);
  return { report: await checkFile(p, { budget }), rowOf: a.rowOf, totalRow: a.totalRow };
}

const at = (r: FileReport, rule: string) => r.findings.filter((f) => f.rule === rule).map((f) => [f.sheet, f.row]);
const errors = (r: FileReport) => r.findings.filter((f) => f.severity === 'error');

/** The approved Roskilde budget's posts with their totals, spent almost as planned. */
const lines = roskilde.lines.map((l) => {
  const months = typeof l.monthly === 'number' ? Array(33).fill(l.monthly) : Object.values(l.monthly);
  return { post: l.post, total: months.reduce((s: number, x: number) => s + x, 0) as number };
});
const asPlanned = lines.map((l) => ({ post: l.post, budget: l.total, actual: Math.round(l.total * 0.98) }));

beforeAll(async () => {
  await writeXlsx(budgetWorkbook(roskilde).wb, approvedPath);
});

describe('accounts alone', () => {
  it('a clean accounts file with small deviations below the thresholds gets no error', async () => {
    const { report } = await checkAccounts({ posts: asPlanned });
    expect(report.kind).toBe('accounts');
    expect(errors(report)).toEqual([]);
    expect(report.totals.budget).toBe(lines.reduce((s, l) => s + l.total, 0) * 100);
  });

  it('deviation-needs-approval when over 10 % and the explanation does not say approved; godkendt satisfies it', async () => {
    const posts = [
      { post: 'Løn projektleder', budget: 1_485_000, actual: 1_300_000, explanation: 'Stillingen var ubesat i 4 måneder' },
      { post: 'Kørsel', budget: 31_350, actual: 40_000, explanation: 'Flere besøg; godkendt af Socialstyrelsen 12.3.2021' },
      { post: 'Revision', budget: 36_000, actual: 36_000 },
    ];
    const { report, rowOf } = await checkAccounts({ posts });
    expect(at(report, 'accounts/deviation-needs-approval')).toEqual([['Regnskab', rowOf('Løn projektleder')]]);
    expect(at(report, 'accounts/missing-explanation')).toEqual([]);
  });

  it('missing-explanation for a large deviation with no explanation; over 100.000 kr. counts even under 10 %', async () => {
    const posts = [
      { post: 'Løn projektleder', budget: 1_485_000, actual: 1_370_000 },
      { post: 'Kørsel', budget: 31_350, actual: 31_000 },
    ];
    const { report, rowOf } = await checkAccounts({ posts });
    expect(at(report, 'accounts/missing-explanation')).toEqual([['Regnskab', rowOf('Løn projektleder')]]);
    // Unexplained is also unapproved: a caseworker filtering on the approval rule must see it.
    expect(at(report, 'accounts/deviation-needs-approval')).toEqual([['Regnskab', rowOf('Løn projektleder')]]);
    expect(report.findings.find((f) => f.rule === 'accounts/deviation-needs-approval')).toMatchObject({ args: { explained: false } });
  });

  it('a deviation under both thresholds without explanation gets neither finding', async () => {
    const { report } = await checkAccounts({
      posts: [
        { post: 'Løn projektleder', budget: 1_485_000, actual: 1_400_000 },
        { post: 'Kørsel', budget: 31_350, actual: 33_000 },
      ],
    });
    expect(at(report, 'accounts/deviation-needs-approval')).toEqual([]);
    expect(at(report, 'accounts/missing-explanation')).toEqual([]);
  });

  it('a post with spending and a budget of 0 is unbudgeted-post alone, with no "∞ %" deviation', async () => {
    const { report, rowOf } = await checkAccounts({ posts: [...asPlanned, { post: 'Nyt IT-system', budget: 0, actual: 25_000 }] });
    expect(report.findings.filter((f) => f.row === rowOf('Nyt IT-system')).map((f) => f.rule)).toEqual(['accounts/unbudgeted-post']);
  });

  it('unbudgeted-post for spending without a budget', async () => {
    const { report, rowOf } = await checkAccounts({ posts: [...asPlanned, { post: 'Julefrokost', budget: undefined, actual: 8_000 }] });
    expect(at(report, 'accounts/unbudgeted-post')).toEqual([['Regnskab', rowOf('Julefrokost')]]);
  });

  it('total-exceeds-grant and unspent-funds against Bevilget beløb', async () => {
    const over = await checkAccounts({
      posts: [{ post: 'Løn projektleder', budget: 1_000_000, actual: 1_050_000, explanation: 'godkendt' }],
      stamdata: { 'Bevilget beløb': 1_000_000 },
    });
    expect(at(over.report, 'accounts/total-exceeds-grant')).toEqual([['Regnskab', over.totalRow]]);
    const under = await checkAccounts({ posts: [{ post: 'Løn projektleder', budget: 1_000_000, actual: 990_000 }], stamdata: { 'Bevilget beløb': 1_000_000 } });
    const u = under.report.findings.find((f) => f.rule === 'accounts/unspent-funds');
    expect(u).toMatchObject({ severity: 'warning', sheet: 'Stamdata', row: 4 });
    expect(under.report.totals.unspent).toBe(1_000_000);
    const tiny = await checkAccounts({ posts: [{ post: 'Løn projektleder', budget: 1_000_000, actual: 999_600 }], stamdata: { 'Bevilget beløb': 1_000_000 } });
    expect(at(tiny.report, 'accounts/unspent-funds')).toEqual([]);
  });

  it('outside-period for actual spending in a month after the period', async () => {
    const { report, rowOf } = await checkAccounts({
      months: ['2022-08', '2022-11'],
      posts: [
        { post: 'Kørsel', budget: 2000, actual: 2000, months: { 0: 1000, 1: 1000 } },
        { post: 'Afslutning', budget: 5000, actual: 5000, months: { 1: 2000, 3: 3000 } },
      ],
    });
    expect(at(report, 'accounts/outside-period')).toEqual([['Regnskab', rowOf('Afslutning')]]);
  });

  it('a stated period outside the pool period is one outside-period at its cell, not one per post spending in it', async () => {
    const { report } = await checkAccounts({
      stamdata: { Projektperiode: '01.01.2020 – 31.12.2022' },
      months: ['2022-08', '2022-12'],
      posts: [
        { post: 'Kørsel', budget: 2000, actual: 2000, months: { 0: 1000, 3: 1000 } }, // nov 2022: inside the stated period
        { post: 'Afslutning', budget: 5000, actual: 5000, months: { 1: 2000, 4: 3000 } }, // dec 2022: inside the stated period
      ],
    });
    expect(at(report, 'accounts/outside-period')).toEqual([['Stamdata', 5]]);
    expect(report.findings.find((f) => f.rule === 'accounts/outside-period')).toMatchObject({ actual: 400_000 });
  });

  it('reads another layout: title rows, Faktisk forbrug and Bemærkning columns, Danish text amounts', async () => {
    const { report, rowOf } = await checkAccounts({
      titleRows: ['Roskilde Kommune', 'Regnskab 2020-2022', ''],
      labels: { post: 'Udgiftspost', budget: 'Godkendt budget', actual: 'Faktisk forbrug', deviation: false, explanation: 'Bemærkning' },
      stamdata: { 'Bevilget beløb': '1.700.000 kr.' },
      posts: [
        { post: 'Løn projektleder', budget: '1.485.000,00', actual: '1.480.000 kr.' },
        { post: 'Konsulent', budget: '132.000', actual: '200.000', explanation: 'Ekstra workshops' },
      ],
    });
    expect(
      errors(report)
        .filter((f) => f.rule.startsWith('accounts/'))
        .map((f) => [f.rule, f.row]),
    ).toEqual([['accounts/deviation-needs-approval', rowOf('Konsulent')]]);
    // the I alt row's =SUMs skip the text amounts (Excel shows 0): said at each total cell, once
    expect(
      errors(report)
        .filter((f) => !f.rule.startsWith('accounts/'))
        .map((f) => [f.rule, f.row, f.cell]),
    ).toEqual([
      ['arithmetic/total-mismatch', rowOf('Konsulent') + 1, 'B' + (rowOf('Konsulent') + 1)],
      ['arithmetic/total-mismatch', rowOf('Konsulent') + 1, 'C' + (rowOf('Konsulent') + 1)],
    ]);
  });
});

describe('accounts against the approved budget', () => {
  it('pairs posts despite case, spacing and punctuation; reports unbudgeted posts and budget mismatches', async () => {
    const posts = asPlanned.map((p) => (p.post === 'Kørsel' ? { ...p, post: '  KØRSEL. ' } : p.post === 'Revision' ? { ...p, budget: 40_000 } : p));
    posts.push({ post: 'Nyt IT-system', budget: 0, actual: 25_000 });
    const { report, rowOf } = await checkAccounts({ posts }, approvedPath);
    expect(at(report, 'accounts/unbudgeted-post')).toEqual([['Regnskab', rowOf('Nyt IT-system')]]);
    expect(report.findings.filter((f) => f.row === rowOf('Nyt IT-system')).map((f) => f.rule)).toEqual(['accounts/unbudgeted-post']);
    expect(at(report, 'accounts/budget-mismatch')).toEqual([['Regnskab', rowOf('Revision')]]);
    expect(report.findings.find((f) => f.rule === 'accounts/budget-mismatch')).toMatchObject({ expected: 3_600_000, actual: 4_000_000 });
  });

  it('a budget column that differs from the approved budget is budget-mismatch alone: the deviation is measured against what was approved', async () => {
    // Revision approved at 36.000 kr., spent 36.000 kr., the accounts' budget column says 50.000 kr.
    const posts = asPlanned.map((p) => (p.post === 'Revision' ? { ...p, budget: 50_000 } : p));
    const { report, rowOf } = await checkAccounts({ posts }, approvedPath);
    expect(errors(report).map((f) => [f.rule, f.sheet, f.row])).toEqual([['accounts/budget-mismatch', 'Regnskab', rowOf('Revision')]]);
  });

  it('near-miss: spending 50.000 kr. against an approved 36.000 kr. is a deviation even where the budget column says 50.000 kr.', async () => {
    const posts = asPlanned.map((p) => (p.post === 'Revision' ? { ...p, budget: 50_000, actual: 50_000 } : p));
    const { report, rowOf } = await checkAccounts({ posts }, approvedPath);
    expect(errors(report).map((f) => [f.rule, f.row])).toEqual([
      ['accounts/budget-mismatch', rowOf('Revision')],
      ['accounts/deviation-needs-approval', rowOf('Revision')],
      ['accounts/missing-explanation', rowOf('Revision')],
    ]);
  });

  it('a post not in the approved budget but with a budget figure is unbudgeted-post alone, whatever it deviates', async () => {
    const { report, rowOf } = await checkAccounts({ posts: [...asPlanned, { post: 'Ekstra konference', budget: 20_000, actual: 60_000 }] }, approvedPath);
    expect(report.findings.filter((f) => f.row === rowOf('Ekstra konference')).map((f) => f.rule)).toEqual(['accounts/unbudgeted-post']);
  });

  it('a clean accounts file pairs every post and gets no error', async () => {
    const { report } = await checkAccounts({ posts: asPlanned }, approvedPath);
    expect(errors(report)).toEqual([]);
  });

  it('an unreadable approved budget is a finding, a missing one a usage error', async () => {
    const { report } = await checkAccounts({ posts: asPlanned }, resolve('package.json'));
    expect(report.findings.some((f) => f.rule.startsWith('input/'))).toBe(true);
    await expect(checkAccounts({ posts: asPlanned }, join(dir, 'nope.xlsx'))).rejects.toThrow(/no such file/);
  });

  it('prints kind "accounts" and totals budget/actual/unspent in JSON (the built bin)', async () => {
    const a = accountsWorkbook({ posts: asPlanned });
    const p = join(dir, 'regnskab-cli.xlsx');
    await writeXlsx(a.wb, p);
    const r = spawnSync(process.execPath, [resolve('bin/budgettjek.js'), 'check', p, '--budget', approvedPath, '--format', 'json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const file = JSON.parse(r.stdout).files[0];
    expect(file.kind).toBe('accounts');
    const budget = lines.reduce((s, l) => s + l.total, 0);
    const actual = asPlanned.reduce((s, l) => s + l.actual, 0);
    expect(file.totals).toEqual({ budget, actual, unspent: budget - actual });
  });
});
