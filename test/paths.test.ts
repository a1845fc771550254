// Every file accounted for: globs through a real matcher, and what a folder holds that is not checked becomes a
// finding with its path, never a silent skip (issue 11, items 5 and 5b).
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../src/check.js';
import { expandPaths } from '../src/cli/paths.js';
import { zip } from './helpers/zip.js';
import { argsOf } from './helpers/args.js';

const BIN = resolve('bin/budgettjek.js');
const EXAMPLE = resolve('fixtures/examples/roskilde-budget.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'bt-paths-'));
const root = join(dir, 'ansøgninger');

beforeAll(() => {
  chmodSync(dir, 0o755);
  mkdirSync(join(root, 'kommune-b'), { recursive: true });
  for (const f of ['a.xlsx', 'b.xlsx', 'e.xlsx', 'STOR.XLSX', 'kommune-b/c.xlsx']) copyFileSync(EXAMPLE, join(root, f));
  writeFileSync(join(root, 'd.csv'), 'Budgetpost;januar 2020;I alt\nRevision;100;100\n');
  writeFileSync(join(root, 'noter.txt'), 'not a submission');
  writeFileSync(join(root, '~$a.xlsx'), 'lock file');
});

const rel = (files: string[]) => files.map((f) => resolve(f).slice(root.length + 1)).sort();

describe('globs (tinyglobby)', () => {
  it("finds './x/*.xlsx', braces, classes and upper-case extensions", async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(rel(await expandPaths(['./ansøgninger/*.xlsx']))).toEqual(['STOR.XLSX', 'a.xlsx', 'b.xlsx', 'e.xlsx']);
      expect(rel(await expandPaths(['ansøgninger/{a,b}.xlsx']))).toEqual(['a.xlsx', 'b.xlsx']);
      expect(rel(await expandPaths(['ansøgninger/[ae]*']))).toEqual(['a.xlsx', 'e.xlsx']);
      expect(rel(await expandPaths(['ansøgninger/*.XLSX']))).toEqual(['STOR.XLSX', 'a.xlsx', 'b.xlsx', 'e.xlsx']);
      expect(rel(await expandPaths(['ansøgninger/**/*.{xlsx,csv}']))).toEqual(['STOR.XLSX', 'a.xlsx', 'b.xlsx', 'd.csv', 'e.xlsx', 'kommune-b/c.xlsx']);
    } finally {
      process.chdir(cwd);
    }
  });

  it('keeps absolute patterns absolute, and checks a file matched twice once', async () => {
    const files = await expandPaths([`${root}/*.xlsx`, `${root}/a.*`]);
    expect(files.every((f) => f.startsWith(root))).toBe(true);
    expect(rel(files)).toEqual(['STOR.XLSX', 'a.xlsx', 'b.xlsx', 'e.xlsx']);
  });
});

describe('a folder: every file accounted for', () => {
  it('reports .xls, .ods, .xlsb and .numbers found in a folder as input/unsupported-format', async () => {
    const f = join(dir, 'formats');
    mkdirSync(join(f, 'budget.numbers'), { recursive: true }); // a Numbers package is a folder
    writeFileSync(join(f, 'gammel.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
    writeFileSync(
      join(f, 'libre.ods'),
      zip([
        { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 },
        { name: 'content.xml', data: '<x/>' },
        { name: 'META-INF/manifest.xml', data: '<x/>' },
      ]),
    );
    writeFileSync(
      join(f, 'binaer.XLSB'),
      zip([
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'xl/workbook.bin', data: 'x' },
      ]),
    );
    copyFileSync(EXAMPLE, join(f, 'ok.xlsx'));
    const files = await expandPaths([f]);
    expect(files.map((x) => x.slice(f.length + 1))).toEqual(['binaer.XLSB', 'budget.numbers', 'gammel.xls', 'libre.ods', 'ok.xlsx']);
    const report = await checkFiles(files);
    const first = report.files.map((r) => [r.path.slice(f.length + 1), r.findings[0]?.rule]);
    expect(first).toEqual([
      ['binaer.XLSB', 'input/unsupported-format'],
      ['budget.numbers', 'input/unsupported-format'],
      ['gammel.xls', 'input/unsupported-format'],
      ['libre.ods', 'input/unsupported-format'],
      ['ok.xlsx', undefined],
    ]);
  });

  it('reports a dangling link and a loop of links as input/unreadable with its path', async () => {
    const f = join(dir, 'links');
    mkdirSync(f);
    copyFileSync(EXAMPLE, join(f, 'ok.xlsx'));
    symlinkSync(join(dir, 'findes-ikke.xlsx'), join(f, 'væk.xlsx'));
    symlinkSync(join(f, 'loop-b'), join(f, 'loop-a'));
    symlinkSync(join(f, 'loop-a'), join(f, 'loop-b'));
    const report = await checkFiles(await expandPaths([f]));
    expect(report.files.map((r) => [r.path.slice(f.length + 1), r.findings[0]?.rule, argsOf(r.findings[0])?.what])).toEqual([
      ['loop-a', 'input/unreadable', 'link-loop'],
      ['loop-b', 'input/unreadable', 'link-loop'],
      ['ok.xlsx', undefined, undefined],
      ['væk.xlsx', 'input/unreadable', 'dangling-link'],
    ]);
  });

  it('reports a sub-folder it cannot read as input/unreadable with its path, and exits 1', () => {
    const f = join(dir, 'laast');
    mkdirSync(join(f, 'hemmelig'), { recursive: true });
    chmodSync(f, 0o755);
    copyFileSync(EXAMPLE, join(f, 'ok.xlsx'));
    copyFileSync(EXAMPLE, join(f, 'hemmelig', 'skjult.xlsx'));
    chmodSync(join(f, 'hemmelig'), 0o000);
    // root reads every folder: run the check as an ordinary user then
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = spawnSync(process.execPath, [BIN, 'check', f, '--format', 'json'], { encoding: 'utf8', ...asUser });
    chmodSync(join(f, 'hemmelig'), 0o755);
    expect(r.status, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(
      doc.files.map((x: { path: string; findings: { rule: string; args?: { what?: string } }[] }) => [x.path.slice(f.length + 1), x.findings[0]?.rule]),
    ).toEqual([
      ['hemmelig', 'input/unreadable'],
      ['ok.xlsx', undefined],
    ]);
  });
});
