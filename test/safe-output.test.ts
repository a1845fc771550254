// Nothing the tool writes replaces an input, and a report is written whole or not at all (issue 11, items 1–2).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { WriteError, writeFileAtomic } from '../src/cli/safe-write.js';
import { budgetWorkbook, CLEAN_LINES } from './helpers/budget.js';
import { writeXlsx } from './helpers/xlsx.js';

const BIN = resolve('bin/budgettjek.js');
const dir = mkdtempSync(join(tmpdir(), 'bt-safe-'));
const budget = join(dir, 'budget.xlsx');
const run = (args: string[], cwd?: string) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const bytes = (p: string) => readFileSync(p);

beforeAll(async () => {
  if (!existsSync(resolve('dist/cli.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
  await writeXlsx(budgetWorkbook({ lines: CLEAN_LINES }).wb, budget);
});

describe('check -o never replaces an input', () => {
  it('refuses -o onto the budget itself: exit 2, the budget unchanged', () => {
    const before = bytes(budget);
    const r = run(['check', budget, '--pool', 'recovery-2019', '-o', budget]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(bytes(budget).equals(before)).toBe(true);
  });

  it('compares real paths: ./x/../budget.xlsx and a link to the budget are the budget', () => {
    const before = bytes(budget);
    mkdirSync(join(dir, 'x'), { recursive: true });
    expect(run(['check', budget, '--pool', 'recovery-2019', '-o', join(dir, 'x', '..', 'budget.xlsx')]).code).toBe(2);
    const link = join(dir, 'link.xlsx');
    symlinkSync(budget, link);
    expect(run(['check', budget, '--pool', 'recovery-2019', '-o', link]).code).toBe(2);
    expect(bytes(budget).equals(before)).toBe(true);
  });

  it('refuses -o onto a file found in a folder given, the approved budget, the pool profile or the config', () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder, { recursive: true });
    const inner = join(folder, 'a.xlsx');
    writeFileSync(inner, bytes(budget));
    expect(run(['check', folder, '--pool', 'recovery-2019', '-o', inner]).code).toBe(2);
    expect(bytes(inner).equals(bytes(budget))).toBe(true);
    const approved = join(dir, 'approved.xlsx');
    writeFileSync(approved, bytes(budget));
    expect(run(['check', budget, '--budget', approved, '--pool', 'recovery-2019', '-o', approved]).code).toBe(2);
    expect(bytes(approved).equals(bytes(budget))).toBe(true);
    const profile = join(dir, 'pool.json');
    writeFileSync(profile, '{}');
    expect(run(['check', budget, '--pool', profile, '-o', profile]).code).toBe(2);
    expect(readFileSync(profile, 'utf8')).toBe('{}');
    const config = join(dir, 'cfg.json');
    writeFileSync(config, '{"rules":{}}');
    expect(run(['check', budget, '--pool', 'recovery-2019', '--config', config, '-o', config]).code).toBe(2);
    expect(readFileSync(config, 'utf8')).toBe('{"rules":{}}');
  });

  it('refuses -o onto an approved budget in the folder given with --budget DIR', () => {
    const approvedDir = join(dir, 'approved-dir');
    mkdirSync(approvedDir, { recursive: true });
    const inner = join(approvedDir, 'approved.xlsx');
    writeFileSync(inner, bytes(budget));
    const r = run(['check', budget, '--budget', approvedDir, '--pool', 'recovery-2019', '-o', inner]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(bytes(inner).equals(bytes(budget))).toBe(true);
  });

  it('refuses an annotated copy or a baseline onto the approved budget or the configuration', () => {
    const approvedDir = join(dir, 'approved-dir-2');
    mkdirSync(approvedDir, { recursive: true });
    const approvedCopy = join(approvedDir, 'budget.xlsx'); // the annotated copy of budget.xlsx would be named so
    writeFileSync(approvedCopy, bytes(budget));
    const before = bytes(approvedCopy);
    expect(run(['check', budget, '--budget', approvedDir, '--pool', 'recovery-2019', '--annotate', approvedDir]).code).toBe(2);
    expect(bytes(approvedCopy).equals(before)).toBe(true);
    const approved = join(dir, 'approved-3.xlsx');
    writeFileSync(approved, bytes(budget));
    expect(run(['check', budget, '--budget', approved, '--pool', 'recovery-2019', '--write-baseline', '--baseline', approved]).code).toBe(2);
    expect(bytes(approved).equals(bytes(budget))).toBe(true);
    const config = join(dir, 'cfg-2.json');
    writeFileSync(config, '{"rules":{}}');
    expect(run(['check', budget, '--pool', 'recovery-2019', '--config', config, '--write-baseline', '--baseline', config]).code).toBe(2);
    expect(readFileSync(config, 'utf8')).toBe('{"rules":{}}');
  });

  it('a missing folder for -o is one line on stderr before any work, no stack trace, exit 2', () => {
    const r = run(['check', budget, '--pool', 'recovery-2019', '-o', join(dir, 'no-such-folder', 'r.txt')]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
    const underFile = run(['check', budget, '--pool', 'recovery-2019', '-o', join(budget, 'r.txt')]);
    expect(underFile.code).toBe(2);
    expect(underFile.err.trim().split('\n')).toHaveLength(1);
  });

  it('a write that fails at the rename leaves the old target and no temporary file', () => {
    const out = join(dir, 'target-is-folder');
    mkdirSync(join(out, 'inside'), { recursive: true });
    const r = run(['check', budget, '--pool', 'recovery-2019', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(out)).toEqual(['inside']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('writeFileAtomic', () => {
  it('replaces the old file whole, and on failure keeps it and leaves no temporary file', () => {
    const sub = mkdtempSync(join(dir, 'atomic-'));
    const target = join(sub, 'report.json');
    writeFileAtomic(target, 'old report');
    expect(readFileSync(target, 'utf8')).toBe('old report');
    writeFileAtomic(target, ['new ', Buffer.from('report')]);
    expect(readFileSync(target, 'utf8')).toBe('new report');
    // a part that cannot be written (not a string or bytes) fails after the temporary file was opened
    expect(() => writeFileAtomic(target, [Buffer.from('half'), { length: 3 } as unknown as Uint8Array])).toThrow(WriteError);
    expect(readFileSync(target, 'utf8')).toBe('new report');
    expect(readdirSync(sub)).toEqual(['report.json']);
  });

  it('takes another temporary name when the first is taken, and never writes through the file that holds it', () => {
    const sub = mkdtempSync(join(dir, 'taken-'));
    const target = join(sub, 'report.json');
    // Math.random gives the same digits twice, then others: the first name is taken by a file of someone else's
    const draws = [0.5, 0.5, 0.5, 0.25, 0.25, 0.25];
    const random = vi.spyOn(Math, 'random').mockImplementation(() => draws.shift() ?? 0.75);
    const taken = join(sub, `.report.json.${process.pid}.${'80000000'.repeat(2).slice(0, 12)}.tmp`);
    writeFileSync(taken, 'not ours');
    try {
      writeFileAtomic(target, 'the report');
    } finally {
      random.mockRestore();
    }
    expect(readFileSync(target, 'utf8')).toBe('the report');
    expect(readFileSync(taken, 'utf8')).toBe('not ours');
    expect(readdirSync(sub).sort()).toEqual([basename(taken), 'report.json'].sort());
  });
});

describe('template -o never replaces an input and writes whole', () => {
  it('refuses the approved budget as output, even with --force', () => {
    const approved = join(dir, 'godkendt.xlsx');
    const original = bytes('fixtures/examples/roskilde-budget.xlsx');
    writeFileSync(approved, original);
    for (const force of [[], ['--force']]) {
      // the same file by another spelling: relative to the working folder, against an absolute --budget
      const r = run(['template', '--accounts', '--budget', approved, '--pool', 'recovery-2019', '-o', 'godkendt.xlsx', ...force], dir);
      expect(r.code).toBe(2);
      expect(bytes(approved).equals(original)).toBe(true);
    }
  });

  it('refuses the pool profile as output with --force', () => {
    const profile = join(dir, 'min-pulje.json');
    const text = readFileSync('src/pools/profiles/recovery-2019.json', 'utf8').replace('"recovery-2019"', '"min-pulje"');
    writeFileSync(profile, text);
    expect(run(['template', '--pool', profile, '-o', profile, '--force']).code).toBe(2);
    expect(readFileSync(profile, 'utf8')).toBe(text);
  });

  it('writes via a temporary file: a missing folder is one line, and nothing is left behind', () => {
    const r = run(['template', '--pool', 'recovery-2019', '-o', join(dir, 'nope', 'budget.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    const out = join(dir, 'tpl');
    mkdirSync(out);
    expect(run(['template', '--pool', 'recovery-2019', '-o', join(out, 'budget.xlsx')]).code).toBe(0);
    expect(readdirSync(out)).toEqual(['budget.xlsx']);
    expect(bytes(join(out, 'budget.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });
});
