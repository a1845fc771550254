// ESLint's and Ruff's conventions (issue 16): the config found upward, unknown rules refused with a did-you-mean,
// --print-config, `-` for standard input, and a text batch report that leads with what decides (--summary alone).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config-schema.js';
import { findConfigFile } from '../src/config.js';
import { didYouMean } from '../src/did-you-mean.js';
import { budgetWorkbook, CLEAN_LINES } from './helpers/budget.js';
import { writeXlsx } from './helpers/xlsx.js';

const BIN = resolve('bin/budgettjek.js');
const dir = mkdtempSync(join(tmpdir(), 'bt-conventions-'));
const deep = join(dir, 'sager', '2021', 'pulje');
const broken = join(dir, 'broken.xlsx');
const clean = join(dir, 'clean.xlsx');

function run(args: string[], opts: { cwd?: string; input?: Buffer } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: opts.cwd ?? dir, input: opts.input, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  mkdirSync(deep, { recursive: true });
  await writeXlsx(budgetWorkbook({ lines: [{ ...CLEAN_LINES[0], total: 1440000 }, ...CLEAN_LINES.slice(1)] }).wb, broken);
  await writeXlsx(budgetWorkbook({ lines: CLEAN_LINES, stamdata: { CVR: '29189919', Ansøger: 'Herning Kommune' } }).wb, clean);
});

describe('the configuration file', () => {
  it('is found from the working directory upward, the nearest one winning', () => {
    writeFileSync(join(dir, 'budgettjek.config.json'), JSON.stringify({ rules: { distribution: 'off' } }));
    expect(findConfigFile(undefined, deep)).toBe(join(dir, 'budgettjek.config.json'));
    const far = JSON.parse(run(['check', broken, '--format', 'json'], { cwd: deep }).out);
    expect(far.files[0].findings.some((f: { rule: string }) => f.rule.startsWith('distribution/'))).toBe(false);
    writeFileSync(join(dir, 'sager', 'budgettjek.config.yaml'), 'rules:\n  arithmetic: "off"\n');
    expect(findConfigFile(undefined, deep)).toBe(join(dir, 'sager', 'budgettjek.config.yaml'));
    const near = JSON.parse(run(['check', broken, '--format', 'json'], { cwd: deep }).out);
    expect(near.files[0].findings.some((f: { rule: string }) => f.rule === 'distribution/sum-mismatch')).toBe(true);
    expect(near.files[0].findings.some((f: { rule: string }) => f.rule.startsWith('arithmetic/'))).toBe(false);
  });

  it('refuses an unknown rule id or family (exit 2) with a did-you-mean', () => {
    const bad = join(dir, 'typo.json');
    writeFileSync(bad, JSON.stringify({ rules: { 'distribution/sum-mismatsh': 'off' } }));
    const r = run(['check', clean, '--config', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('did you mean "distribution/sum-mismatch"');
    writeFileSync(bad, JSON.stringify({ rules: { itemization: 'off' } }));
    const fam = run(['check', clean, '--config', bad]);
    expect(fam.code).toBe(2);
    expect(fam.err).toContain('did you mean "itemisation"');
    expect(() => parseConfig({ rules: { 'totally/unknown-thing': 'off' } }, 't')).toThrow(/no rule or family/);
    expect(didYouMean('single-month', ['distribution/single-month', 'cap/pool-exceeded'])).toBe('distribution/single-month');
    expect(didYouMean('zzzzzz', ['cap/pool-exceeded'])).toBeUndefined();
  });

  it('--print-config shows the merged configuration and checks nothing', () => {
    const r = run(['check', broken, '--print-config', '--lang', 'en'], { cwd: deep });
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out);
    expect(c).toMatchObject({
      configFile: join(dir, 'sager', 'budgettjek.config.yaml'),
      lang: 'en',
      failOn: 'error',
      format: 'text',
      rules: { arithmetic: 'off' },
    });
  });
});

describe('standard input', () => {
  it('`-` reads one workbook from standard input and names it -', () => {
    const r = run(['check', '-', '--format', 'json'], { cwd: tmpdir(), input: readFileSync(broken) });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc.files.map((f: { path: string }) => f.path)).toEqual(['-']);
    expect(doc.files[0].findings.find((f: { rule: string }) => f.rule === 'distribution/sum-mismatch')).toMatchObject({ sheet: 'Budget', row: 2, cell: 'AJ2' });
    const both = JSON.parse(run(['check', clean, '-', '--format', 'json'], { cwd: tmpdir(), input: readFileSync(broken) }).out);
    expect(both.files.map((f: { path: string }) => f.path)).toEqual([clean, '-']);
    expect(run(['check', '-', '-'], { cwd: tmpdir(), input: Buffer.from('') }).code).toBe(2);
  });
});

describe('the text report of a batch', () => {
  it('leads with the summary table and the pool line; --summary prints them alone', () => {
    const full = run(['check', broken, clean, '--pool', 'recovery-2019'], { cwd: tmpdir() }).out;
    const lines = full.split('\n');
    expect(lines[0]).toMatch(/^Fil\s+Ansøger\s+Ansøgt/);
    const pool = lines.findIndex((l) => l.startsWith('Puljens midler (recovery-2019)'));
    const details = lines.findIndex((l) => l.includes('distribution/sum-mismatch'));
    expect(pool).toBeGreaterThan(0);
    expect(details).toBeGreaterThan(pool);
    expect(lines.filter(Boolean).at(-1)).toMatch(/2 filer tjekket/);
    const summary = run(['check', broken, clean, '--pool', 'recovery-2019', '--summary'], { cwd: tmpdir() });
    expect(summary.code).toBe(1);
    expect(summary.out).toMatch(/Puljens midler \(recovery-2019\)/);
    expect(summary.out).not.toContain('distribution/sum-mismatch');
    expect(summary.out.trimEnd().split('\n').at(-1)).toMatch(/2 filer tjekket/);
    // one file: no table, the details as before
    expect(run(['check', broken], { cwd: tmpdir() }).out.split('\n')[0]).toBe(broken);
  });
});
