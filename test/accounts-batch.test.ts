// Accounts in batch (issue 16): `check regnskaber/ --budget godkendte/` pairs each accounts file with its approved budget
// by CVR, then applicant name, then file name; one with none gets accounts/no-approved-budget and the batch goes on.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pairApprovedBudget } from '../src/accounts/pair.js';
import { accountsWorkbook } from './helpers/accounts.js';
import { budgetWorkbook } from './helpers/budget.js';
import { roskilde } from './helpers/example-budgets.js';
import { writeXlsx } from './helpers/xlsx.js';

const dir = mkdtempSync(join(tmpdir(), 'bt-accounts-batch-'));
const approved = join(dir, 'godkendte');
const accounts = join(dir, 'regnskaber');

const lines = roskilde.lines.map((l) => {
  const months = typeof l.monthly === 'number' ? Array(33).fill(l.monthly) : Object.values(l.monthly);
  return { post: l.post, total: months.reduce((s: number, x: number) => s + x, 0) as number };
});
const asPlanned = lines.map((l) => ({ post: l.post, budget: l.total, actual: Math.round(l.total * 0.98) }));
const revisionRow = (spec: Parameters<typeof accountsWorkbook>[0]) => accountsWorkbook(spec).rowOf('Revision');

interface Doc {
  files: Array<{ path: string; kind: string; approvedBudget?: string; findings: Array<{ rule: string; severity: string; sheet?: string; row?: number }> }>;
}

const mismatch = { posts: asPlanned.map((p) => (p.post === 'Revision' ? { ...p, budget: 40_000 } : p)) };

beforeAll(async () => {
  mkdirSync(approved);
  mkdirSync(accounts);
  await writeXlsx(budgetWorkbook(roskilde).wb, join(approved, 'roskilde-godkendt.xlsx'));
  await writeXlsx(
    budgetWorkbook({ ...roskilde, stamdata: { ...roskilde.stamdata, CVR: '29189919', Ansøger: 'Herning Kommune' } }).wb,
    join(approved, 'herning.xlsx'),
  );
  await writeXlsx(
    budgetWorkbook({ ...roskilde, stamdata: { ...roskilde.stamdata, CVR: undefined, Ansøger: 'Foreningen Lyset' } }).wb,
    join(approved, 'lyset.xlsx'),
  );
  await writeXlsx(
    budgetWorkbook({ ...roskilde, stamdata: { ...roskilde.stamdata, CVR: undefined, Ansøger: undefined } }).wb,
    join(approved, 'odense-budget.xlsx'),
  );
  // by CVR (the file names say nothing), with a budget column the approved budget contradicts
  await writeXlsx(accountsWorkbook({ ...mismatch, stamdata: { CVR: '29189404', Tilskudsmodtager: 'Roskilde' } }).wb, join(accounts, 'a1.xlsx'));
  // by applicant name (no CVR; spacing and case differ)
  await writeXlsx(accountsWorkbook({ ...mismatch, stamdata: { CVR: undefined, Tilskudsmodtager: 'foreningen  LYSET' } }).wb, join(accounts, 'a2.xlsx'));
  // by file name (neither CVR nor applicant)
  await writeXlsx(accountsWorkbook({ ...mismatch, stamdata: { CVR: undefined, Tilskudsmodtager: undefined } }).wb, join(accounts, 'odense-regnskab.xlsx'));
  // no approved budget: a CVR no budget has
  await writeXlsx(accountsWorkbook({ ...mismatch, stamdata: { CVR: '12345678', Tilskudsmodtager: 'Ukendt Forening' } }).wb, join(accounts, 'z-ukendt.xlsx'));
});

