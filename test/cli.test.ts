import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { budgetWorkbook, CLEAN_LINES } from './helpers/budget.js';
import { writeXlsx } from './helpers/xlsx.js';

const BIN = resolve('bin/budgettjek.js');
const dir = mkdtempSync(join(tmpdir(), 'bt-cli-'));
const clean = join(dir, 'clean.xlsx');
const broken = join(dir, 'broken.xlsx');
const warnOnly = join(dir, 'warn.xlsx');
const noPool = join(dir, 'nopool.xlsx');
const garbage = join(dir, 'garbage.xlsx');

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  if (!existsSync(resolve('dist/cli.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
  await writeXlsx(budgetWorkbook({ lines: CLEAN_LINES }).wb, clean);
  await writeXlsx(budgetWorkbook({ lines: [{ ...CLEAN_LINES[0], total: 1440000 }, ...CLEAN_LINES.slice(1)] }).wb, broken);
  await writeXlsx(budgetWorkbook({ lines: [...CLEAN_LINES, { post: 'Løn koordinator', spec: '150 timer à 400 kr.', monthly: { 4: 60000 } }] }).wb, warnOnly);
  await writeXlsx(budgetWorkbook({ lines: CLEAN_LINES, stamdata: { Pulje: '' } }).wb, noPool);
  writeFileSync(garbage, 'this is not a spreadsheet\u0000\u0001');
});

describe('budgettjek check (the built bin)', () => {
  it('exits 0 on a clean budget and 1 when an error is found', () => {
    expect(run(['check', clean]).code).toBe(0);
    expect(run(['check', broken]).code).toBe(1);
  });

  it('prints the JSON contract of SPEC §4', () => {
    const r = run(['check', broken, '--format', 'json']);
    const doc = JSON.parse(r.out);
    expect(doc.tool).toEqual({ name: 'budgettjek', version: '0.1.0' });
    expect(doc.summary.files).toBe(1);
    expect(doc.summary.errors).toBe(doc.files[0].findings.filter((f: { severity: string }) => f.severity === 'error').length);
    const file = doc.files[0];
    expect(file).toMatchObject({ path: broken, kind: 'budget', pool: 'recovery-2019' });
    expect(file.totals.expenses).toBeGreaterThan(0);
    const f = file.findings.find((x: { rule: string }) => x.rule === 'distribution/sum-mismatch');
    expect(f).toMatchObject({ severity: 'error', sheet: 'Budget', row: 2, cell: 'AJ2', post: 'Løn projektleder', expected: 1485000, actual: 1440000 });
    expect(typeof f.message).toBe('string');
    expect(typeof f.hint).toBe('string');
  });

  it('respects --fail-on', () => {
    expect(run(['check', broken, '--fail-on', 'never']).code).toBe(0);
    expect(run(['check', warnOnly]).code).toBe(0);
    expect(run(['check', warnOnly, '--fail-on', 'warning']).code).toBe(1);
  });

  it('speaks Danish by default and English with --lang en', () => {
    const da = JSON.parse(run(['check', broken, '--format', 'json']).out).files[0].findings[0];
    const en = JSON.parse(run(['check', broken, '--format', 'json', '--lang', 'en']).out).files[0].findings[0];
    expect(da.rule).toBe(en.rule);
    expect(da.message).not.toBe(en.message);
  });

  it('checks several files into one report, in order, and an unreadable one does not stop the rest', () => {
    const r = run(['check', garbage, clean, broken, '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc.files.map((f: { path: string }) => f.path)).toEqual([garbage, clean, broken]);
    expect(doc.files[0].findings[0].rule).toMatch(/^input\//);
    expect(doc.files[1].findings).toEqual([]);
  });

  it('writes to -o without colour codes, and never colours with NO_COLOR', () => {
    const out = join(dir, 'report.txt');
    expect(run(['check', broken, '-o', out]).code).toBe(1);
    expect(readFileSync(out, 'utf8')).toContain('distribution/sum-mismatch');
    expect(readFileSync(out, 'utf8')).not.toMatch(/\u001b\[/);
    expect(run(['check', broken], { NO_COLOR: '1', FORCE_COLOR: '1' }).out).not.toMatch(/\u001b\[/);
    expect(run(['check', broken], { FORCE_COLOR: '1' }).out).toMatch(/\u001b\[/);
  });

  it('exits 2 for usage and configuration errors', () => {
    expect(run(['check', clean, '--pool', 'no-such-pool']).code).toBe(2);
    expect(run(['check', noPool, '--pool', 'recovery-2019']).code).toBe(0);
    expect(run(['check', clean, '--format', 'yaml']).code).toBe(2);
    expect(run(['check']).code).toBe(2);
    const bad = join(dir, 'bad-pool.json');
    writeFileSync(bad, JSON.stringify({ id: 'x', name: 'x', funds: -5 }));
    const r = run(['check', clean, '--pool', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/funds/);
  });
});

describe('budgettjek rules / explain', () => {
  it('lists the catalogue as JSON and explains a rule', () => {
    const cat = JSON.parse(run(['rules', '--format', 'json']).out);
    expect(cat.find((r: { id: string }) => r.id === 'distribution/sum-mismatch')).toMatchObject({ family: 'distribution', severity: 'error' });
    const r = run(['explain', 'distribution/sum-mismatch']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('distribution/sum-mismatch');
    expect(run(['explain', 'no/such-rule']).code).toBe(2);
  });
});
