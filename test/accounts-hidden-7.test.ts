// Accounts (regnskab) as recipients and caseworkers send them, seventh pass (fixtures/defs/accounts-writers-7.ts), by
// openpyxl, XlsxWriter, LibreOffice, Gnumeric and as Danish CSV: 'Forbrug i alt' after month columns, a summary sheet
// beside year sheets, a CSV that names no pool, a co-financed grant, a note below the table, a post left out under a
// main-line deviation rule, the chart of a blank budget column. Checked by rule, sheet and row.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../src/check.js';
import { findBuiltinPool, storedProfile } from '../src/pools/index.js';
import type { Finding } from '../src/types.js';
import { accountsWriter7Defs } from '../fixtures/defs/accounts-writers-7.js';
import { APPROVED_NAME, leftoverDefs } from '../fixtures/defs/leftovers-accounts.js';
import { saysApproved } from '../src/rules/accounts/util.js';
import { hiddenAccounts } from './helpers/hidden-fixtures.js';

const BLANK = 'accounts-budget-column-blank-libreoffice';
const defs = [...accountsWriter7Defs, ...leftoverDefs.filter((d) => d.name === APPROVED_NAME || d.name === BLANK)];
const { pathOf, ensureBuilt, accounts } = hiddenAccounts(defs);

const errors = (f: Finding[]) => f.filter((x) => x.severity === 'error').map((x) => `${x.rule}@${x.sheet}:${x.row}`);
const warnings = (f: Finding[]) => f.filter((x) => x.severity === 'warning').map((x) => x.rule);

const dir = mkdtempSync(join(tmpdir(), 'bt-accounts7-'));

beforeAll(ensureBuilt, 600_000); // the global setup generates them; generated here when this file runs without it

describe("month columns of spending between the budget and 'Forbrug i alt'", () => {
  for (const w of ['openpyxl', 'libreoffice', 'gnumeric'])
    it(`${w}: read as accounts (Forbrug i alt the actual column), spent as approved: no finding`, async () => {
      const { file } = await accounts(`accounts7-forbrug-i-alt-${w}`);
      expect(file.findings.map((f) => f.rule)).toEqual([]);
      expect(file.totals).toMatchObject({ budget: 1_705_350_00, actual: 1_705_350_00 });
    });

  it('near-miss (xlsxwriter): an unexplained −20 % is deviation-needs-approval and missing-explanation at its row, at the Forbrug i alt cell', async () => {
    const { file, rowOf } = await accounts('accounts7-forbrug-i-alt-deviation-xlsxwriter');
    const row = rowOf('Ekstern evaluering');
    expect(errors(file.findings).sort()).toEqual([`accounts/deviation-needs-approval@Regnskab:${row}`, `accounts/missing-explanation@Regnskab:${row}`]);
    // Post, Godkendt budget, 33 months (C…AI), Forbrug i alt in AJ
    expect(file.findings.find((f) => f.rule === 'accounts/deviation-needs-approval')).toMatchObject({
      cell: `AJ${row}`,
      expected: 150_000_00,
      actual: 120_000_00,
    });
  });
});

