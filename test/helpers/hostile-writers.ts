// The inputs of the bad-input pass (test/hostile-writers.test.ts), made from one clean budget
// (fixtures/examples/roskilde-budget.xlsx) by the real programs: LibreOffice (.xls, .ods, .fods, HTML, and .xlsx by its
// two OOXML filters), Gnumeric's ssconvert (.xls, .ods, .gnumeric, HTML and .xlsx by both its exporters), openpyxl,
// XlsxWriter and Python's zipfile (hostile-writers.py beside this file); files renamed to what they are not, as people
// and web apps name them; and what a folder can hold besides files (a folder named x.xlsx, a pipe, links that loop or
// lead nowhere, a file no one may read, one over the size limit). Nothing is committed but these definitions.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sofficeBinary } from '../../fixtures/lib/libreoffice.js';

export const CLEAN_SOURCE = fileURLToPath(new URL('../../fixtures/examples/roskilde-budget.xlsx', import.meta.url));
const PY = fileURLToPath(new URL('./hostile-writers.py', import.meta.url));

/** LibreOffice's filters: the output's name in the pile, and the filter converting to it. */
const LIBREOFFICE: Array<[string, string]> = [
  ['libreoffice.xls', 'xls:MS Excel 97'],
  ['libreoffice.ods', 'ods:calc8'],
  ['libreoffice.fods', 'fods'],
  ['libreoffice.html', 'html:HTML (StarCalc)'],
  ['libreoffice-office-open-xml.xlsx', 'xlsx:Calc Office Open XML'],
  ['libreoffice-excel-2007.xlsx', 'xlsx:Calc MS Excel 2007 XML'],
];

/** ssconvert's exporters: the output's name, and the exporter. */
const GNUMERIC: Array<[string, string]> = [
  ['gnumeric.xls', 'Gnumeric_Excel:excel_biff8'],
  ['gnumeric.ods', 'Gnumeric_OpenCalc:openoffice'],
  ['gnumeric.gnumeric', 'Gnumeric_XmlIO:sax'],
  ['gnumeric.html', 'Gnumeric_html:html40'],
  ['gnumeric-xlsx.xlsx', 'Gnumeric_Excel:xlsx'],
  ['gnumeric-xlsx2007.xlsx', 'Gnumeric_Excel:xlsx2'],
];

/** Files named as what they are not: the name given, and the file it is a copy of. */
const RENAMED: Array<[string, string]> = [
  ['xls-named.xlsx', 'libreoffice.xls'],
  ['ods-named.xlsx', 'libreoffice.ods'],
  ['fods-named.xlsx', 'libreoffice.fods'],
  ['gnumeric-named.xlsx', 'gnumeric.gnumeric'],
  ['html-named.xls', 'libreoffice.html'], // "Excel" exports of web apps: an HTML table named .xls
  ['html-named.xlsx', 'gnumeric.html'],
  ['csv-named.xlsx', 'csv-utf8.csv'],
];

function python(): string {
  for (const bin of ['/usr/bin/python3', 'python3']) {
    try {
      execFileSync(bin, ['-c', 'import openpyxl, xlsxwriter'], { stdio: 'pipe', timeout: 60_000 });
      return bin;
    } catch {
      // the next one
    }
  }
  throw new Error('openpyxl and XlsxWriter are needed for these fixtures: apt-get install -y python3-openpyxl python3-xlsxwriter');
}

function libreoffice(dir: string, clean: string): void {
  const bin = sofficeBinary();
  const profile = mkdtempSync(join(tmpdir(), 'bt-lo-'));
  try {
    for (const [name, filter] of LIBREOFFICE) {
      const out = mkdtempSync(join(dir, '.lo-'));
      execFileSync(bin, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', out, clean], {
        stdio: 'pipe',
        timeout: 180_000,
      });
      renameSync(join(out, `clean.${filter.split(':')[0]}`), join(dir, name));
      rmSync(out, { recursive: true, force: true });
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

function gnumeric(dir: string, clean: string): void {
  for (const [name, exporter] of GNUMERIC) execFileSync('ssconvert', ['-T', exporter, clean, join(dir, name)], { stdio: 'pipe', timeout: 120_000 });
}

/**
 * LibreOffice's .xls with a password to open, as far as telling it goes: the record after the workbook's first BOF made
 * a FILEPASS (0x002F), which is where an encrypted .xls says so (LibreOffice writes one only through its API, with a
 * password in the media descriptor: checked by hand with it, not here).
 */
function xlsWithPassword(dir: string): void {
  const b = readFileSync(join(dir, 'libreoffice.xls'));
  const bof = b.indexOf(Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]));
  if (bof < 0) throw new Error('libreoffice.xls has no BIFF8 BOF');
  b.writeUInt16LE(0x002f, bof + 20);
  writeFileSync(join(dir, 'xls-password.xls'), b);
}

/** What a folder holds besides workbooks, in dir/special: each is one input of its own. */
function specials(dir: string): void {
  const s = join(dir, 'special');
  mkdirSync(s);
  writeFileSync(join(s, 'empty.xlsx'), '');
  mkdirSync(join(s, 'folder.xlsx')); // a folder named as a workbook, e.g. an unpacked .xlsx
  copyFileSync(CLEAN_SOURCE, join(s, 'folder.xlsx', 'inside.xlsx'));
  execFileSync('mkfifo', [join(s, 'pipe.xlsx')]);
  symlinkSync(join(s, 'loop-b.xlsx'), join(s, 'loop-a.xlsx'));
  symlinkSync(join(s, 'loop-a.xlsx'), join(s, 'loop-b.xlsx'));
  symlinkSync(join(s, 'gone.xlsx'), join(s, 'dangling.xlsx'));
  copyFileSync(CLEAN_SOURCE, join(s, 'no-access.xlsx'));
  chmodSync(join(s, 'no-access.xlsx'), 0o000);
  copyFileSync(CLEAN_SOURCE, join(s, 'ok.xlsx'));
  writeFileSync(join(s, 'huge.xlsx'), '');
  truncateSync(join(s, 'huge.xlsx'), 60 * 1024 * 1024); // over the 50 MB limit (sparse: no disk spent)
}

/** Makes every input into a new folder and returns it: dir/clean.xlsx, the writers' and hand-made files, dir/special. */
export function buildHostileInputs(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bt-hostile-writers-'));
  chmodSync(dir, 0o755); // an ordinary user (the no-access run) must reach the files
  const clean = join(dir, 'clean.xlsx');
  copyFileSync(CLEAN_SOURCE, clean);
  execFileSync(python(), [PY, clean, dir], { stdio: 'pipe', timeout: 300_000 });
  libreoffice(dir, clean);
  gnumeric(dir, clean);
  xlsWithPassword(dir);
  for (const [name, from] of RENAMED) copyFileSync(join(dir, from), join(dir, name));
  specials(dir);
  return dir;
}
