// Danish all the way: the help of every command and every usage error speak Danish unless --lang en is given, and a
// reader that closes the pipe early ends the run quietly.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { budgetWorkbook, CLEAN_LINES } from './helpers/budget.js';
import { writeXlsx } from './helpers/xlsx.js';

const BIN = resolve('bin/budgettjek.js');
const dir = mkdtempSync(join(tmpdir(), 'bt-dansk-'));
const budget = join(dir, 'budget.xlsx');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir, env: { ...process.env, NO_COLOR: '1' } });

// Words of the English texts (commander's and budgettjek's) that Danish never uses.
const ENGLISH =
  /\b(the|and|of|to|with|when|from|is|are|not|this|that|display|help|output|usage|options?|commands?|arguments?|default|choices|files?|director(y|ies)|folder|write|list|show|error|unknown|missing|required|invalid|allowed|did|you|mean|must|number|cannot|exists|language|each|every|rules?|pools?|accounts|version|spreadsheets?|instead|than|only|overwrite|given|needs?|give|see|one)\b/i;

/** The prose of a text: option flags, command names, quoted values, code, paths and file names taken out. */
function prose(s: string): string {
  return s
    .replace(/`[^`]*`/g, ' ')
    .replace(/"[^"]*"|'[^']*'/g, ' ')
    .replace(/(?:^|\s)--?[\w-]+/g, ' ')
    .replace(/budgettjek(?: (?:check|rules|explain|pools|show|template|help))*/g, ' ')
    .replace(/^ {2}(check|rules|explain|pools|show|template|help)\b/gm, ' ')
    .replace(/Mente du [^?]*\?/g, ' ')
    .replace(/\S*[/\\]\S*/g, ' ')
    .replace(/\S+\.(xlsx|xlsm|csv|json|yaml|pdf)\b/g, ' ');
}

const englishIn = (s: string) => {
  const p = prose(s);
  return p.split('\n').filter((line) => ENGLISH.test(line));
};

beforeAll(async () => {
  await writeXlsx(budgetWorkbook({ lines: CLEAN_LINES }).wb, budget);
  mkdirSync(join(dir, 'tom'));
});

describe('a Danish user sees no English', () => {
  const helps = [
    ['--help'],
    ['check', '--help'],
    ['rules', '--help'],
    ['explain', '--help'],
    ['pools', '--help'],
    ['pools', 'show', '--help'],
    ['template', '--help'],
    ['help', 'check'],
    [],
  ];
  it.each(helps.map((h) => [h.join(' ') || '(no command)', h]))('budgettjek %s', (_name, args) => {
    const r = run(args as string[]);
    const text = r.stdout + r.stderr;
    expect(text).toMatch(/Brug:/);
    expect(englishIn(text)).toEqual([]);
  });

  const errors: Array<[string, string[]]> = [
    ['no paths', ['check']],
    ['an unknown option', ['check', budget, '--bogus']],
    ['an unknown command', ['chek', budget]],
    ['a value not among the choices', ['check', budget, '--format', 'foo']],
    ['an option without its value', ['check', budget, '--pool']],
    ['too many arguments', ['rules', 'extra']],
    ['a required option missing', ['template', '--pool', 'recovery-2019']],
    ['not a positive number', ['check', budget, '--jobs', '0']],
    ['no files to check', ['check', join(dir, 'tom')]],
    ['an unknown pool', ['check', budget, '--pool', 'ingen-pulje']],
    ['an unknown pool to show', ['pools', 'show', 'ingen-pulje']],
    ['an unknown rule', ['explain', 'no/such-rule']],
    ['a template without a pool', ['template', '-o', join(dir, 'ny.xlsx')]],
    ['a template that exists', ['template', '--pool', 'recovery-2019', '-o', budget]],
    ['a folder that does not exist', ['template', '--pool', 'recovery-2019', '-o', join(dir, 'findes-ikke', 'ny.xlsx')]],
    ['a copy onto an input', ['check', budget, '--annotate', dir]],
    ['a report onto an input', ['template', '--accounts', '--budget', budget, '-o', budget, '--force']],
    ['a check report onto its input', ['check', budget, '-o', budget]],
    ['a workbook format without -o', ['check', budget, '--format', 'xlsx']],
    ['--max-warnings not a whole number', ['check', budget, '--max-warnings', 'mange']],
    ['a baseline that does not exist', ['check', budget, '--baseline', join(dir, 'ingen-baseline.json')]],
    ['standard input twice', ['check', '-', '-']],
  ];
  it.each(errors)('usage error: %s', (_name, args) => {
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toBe('');
    expect(englishIn(r.stderr)).toEqual([]);
  });

  it('with --lang en the same errors and help are English', () => {
    expect(run(['check', budget, '--format', 'foo', '--lang', 'en']).stderr).toMatch(/^error: option/);
    expect(run(['pools', 'show', 'ingen-pulje', '--lang', 'en']).stderr).toMatch(/unknown pool/);
    expect(run(['check', '--help', '--lang', 'en']).stdout).toMatch(/^Usage: budgettjek check \[options\]/);
  });

  it('explain and rules translate their labels and severities', () => {
    const da = run(['explain', 'distribution/sum-mismatch']).stdout;
    expect(da).toMatch(/Standardalvor: fejl/);
    expect(run(['explain', 'distribution/sum-mismatch', '--lang', 'en']).stdout).toMatch(/Default severity: error/);
    expect(run(['rules']).stdout.split('\n')[0]).toMatch(/ (fejl|advarsel|info) /);
  });
});

describe('a closed pipe', () => {
  it('`budgettjek rules | head -1` ends quietly', () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" rules | head -1`], { encoding: 'utf8' });
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toBe('');
  });

  it('a large report into a reader that has gone ends without a stack trace', async () => {
    const many = join(dir, 'mange');
    mkdirSync(many);
    const bad = join(dir, 'fejl.xlsx');
    await writeXlsx(budgetWorkbook({ lines: CLEAN_LINES.map((l) => ({ ...l, total: 1 })) }).wb, bad);
    for (let i = 0; i < 60; i++) copyFileSync(bad, join(many, `b${i}.xlsx`));
    const p = spawn(process.execPath, [BIN, 'check', many, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.stdout.once('data', () => p.stdout.destroy()); // the reader goes after the first bytes
    const code = await new Promise<number | null>((r) => p.on('close', r));
    expect(err).toBe('');
    expect(code).not.toBeNull();
  });
});

writeFileSync(join(dir, '.keep'), '');