describe('a summary sheet beside the year sheets', () => {
  for (const w of ['openpyxl', 'libreoffice'])
    it(`${w}: 'Samlet regnskab' before 'Regnskab 2020…2022' is the project's accounts: no finding (not the first year read as the whole)`, async () => {
      const { file } = await accounts(`accounts7-summary-first-${w}`);
      expect(file.findings.map((f) => f.rule)).toEqual([]);
      expect(file.totals).toMatchObject({ budget: 1_705_350_00, actual: 1_705_350_00, unspent: 0 });
    });

  it("xlsxwriter: the summary last, 'Regnskab i alt', its sums cached as 0: recomputed, no finding", async () => {
    const { file } = await accounts('accounts7-summary-last-xlsxwriter');
    expect(file.findings.map((f) => f.rule)).toEqual([]);
  });

  it('near-miss (gnumeric): an unexplained deviation is found once, at its row of the summary', async () => {
    const { file, rowOf } = await accounts('accounts7-summary-deviation-gnumeric');
    const row = rowOf('Ekstern evaluering', 'Samlet regnskab');
    expect(errors(file.findings).sort()).toEqual([
      `accounts/deviation-needs-approval@Samlet regnskab:${row}`,
      `accounts/missing-explanation@Samlet regnskab:${row}`,
    ]);
    expect(file.findings.find((f) => f.rule === 'accounts/deviation-needs-approval')).toMatchObject({
      cell: `C${row}`,
      expected: 150_000_00,
      actual: 120_000_00,
    });
    expect(warnings(file.findings)).toEqual(['accounts/unspent-funds']);
  });

  it("openpyxl: the approval written only on 'Regnskab 2022' is the summary post's explanation: no error", async () => {
    const { file } = await accounts('accounts7-summary-approved-on-year-openpyxl');
    expect(errors(file.findings)).toEqual([]);
    expect(warnings(file.findings)).toEqual(['accounts/unspent-funds']);
  });
});

describe('a CSV export of the accounts that names no pool', () => {
  for (const w of ['csv-1252', 'csv-utf8'])
    it(`${w}: with --budget and no --pool, checked against the approved budget's pool: no finding (not structure/unknown-pool)`, async () => {
      const { file } = await accounts(`accounts7-csv-no-pool-${w}`);
      expect(file.pool).toBe('recovery-2019');
      expect(file.findings.map((f) => f.rule)).toEqual([]);
    });

  it('near-miss (utf-8 with BOM): the deviation below a quoted two-line explanation is at its record’s row', async () => {
    const name = 'accounts7-csv-no-pool-deviation-csv-utf8-bom';
    const { file, rowOf } = await accounts(name);
    const row = rowOf('Ekstern evaluering');
    expect(row).toBe(11); // six lines of pairs and a blank line, the header, four posts before it
    const sheet = name.slice(0, 31); // a CSV's one sheet is named by its file, cut to Excel's 31 characters
    expect(errors(file.findings).sort()).toEqual([`accounts/deviation-needs-approval@${sheet}:${row}`, `accounts/missing-explanation@${sheet}:${row}`]);
  });

  it('with --budget DIR, the pool of the budget paired by CVR', () => {
    const approved = join(dir, 'godkendte');
    const regnskaber = join(dir, 'regnskaber');
    mkdirSync(approved);
    mkdirSync(regnskaber);
    copyFileSync(pathOf(APPROVED_NAME), join(approved, 'guldborgsund.xlsx'));
    copyFileSync(pathOf('accounts7-approved-puf-openpyxl'), join(approved, 'gadens-venner.xlsx'));
    copyFileSync(pathOf('accounts7-csv-no-pool-deviation-csv-utf8-bom'), join(regnskaber, 'regnskab.csv'));
    const r = spawnSync(process.execPath, [resolve('bin/budgettjek.js'), 'check', regnskaber, '--budget', approved, '--format', 'json'], { encoding: 'utf8' });
    const f = JSON.parse(r.stdout).files[0];
    expect(f).toMatchObject({ kind: 'accounts', pool: 'recovery-2019', approvedBudget: join(approved, 'guldborgsund.xlsx') });
    expect(f.findings.filter((x: Finding) => x.severity === 'error').map((x: Finding) => `${x.rule}@${x.row}`)).toEqual([
      'accounts/deviation-needs-approval@11',
      'accounts/missing-explanation@11',
    ]);
  });
});

