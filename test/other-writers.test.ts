import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { herningWithDefects, roskilde } from './helpers/example-budgets.js';
import { checkFile } from '../src/check.js';
import { readWorkbook } from '../src/read/index.js';
import { colLetters } from '../src/read/address.js';
import type { FileReport } from '../src/report/types.js';
import { budgetWorkbook } from './helpers/budget.js';
import { monthTexts } from './helpers/raw.js';
import { writeXlsx } from './helpers/xlsx.js';
import { minimalXlsx } from './helpers/zip.js';

const dir = mkdtempSync(join(tmpdir(), 'bt-writers-'));
const errors = (r: FileReport) => r.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.sheet, f.row]);

describe('files written by LibreOffice', () => {
  const lo = join(dir, 'lo');
  beforeAll(async () => {
    await writeXlsx(budgetWorkbook(roskilde).wb, join(dir, 'roskilde.xlsx'));
    await writeXlsx(budgetWorkbook(herningWithDefects).wb, join(dir, 'herning.xlsx'));
    const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(existsSync);
    if (!soffice) throw new Error("soffice is missing: install Debian's libreoffice-calc-nogui; .ci/run does");
    mkdirSync(lo, { recursive: true });
    const r = spawnSync(
      soffice,
      [
        '--headless',
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--convert-to',
        'xlsx',
        '--outdir',
        lo,
        join(dir, 'roskilde.xlsx'),
        join(dir, 'herning.xlsx'),
      ],
      { encoding: 'utf8', timeout: 180_000 },
    );
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  });

  it('a clean budget re-saved by LibreOffice still gives no finding', async () => {
    const r = await checkFile(join(lo, 'roskilde.xlsx'), {});
    expect(r.findings).toEqual([]);
  });

  it('the defects of a budget re-saved by LibreOffice are found at the same cells', async () => {
    const original = await checkFile(join(dir, 'herning.xlsx'), {});
    const resaved = await checkFile(join(lo, 'herning.xlsx'), {});
    const key = (r: FileReport) => r.findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`).sort();
    expect(key(resaved)).toEqual(key(original));
    expect(errors(resaved).length).toBeGreaterThan(5);
  });
});

describe('a workbook written by hand (inline strings, formulas without cached values, a shared formula, a cached 0)', () => {
  function sheet(monthly: number[], typedTotal?: number): string {
    const months = monthTexts('2020-01', '2022-09');
    const last = colLetters(2 + months.length);
    const tot = colLetters(3 + months.length);
    const s = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
    const rows: string[] = [];
    rows.push(
      `<row r="1">${s('A1', 'Budgetpost')}${s('B1', 'Specifikation')}${months.map((m, i) => s(`${colLetters(3 + i)}1`, m)).join('')}${s(`${tot}1`, 'I alt')}</row>`,
    );
    const lines = [
      ['Løn projektleder', '37 t/uge, 45.000 kr./md., 33 mdr.', monthly[0]],
      ['Revision', '33 x 1.000 kr.', monthly[1]],
    ] as const;
    lines.forEach(([post, spec, each], i) => {
      const r = i + 2;
      const cells = months.map((_, k) => `<c r="${colLetters(3 + k)}${r}"><v>${each}</v></c>`).join('');
      // the first line's total is the master of a shared formula, the second one its clone (no text, no cached value)
      const total =
        i === 0
          ? typedTotal !== undefined
            ? `<c r="${tot}${r}"><v>${typedTotal}</v></c>`
            : `<c r="${tot}${r}"><f t="shared" ref="${tot}2:${tot}3" si="0">SUM(C${r}:${last}${r})</f></c>`
          : `<c r="${tot}${r}"><f t="shared" si="0"/></c>`;
      rows.push(`<row r="${r}">${s(`A${r}`, post)}${s(`B${r}`, spec)}${cells}${total}</row>`);
    });
    // the total row: one formula with a cached 0 (exceljs reads it as "no result"), the others with none
    rows.push(
      `<row r="4">${s('A4', 'I alt')}${months.map((_, k) => `<c r="${colLetters(3 + k)}4"><f>SUM(${colLetters(3 + k)}2:${colLetters(3 + k)}3)</f>${k === 0 ? '<v>0</v>' : ''}</c>`).join('')}<c r="${tot}4"><f>SUM(${tot}2:${tot}3)</f></c></row>`,
    );
    return rows.join('');
  }

  it('reads clean: formulas are recomputed, so no error', async () => {
    const p = join(dir, 'hand-clean.xlsx');
    writeFileSync(p, minimalXlsx(sheet([45000, 1000])));
    const r = await checkFile(p, { pool: 'recovery-2019' });
    expect(errors(r)).toEqual([]);
    expect(r.totals.expenses).toBe((45000 + 1000) * 33 * 100);
  });

  it('finds a typed wrong total at its row', async () => {
    const p = join(dir, 'hand-wrong.xlsx');
    writeFileSync(p, minimalXlsx(sheet([45000, 1000], 1440000)));
    const r = await checkFile(p, { pool: 'recovery-2019' });
    expect(errors(r)).toContainEqual(['distribution/sum-mismatch', 'Budget', 2]);
  });
});

describe('CSV as Danish Excel writes it', () => {
  const months = monthTexts('2020-01', '2022-09');
  const text =
    [
      `Budgetpost;Specifikation;${months.join(';')};I alt`,
      `Løn projektmedarbejder;33 mdr. à 25.000,50 kr.;${months.map(() => '25.000,50').join(';')};825.016,50`,
      `Kørsel;500 km/md. à 1,90 kr., 33 mdr.;${months.map(() => '950').join(';')};31.350`,
      `Revision;3 erklæringer à 10.000 kr.;${months.map((_, i) => (i % 12 === 11 || i === 32 ? '10.000' : '')).join(';')};30.000`,
      `I alt;;${months.map((_, i) => (i % 12 === 11 || i === 32 ? '35.950,50' : '25.950,50')).join(';')};886.366,50`,
    ].join('\r\n') + '\r\n';

  it.each([
    ['utf8', Buffer.from(text, 'utf8')],
    ['utf8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['windows-1252', Buffer.from(text, 'latin1')],
  ])('%s: no error, æøå read right', async (name, bytes) => {
    const p = join(dir, `budget-${name}.csv`);
    writeFileSync(p, bytes);
    const r = await checkFile(p, { pool: 'recovery-2019' });
    expect(errors(r)).toEqual([]);
    expect(r.totals.expenses).toBe(88636650);
    const wb = await readWorkbook(p);
    expect(wb.ok && wb.workbook.sheets[0].rows.get(2)![0].value).toBe('Løn projektmedarbejder');
  });
});
