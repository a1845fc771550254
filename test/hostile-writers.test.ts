// Bad input and safe output with the real writers: one clean budget written by LibreOffice, Gnumeric, openpyxl,
// XlsxWriter and Python's zipfile, in formats the tool does not read, renamed to what it is not, cut off, bombed,
// encrypted, edited past Excel's grid, and what a folder holds besides files (test/helpers/hostile-writers.ts makes
// them). Every file becomes a finding with the right rule and a hint in Danish and English, or is read as the budget
// it is; the batch checks them all alike with --jobs 1 and with worker threads; every format's report is written
// whole; nothing written replaces an input.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../src/check.js';
import { argsOf } from './helpers/args.js';
import { buildHostileInputs } from './helpers/hostile-writers.js';

const BIN = resolve('bin/budgettjek.js');
// root reads every file: the runs are made as an ordinary user, so the file no one may read is one
const AS_USER = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

interface Finding {
  rule: string;
  severity: string;
  sheet?: string;
  row?: number;
  message: string;
  hint?: string;
}
interface FileReport {
  path: string;
  findings: Finding[];
}

let dir = '';
let out = '';
const run = (args: string[], opts: { asUser?: boolean } = {}) => {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1', CI: '1' },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 240_000,
    ...(opts.asUser === false ? {} : AS_USER),
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const json = (args: string[]) => {
  const r = run([...args, '--format', 'json', '--pool', 'recovery-2019']);
  return { ...r, files: (JSON.parse(r.out) as { files: FileReport[] }).files };
};
const inputOf = (f: FileReport) => f.findings.find((x) => /^(input|internal)\//.test(x.rule));
/** The rule of a file's input finding, or 'read' when it was read (no input/* or internal/* finding). */
const verdict = (f: FileReport) => inputOf(f)?.rule ?? 'read';
const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

/** Read as the clean budget they are: no error and no warning. */
const CLEAN = [
  'clean.xlsx',
  'libreoffice-excel-2007.xlsx',
  'libreoffice-office-open-xml.xlsx',
  'gnumeric-xlsx.xlsx',
  'gnumeric-xlsx2007.xlsx',
  'openpyxl-protected.xlsx', // sheet and workbook-structure protection is not encryption
  'openpyxl-styles-chart.xlsx',
  'zip-data-descriptors.xlsx',
  'zip64.xlsx',
  'zip-stored.xlsx',
  'zip-comment.xlsx',
  'part-whole-with-trailer.xlsx',
  'at-grid-end.xlsx',
  'dimension-whole-grid.xlsx',
  'dimension-one-cell.xlsx',
  'shared-formula-whole-grid.xlsx',
  'array-formula.xlsx',
  'rich-shared-string.xlsx',
  'external-link-pivot-cache.xlsx',
  'special/ok.xlsx',
];

/** Read, with findings about what they hold (no table, a text amount), never an input/* finding. */
const READ = [
  'openpyxl-empty.xlsx',
  'openpyxl-chartsheet-only.xlsx',
  'openpyxl-long-strings.xlsx',
  'xlsxwriter-features.xlsx',
  'xlsxwriter-many-styles.xlsx',
  'xlsxwriter-macro.xlsm',
  'xlsxwriter-protected.xlsx',
  'csv-utf8.csv',
  'csv-utf16le-bom.csv',
  'csv-utf16le-no-bom.csv',
  'csv-utf16be-bom.csv',
  'csv-windows-1252.csv',
  'csv-nul-byte.csv',
  'csv-named.xlsx',
];

/** A finding of the file's own: rule:what. */
const REFUSED: Record<string, string> = {
  'libreoffice.xls': 'input/unsupported-format:xls',
  'gnumeric.xls': 'input/unsupported-format:xls',
  'xls-named.xlsx': 'input/unsupported-format:xls',
  'libreoffice.ods': 'input/unsupported-format:ods',
  'gnumeric.ods': 'input/unsupported-format:ods',
  'ods-named.xlsx': 'input/unsupported-format:ods',
  'libreoffice.fods': 'input/unsupported-format:fods',
  'fods-named.xlsx': 'input/unsupported-format:fods',
  'gnumeric.gnumeric': 'input/unsupported-format:gnumeric',
  'gnumeric-named.xlsx': 'input/unsupported-format:gnumeric',
  'libreoffice.html': 'input/unsupported-format:html',
  'gnumeric.html': 'input/unsupported-format:html',
  'html-named.xls': 'input/unsupported-format:html',
  'html-named.xlsx': 'input/unsupported-format:html',
  'encrypted.xlsx': 'input/unsupported-format:encrypted',
  'xls-password.xls': 'input/unsupported-format:encrypted',
  'zip-bzip2.xlsx': 'input/unreadable:zip-method',
  'zip-bomb.xlsx': 'input/too-large:inflated-size',
  'truncated-4-bytes.xlsx': 'input/unreadable:truncated',
  'truncated-10.xlsx': 'input/unreadable:truncated',
  'truncated-50.xlsx': 'input/unreadable:truncated',
  'truncated-90.xlsx': 'input/unreadable:truncated',
  'truncated-99.xlsx': 'input/unreadable:truncated',
  'truncated-last-byte.xlsx': 'input/unreadable:truncated',
  'part-cut-off.xlsx': 'input/unreadable:corrupt-part',
  'part-not-xml.xlsx': 'input/unreadable:corrupt-part',
  'part-missing.xlsx': 'input/unreadable:missing-part',
  'past-grid-row.xlsx': 'input/unreadable:past-grid',
  'past-grid-column.xlsx': 'input/unreadable:past-grid',
  'zeros.xlsx': 'input/unreadable:binary',
  'special/empty.xlsx': 'input/unreadable:empty',
  'special/folder.xlsx': 'input/unreadable:folder-named-as-file',
  'special/pipe.xlsx': 'input/unreadable:not-a-file',
  'special/loop-a.xlsx': 'input/unreadable:link-loop',
  'special/loop-b.xlsx': 'input/unreadable:link-loop',
  'special/dangling.xlsx': 'input/unreadable:dangling-link',
  'special/huge.xlsx': 'input/too-large:file-size',
  'special/no-access.xlsx': 'input/unreadable:no-access', // the runs through the command are made as an ordinary user
};
const ALL = [...CLEAN, ...READ, ...Object.keys(REFUSED)].sort();
/** Files read by their content whose name says the other format: read, and told so (input/misnamed, a warning). */
const MISNAMED: Record<string, string> = { 'csv-named.xlsx': 'input/misnamed:csv-named-xlsx' };
/** rule:what, or 'read'. */
const expected = (name: string) => REFUSED[name] ?? MISNAMED[name] ?? 'read';
/** The rule alone: what the command's reports carry. */
const expectedRule = (name: string) => expected(name).split(':')[0];

beforeAll(() => {
  if (!existsSync(resolve('dist/cli.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
  dir = buildHostileInputs();
  out = join(dir, 'out');
  mkdirSync(out);
  chmodSync(out, 0o777);
}, 300_000);

afterAll(() => {
  if (dir) {
    chmodSync(join(dir, 'special', 'no-access.xlsx'), 0o644);
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('every input, alone: the right finding, the documented exit code, no stack trace', () => {
  it('what each file is, as the reader tells it', async () => {
    // in this process (as root, the file no one may read is read: it is left to the runs below)
    const names = ALL.filter((n) => n !== 'special/no-access.xlsx');
    const report = await checkFiles(
      names.map((n) => join(dir, n)),
      { pool: 'recovery-2019', jobs: 1 },
    );
    const got = Object.fromEntries(
      report.files.map((f, i) => {
        const input = f.findings.find((x) => /^(input|internal)\//.test(x.rule));
        return [names[i], input ? `${input.rule}:${String(argsOf(input)?.what)}` : 'read'];
      }),
    );
    expect(got).toEqual(Object.fromEntries(names.map((n) => [n, expected(n)])));
  });

  it('each file checked by itself', () => {
    const got: Record<string, string> = {};
    for (const name of ALL) {
      const r = json(['check', name]);
      const [file] = r.files;
      got[name] = `${verdict(file)} exit ${r.code}${r.err ? ` stderr ${r.err}` : ''}`;
      if (CLEAN.includes(name))
        expect(
          file.findings.filter((f) => f.severity !== 'info'),
          name,
        ).toEqual([]);
    }
    // an input finding is an error: exit 1; the clean budgets exit 0; the others have errors of their content
    const want = Object.fromEntries(ALL.map((n) => [n, `${expectedRule(n)} exit ${CLEAN.includes(n) ? 0 : 1}`]));
    expect(got).toEqual(want);
  });

  it('says what the file is and what to do, in Danish and in English', () => {
    const names = Object.keys(REFUSED);
    const [en, da] = [json(['check', ...names, '--lang', 'en', '--jobs', '1']), json(['check', ...names, '--lang', 'da', '--jobs', '1'])];
    for (const [i, name] of names.entries()) {
      const [e, d] = [inputOf(en.files[i])!, inputOf(da.files[i])!];
      expect(e.hint && d.hint, name).toBeTruthy();
      expect(e.message, name).not.toEqual(d.message);
      expect(e.hint, name).not.toEqual(d.hint);
      // the default text of a file that "cannot be read as a spreadsheet" is for what nothing better is known
      expect(e.message, name).not.toMatch(/cannot be read as a spreadsheet/);
    }
    const say = (name: string, f: FileReport[]) => inputOf(f[names.indexOf(name)])!;
    expect(say('encrypted.xlsx', da.files).hint).toMatch(/uden adgangskode/);
    expect(say('libreoffice.ods', da.files).hint).toMatch(/Excel 2007-365 \(\.xlsx\)/);
    expect(say('part-cut-off.xlsx', en.files).message).toContain('xl/worksheets/sheet2.xml');
    expect(say('past-grid-row.xlsx', en.files).message).toContain('Budget');
    expect(say('past-grid-row.xlsx', en.files).hint).not.toMatch(/--max/); // no limit raised would read it
    // an option is offered only where one raises the limit passed
    expect(say('special/huge.xlsx', en.files).hint).toMatch(/--max-file-size/);
    expect(say('zip-bomb.xlsx', en.files).hint).not.toMatch(/--max/);
    expect(say('zip-bomb.xlsx', da.files).hint).toMatch(/ingen indstilling/);
  });

  it('a CSV reads alike in every encoding Excel saves it in, and as the same text', () => {
    const names = ['csv-utf8.csv', 'csv-utf16le-bom.csv', 'csv-utf16le-no-bom.csv', 'csv-utf16be-bom.csv', 'csv-windows-1252.csv', 'csv-named.xlsx'];
    const { files } = json(['check', ...names, '--jobs', '1']);
    // (the CSV named .xlsx says so besides: input/misnamed, tested above)
    const shape = (f: FileReport) =>
      f.findings.filter((x) => x.rule !== 'input/misnamed').map((x) => `${x.rule}@${x.row}:${(x as { post?: string }).post ?? ''}`);
    for (const f of files) expect(shape(f), f.path).toEqual(shape(files[0]));
    expect(shape(files[0]).some((s) => s.endsWith(':Kørsel – bil'))).toBe(true);
    // a stray NUL keeps the file text: the amount it is in is reported at its cell
    const nul = json(['check', 'csv-nul-byte.csv']).files[0];
    expect(nul.findings.filter((f) => f.rule === 'structure/non-numeric-amount').map((f) => f.row)).toEqual([2]);
  });
});

describe('the batch: every file accounted for, the same with --jobs 1 and worker threads', () => {
  it('a folder of them all, and the same files given one by one', () => {
    const byName = (files: FileReport[]) => Object.fromEntries(files.map((f) => [f.path.replace(/^\.\//, ''), verdict(f)]));
    const want = (names: string[]) => Object.fromEntries(names.map((n) => [n, expectedRule(n)]));
    const one = json(['check', '.', '--jobs', '1']);
    const many = json(['check', '.', '--jobs', '2']);
    const given = json(['check', ...ALL]);
    for (const r of [one, many, given]) {
      expect(r.code).toBe(1);
      expect(r.err).toBe('');
    }
    // a folder holds every file named as a spreadsheet (not HTML pages), and folder.xlsx stands for itself: the
    // workbook inside it is not checked as if it were a file given
    expect(byName(one.files)).toEqual(want(ALL.filter((n) => !n.endsWith('.html'))));
    expect(byName(given.files)).toEqual(want(ALL));
    expect(many.files).toEqual(one.files);
  });
});

describe('every format with -o: written whole, nothing beside it', () => {
  it.each(['text', 'json', 'xlsx', 'html', 'sarif', 'junit', 'csv'])('%s', (format) => {
    const target = join(out, `report.${format}`);
    const r = run(['check', ...ALL, '--pool', 'recovery-2019', '--format', format, '-o', target]);
    expect([r.code, r.err]).toEqual([1, '']);
    const body = readFileSync(target);
    if (format === 'json' || format === 'sarif') expect(() => JSON.parse(body.toString('utf8'))).not.toThrow();
    if (format === 'xlsx') expect(body.subarray(0, 2).toString('latin1')).toBe('PK');
    if (format === 'html') expect(body.toString('utf8').trimEnd()).toMatch(/<\/html>$/);
    if (format === 'junit') expect(body.toString('utf8').trimEnd()).toMatch(/<\/testsuites>$/);
    if (format === 'text' || format === 'csv') for (const name of ALL.filter((n) => n !== 'clean.xlsx')) expect(body.toString('utf8')).toContain(name);
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]); // no temporary file left
  });
});

describe('annotate and template on them', () => {
  it('annotate: a copy of each file read, a line for each other, and no input touched', () => {
    const isFile = (n: string) => {
      try {
        return statSync(join(dir, n)).isFile();
      } catch {
        return false; // a link that loops or leads nowhere
      }
    };
    const before = Object.fromEntries(ALL.filter((n) => isFile(n) && n !== 'special/no-access.xlsx').map((n) => [n, hash(join(dir, n))]));
    const ann = join(out, 'kommenteret');
    mkdirSync(ann);
    chmodSync(ann, 0o777);
    const r = run(['check', ...ALL, '--pool', 'recovery-2019', '--annotate', ann, '--format', 'json', '-o', join(out, 'a.json')]);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines.every((l) => l.startsWith('budgettjek: ') && !/^\s+at /.test(l))).toBe(true);
    // every refused file has its line; no read file has one (each of those has its copy)
    for (const name of Object.keys(REFUSED))
      expect(
        lines.some((l) => l.startsWith(`budgettjek: ${name}: `)),
        name,
      ).toBe(true);
    const copies = readdirSync(ann).sort();
    const stem = (n: string) => n.slice(n.lastIndexOf('/') + 1).replace(/\.(xlsx|xlsm|csv)$/i, '');
    expect(copies.map((c) => c.replace(/\.(xlsx|xlsm)$/, ''))).toEqual(
      [...CLEAN, ...READ].map(stem).sort(), // a CSV named .xlsx too: read as the CSV it is, and copied as one
    );
    for (const [n, h] of Object.entries(before)) expect(hash(join(dir, n)), n).toBe(h);
  });

  it('template --accounts and check --budget with an approved budget that cannot be read say why and what to do', () => {
    for (const [budget, say] of [
      ['truncated-50.xlsx', /truncated|afkortet/],
      ['libreoffice.ods', /OpenDocument/],
      ['special/folder.xlsx', /folder|mappe/],
    ] as const) {
      for (const lang of ['da', 'en']) {
        const target = join(out, `regnskab-${lang}.xlsx`);
        const r = run(['template', '--accounts', '--budget', budget, '-o', target, '--lang', lang]);
        expect(r.code, budget).toBe(2);
        expect(r.err.trim().split('\n'), budget).toHaveLength(1);
        expect(r.err, budget).toMatch(say);
        expect(r.err, budget).toMatch(lang === 'da' ? /Gem|Hent|Angiv|Åbn/ : /Save|Download|Give|Open/);
        expect(existsSync(target)).toBe(false);
      }
    }
    const accounts = join(out, 'regnskab.xlsx');
    expect(run(['template', '--accounts', '--budget', 'clean.xlsx', '-o', accounts]).code).toBe(0);
    const r = json(['check', accounts, '--budget', 'truncated-50.xlsx', '--lang', 'en']);
    expect(r.code).toBe(1);
    const f = inputOf(r.files[0])!;
    expect(f.rule).toBe('input/unreadable');
    expect(f.message).toMatch(/approved budget.*truncated/);
    expect(f.hint).toMatch(/Download the file again/);
    // a folder of approved budgets with bad files beside the good one: the accounts still pair with it, and each file
    // that could not be read is one line on stderr saying what it is
    const folder = join(out, 'godkendte');
    mkdirSync(folder);
    for (const n of ['clean.xlsx', 'truncated-50.xlsx', 'libreoffice.ods', 'part-cut-off.xlsx']) copyFileSync(join(dir, n), join(folder, n));
    const paired = run(['check', accounts, '--budget', folder, '--lang', 'en', '--format', 'json']);
    expect(paired.code).toBe(0);
    expect(JSON.parse(paired.out).files[0].findings.map((x: Finding) => x.rule)).not.toContain('accounts/no-approved-budget');
    expect(
      paired.err
        .trim()
        .split('\n')
        .map((l) => l.replace(/ \(.*$/, '')),
    ).toEqual(['libreoffice.ods', 'part-cut-off.xlsx', 'truncated-50.xlsx'].map((n) => `budgettjek: ${join(folder, n)}: not used as an approved budget`));
  });
});

describe('output never replaces an input', () => {
  it('-o onto a hard link of an input is refused, and the input is unchanged', () => {
    const link = join(out, 'same-file.xlsx');
    linkSync(join(dir, 'clean.xlsx'), link);
    const before = hash(link);
    const r = run(['check', 'clean.xlsx', '--pool', 'recovery-2019', '-o', link], { asUser: false });
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(hash(link)).toBe(before);
    expect(statSync(link).nlink).toBe(2);
    // an annotated copy that would land on a hard link of its input too
    const ann = join(out, 'links');
    mkdirSync(ann);
    linkSync(join(dir, 'clean.xlsx'), join(ann, 'clean.xlsx'));
    expect(run(['check', 'clean.xlsx', '--pool', 'recovery-2019', '--annotate', ann], { asUser: false }).code).toBe(2);
    expect(hash(join(ann, 'clean.xlsx'))).toBe(before);
  });

  it('-o through a link writes the file it names; into a device or a pipe as it is, never replacing it', () => {
    const real = join(out, 'real.json');
    const link = join(out, 'link.json');
    const stdout = join(out, 'stdout');
    const devNull = join(out, 'null');
    symlinkSync(real, link);
    symlinkSync('/proc/self/fd/1', stdout); // what /dev/stdout is
    symlinkSync('/dev/null', devNull);
    const check = (o: string) => run(['check', 'clean.xlsx', '--pool', 'recovery-2019', '--format', 'json', '-o', o], { asUser: false });
    expect(check(link).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(real, 'utf8')).files).toHaveLength(1);
    // through a pipe, as a shell gives one (the test runner's own stdout is a socket, which no path opens)
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" check clean.xlsx --pool recovery-2019 --format json -o "${stdout}" | cat`], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect([piped.status, piped.stderr, JSON.parse(piped.stdout).files.length]).toEqual([0, '', 1]);
    expect(lstatSync(stdout).isSymbolicLink()).toBe(true);
    expect(check(devNull).code).toBe(0);
    expect(lstatSync(devNull).isSymbolicLink()).toBe(true);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('an annotated copy that cannot be written: one line, the report still written, exit 2, no temporary file', () => {
    const ann = join(out, 'blocked');
    mkdirSync(join(ann, 'clean.xlsx'), { recursive: true }); // the copy's name is taken by a folder
    const report = join(out, 'blocked.json');
    const r = run(['check', 'clean.xlsx', 'zip64.xlsx', '--pool', 'recovery-2019', '--annotate', ann, '--format', 'json', '-o', report], { asUser: false });
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^budgettjek: clean\.xlsx: /);
    expect(JSON.parse(readFileSync(report, 'utf8')).files).toHaveLength(2);
    expect(readdirSync(ann).sort()).toEqual(['clean.xlsx', 'zip64.xlsx']);
    expect(statSync(join(ann, 'clean.xlsx')).isDirectory()).toBe(true);
    // a folder for the copies that cannot be made (a file has its name) is said before any work: one line, exit 2
    for (const lang of ['da', 'en']) {
      const r2 = run(['check', 'clean.xlsx', '--pool', 'recovery-2019', '--annotate', join('clean.xlsx', 'kopier'), '--lang', lang], { asUser: false });
      expect([r2.code, r2.out, r2.err.trim().split('\n').length]).toEqual([2, '', 1]);
      expect(r2.err).toMatch(lang === 'da' ? /ikke en mappe/ : /not a folder/);
    }
  });
});