describe('check regnskaber/ --budget godkendte/', () => {
  it('pairs by CVR, applicant name and file name, and gives a file with no approved budget accounts/no-approved-budget', () => {
    const r = spawnSync(process.execPath, [resolve('bin/budgettjek.js'), 'check', accounts, '--budget', approved, '--format', 'json'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout) as Doc;
    const row = revisionRow(mismatch);
    const byName = new Map(doc.files.map((f) => [f.path.slice(accounts.length + 1), f]));
    expect([...byName.keys()]).toEqual(['a1.xlsx', 'a2.xlsx', 'odense-regnskab.xlsx', 'z-ukendt.xlsx']);
    expect(['a1.xlsx', 'a2.xlsx', 'odense-regnskab.xlsx', 'z-ukendt.xlsx'].map((n) => byName.get(n)!.approvedBudget)).toEqual([
      join(approved, 'roskilde-godkendt.xlsx'),
      join(approved, 'lyset.xlsx'),
      join(approved, 'odense-budget.xlsx'),
      undefined,
    ]);
    for (const name of ['a1.xlsx', 'a2.xlsx', 'odense-regnskab.xlsx']) {
      const f = byName.get(name)!;
      expect(f.kind).toBe('accounts');
      // paired: the approved budget's Revision (36.000 kr.) contradicts the accounts' 40.000 kr. on that row
      expect(
        f.findings.filter((x) => x.rule === 'accounts/budget-mismatch').map((x) => [x.sheet, x.row]),
        name,
      ).toEqual([['Regnskab', row]]);
      expect(
        f.findings.some((x) => x.rule === 'accounts/no-approved-budget'),
        name,
      ).toBe(false);
    }
    const lone = byName.get('z-ukendt.xlsx')!;
    expect(lone.findings.filter((x) => x.rule === 'accounts/no-approved-budget').map((x) => [x.severity, x.sheet])).toEqual([['error', 'Stamdata']]);
    // checked on its own: nothing measured against a budget it does not have
    expect(lone.findings.some((x) => x.rule === 'accounts/budget-mismatch')).toBe(false);
  });

  it('a single approved budget file still works as before', () => {
    const r = spawnSync(
      process.execPath,
      [resolve('bin/budgettjek.js'), 'check', join(accounts, 'z-ukendt.xlsx'), '--budget', join(approved, 'roskilde-godkendt.xlsx'), '--format', 'json'],
      { encoding: 'utf8' },
    );
    const f = (JSON.parse(r.stdout) as Doc).files[0];
    expect(f.findings.some((x) => x.rule === 'accounts/no-approved-budget')).toBe(false);
    expect(f.findings.filter((x) => x.rule === 'accounts/budget-mismatch').map((x) => x.row)).toEqual([revisionRow(mismatch)]);
  });
});

describe('pairApprovedBudget', () => {
  const budgets = [
    { path: 'g/roskilde-2020.xlsx', cvr: '29189404', applicant: 'Roskilde Kommune' },
    { path: 'g/roskilde-2021.xlsx', cvr: '29189404', applicant: 'Roskilde Kommune' },
    { path: 'g/herning.xlsx', cvr: '29189919', applicant: 'Herning Kommune' },
    { path: 'g/lyset-budget.xlsx', applicant: 'Foreningen Lyset' },
    { path: 'g/odense.xlsx' },
  ];
  it('takes CVR first, then narrows by applicant and file name', () => {
    expect(pairApprovedBudget({ path: 'r/x.xlsx', cvr: '29189919' }, budgets)).toEqual({ path: 'g/herning.xlsx', by: 'cvr' });
    expect(pairApprovedBudget({ path: 'r/roskilde-regnskab-2021.xlsx', cvr: '29189404' }, budgets)).toEqual({ path: 'g/roskilde-2021.xlsx', by: 'cvr' });
    expect(pairApprovedBudget({ path: 'r/x.xlsx', applicant: 'FORENINGEN lyset' }, budgets)).toEqual({ path: 'g/lyset-budget.xlsx', by: 'applicant' });
    expect(pairApprovedBudget({ path: 'r/Odense regnskab 2021.xlsx' }, [...budgets, { path: 'g/odense 2021.xlsx' }])).toEqual({
      path: 'g/odense 2021.xlsx',
      by: 'file-name',
    });
    expect(pairApprovedBudget({ path: 'r/odense-regnskab.xlsx' }, budgets)).toEqual({ path: 'g/odense.xlsx', by: 'file-name' });
  });
  it('leaves two equally good budgets ambiguous, and never pairs across another valid CVR', () => {
    expect(pairApprovedBudget({ path: 'r/x.xlsx', cvr: '29189404' }, budgets)).toEqual({ ambiguous: ['g/roskilde-2020.xlsx', 'g/roskilde-2021.xlsx'] });
    // the file name says herning, but the CVR is another applicant's
    expect(pairApprovedBudget({ path: 'r/herning.xlsx', cvr: '11111111' }, budgets)).toBeUndefined();
    expect(pairApprovedBudget({ path: 'r/ingen.xlsx' }, budgets)).toBeUndefined();
  });
});