describe('a co-financed grant (80 % of the costs)', () => {
  for (const w of ['xlsxwriter', 'gnumeric'])
    it(`${w}: all costs spent as approved, beyond the grant by the own share: no finding (not total-exceeds-grant)`, async () => {
      const { file } = await accounts(`accounts7-cofinanced-${w}`);
      expect(file.findings.map((f) => f.rule)).toEqual([]);
      expect(file.totals).toMatchObject({ actual: 600_000_00 });
    });

  it("near-miss (libreoffice): spending past grant and own share is total-exceeds-grant at 'Udgifter i alt', not at the income's total", async () => {
    const { file, rowOf } = await accounts('accounts7-cofinanced-over-libreoffice');
    const row = rowOf('Udgifter i alt');
    expect(errors(file.findings)).toEqual([`accounts/total-exceeds-grant@Regnskab:${row}`]);
    expect(file.findings[0]).toMatchObject({ cell: `C${row}`, expected: 480_000_00, actual: 650_000_00 });
  });
});

describe('a note below the table', () => {
  for (const w of ['openpyxl', 'libreoffice'])
    it(`${w}: 'Se note 2' with note 2 below the table saying the change was approved: no error, and the note rows are no posts`, async () => {
      const { file } = await accounts(`accounts7-note-below-table-${w}`);
      expect(errors(file.findings)).toEqual([]);
      expect(warnings(file.findings)).toEqual(['accounts/unspent-funds']);
      expect(file.chart?.posts?.map((p) => p.post)).toEqual(['Løn projektleder', 'Kørsel', 'Forplejning', 'Ekstern evaluering', 'Revision']);
    });

  it('near-miss (xlsxwriter): a note that only explains is deviation-needs-approval at the post’s row, no missing-explanation', async () => {
    const { file, rowOf } = await accounts('accounts7-note-below-table-unapproved-xlsxwriter');
    expect(errors(file.findings)).toEqual([`accounts/deviation-needs-approval@Regnskab:${rowOf('Ekstern evaluering')}`]);
  });
});

describe('PUF accounts by quarters, posts numbered, one left out', () => {
  const mainLine = () => {
    const f = join(dir, 'puf-main-line.json');
    if (!existsSync(f))
      writeFileSync(f, JSON.stringify({ ...storedProfile(findBuiltinPool('puf-2024')!), id: 'puf-main-line', deviation: { per: 'main-line' } }));
    return f;
  };

  for (const w of ['xlsxwriter', 'libreoffice'])
    it(`${w}: '1.1 Projektleder (37 t/uge)' pairs with 'Projektleder', quarters read, equipment kept as approved: no finding`, async () => {
      const { file } = await accounts(`accounts7-puf-quarters-${w}`);
      expect(file.findings.map((f) => f.rule)).toEqual([]);
      expect(file.totals).toMatchObject({ budget: 782_920_00, actual: 782_920_00, unspent: 0 });
    });

  it('per post (puf-2024): the left-out post at the header and the post that took its money at its row', async () => {
    const { file, rowOf } = await accounts('accounts7-puf-post-left-out-openpyxl');
    expect(errors(file.findings).sort()).toEqual([
      'accounts/deviation-needs-approval@Regnskab:2',
      `accounts/deviation-needs-approval@Regnskab:${rowOf('Forplejning')}`,
    ]);
  });

  it('per main line: the left-out post stays in its main line’s budget, so the unchanged main line has no finding', async () => {
    const { file } = await accounts('accounts7-puf-post-left-out-openpyxl', mainLine());
    expect(file.findings.map((f) => f.rule)).toEqual([]);
  });

  it('near-miss per main line: the left-out post’s money not spent is the main line −28,9 %, once, at its first post', async () => {
    const { file, rowOf } = await accounts('accounts7-puf-post-left-out-unspent-gnumeric', mainLine());
    const row = rowOf('Forplejning');
    expect(errors(file.findings).sort()).toEqual([`accounts/deviation-needs-approval@Regnskab:${row}`, `accounts/missing-explanation@Regnskab:${row}`]);
    expect(file.findings.find((f) => f.rule === 'accounts/deviation-needs-approval')).toMatchObject({ expected: 82_920_00, actual: 58_920_00 });
  });
});

describe('the chart of accounts whose budget column is blank', () => {
  it('draws each post against its approved figure (only Kørsel, 300 kr. over, is overspent), not against 0', async () => {
    const report = await checkFiles([pathOf(BLANK)], { pool: 'recovery-2019', budget: pathOf(APPROVED_NAME), jobs: 1 });
    const posts = report.files[0].chart?.posts ?? [];
    expect(posts.map((p) => [p.post, p.budget])).toEqual([
      ['Løn projektleder', 1_485_000_00],
      ['Kørsel', 31_350_00],
      ['Forplejning', 6_000_00],
      ['Ekstern evaluering', 150_000_00],
      ['Revision', 33_000_00],
    ]);
    expect(posts.filter((p) => p.actual > p.budget).map((p) => p.post)).toEqual(['Kørsel']);
    expect(report.files[0].totals.budget).toBe(0); // JSON totals.budget stays the file's own (blank) column
  });
});

describe('an English-locale CSV: thousands commas in the specifications', () => {
  it("'45,000 kr./md.' and 'à 11,000 kr.' are 45.000 and 11.000 kr.: no unit-price-mismatch", async () => {
    const report = await checkFiles([pathOf('accounts7-english-thousands-csv-en')], { pool: 'recovery-2019', jobs: 1 });
    expect(report.files[0].findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual([]);
    expect(report.files[0].totals.expenses).toBe(1_518_000_00);
  });

  it("near-miss: 'à 12,000 kr.' on a line of 33.000 kr. is unit-price-mismatch at its row, 36.000 kr. stated", async () => {
    const name = 'accounts7-english-thousands-mismatch-csv-en';
    const report = await checkFiles([pathOf(name)], { pool: 'recovery-2019', jobs: 1 });
    const f = report.files[0].findings.filter((x) => x.severity === 'error');
    expect(f.map((x) => `${x.rule}@${x.sheet}:${x.row}`)).toEqual([`itemisation/unit-price-mismatch@${name.slice(0, 31)}:3`]);
    expect(f[0]).toMatchObject({ expected: 36_000_00, actual: 33_000_00 });
  });
});

describe('a project period in two cells of the metadata', () => {
  for (const w of ['openpyxl', 'xlsxwriter'])
    it(`${w}: 'Projektperiode | date | date' is the period: no structure/missing-metadata`, async () => {
      const report = await checkFiles([pathOf(`accounts7-period-two-cells-${w}`)], { pool: 'recovery-2019', jobs: 1 });
      const f = report.files[0].findings;
      expect(f.filter((x) => x.severity === 'error')).toEqual([]);
      expect(f.filter((x) => x.rule === 'structure/missing-metadata')).toEqual([]);
    });

  it("near-miss (gnumeric): 'date | se bilag' is no period: structure/missing-metadata", async () => {
    const report = await checkFiles([pathOf('accounts7-period-two-cells-no-end-gnumeric')], { pool: 'recovery-2019', jobs: 1 });
    expect(report.files[0].findings.filter((x) => x.rule === 'structure/missing-metadata').map((x) => x.args)).toEqual([{ fields: ['period'] }]);
  });
});

describe('an approval noted in the words caseworkers and recipients use', () => {
  it.each([
    'Ændringen er bevilget af Socialstyrelsen',
    'Aftalt med SBST 12.03.2021',
    'Bevilget af Social- og Boligstyrelsen',
    'Aftalt med sagsbehandler pr. mail',
    'Samtykke fra Socialstyrelsen 4.2.2022',
    'Approved by the agency',
    'Agreed with the caseworker 3 May',
  ])('"%s" says approved', (text) => {
    expect(saysApproved(text)).toBe(true);
  });

  it.each([
    'Afventer godkendelse',
    'Vi har søgt om godkendelse',
    'Anmodet om tilladelse 3/5',
    'Ikke aftalt med SBST',
    'Aftalt med leverandøren',
    'Uden godkendelse',
    'asked for approval',
    'Agreed with the supplier',
  ])('"%s" does not (asked for, awaited, refused, or agreed with someone else)', (text) => {
    expect(saysApproved(text)).toBe(false);
  });
});
