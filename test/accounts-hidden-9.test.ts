// Accounts (regnskab), ninth pass (fixtures/defs/accounts-writers-9.ts), by openpyxl, XlsxWriter, LibreOffice and
// Gnumeric: an explanation that only acknowledges ('OK', '✓', 'x'), in a note or in the Forklaring column, held to one
// bar; a grant typed without a unit on an accounts sheet in thousands. Checked by rule, sheet and row against the
// approved budget.
import { beforeAll, describe, expect, it } from 'vitest';
import { explains } from '../src/model/accounts.js';
import type { Finding } from '../src/types.js';
import { accountsWriter9Defs } from '../fixtures/defs/accounts-writers-9.js';
import { APPROVED_NAME, leftoverDefs } from '../fixtures/defs/leftovers-accounts.js';
import { hiddenAccounts } from './helpers/hidden-fixtures.js';

const defs = [...accountsWriter9Defs, ...leftoverDefs.filter((d) => d.name === APPROVED_NAME)];
const { ensureBuilt, accounts, expectAsDefined } = hiddenAccounts(defs);

const errors = (f: Finding[]) =>
  f
    .filter((x) => x.severity === 'error')
    .map((x) => `${x.rule}@${x.sheet}:${x.row}`)
    .sort();
const GRANT = 1_705_350_00;

beforeAll(ensureBuilt, 600_000); // the global setup generates them; generated here when this file runs without it

describe('every fixture of the pass: its findings as its definition states them', () => {
  for (const def of accountsWriter9Defs) it(def.name, () => expectAsDefined(def));
});

describe('an explanation that only acknowledges', () => {
  it('one bar for the column and the notes: words beyond a bare acknowledgement or a mark', () => {
    for (const t of ['OK', 'ok.', 'O.K.', 'Okay!', '✓', '✔ ✔', 'x', 'X', '-', '…', 'Ja', 'tjekket', '', '  ', 'OK · x'])
      expect(explains(t), JSON.stringify(t)).toBe(false);
    for (const t of ['Se ovenfor', 'se note 3', 'Ok. Udbuddet blev billigere', 'Billigere udbud', 'Godkendt', 'OK · Flere møder'])
      expect(explains(t), JSON.stringify(t)).toBe(true);
  });

  for (const w of ['openpyxl', 'xlsxwriter', 'libreoffice', 'gnumeric'])
    it(`${w}: a note 'OK' on the spending cell is no explanation: both findings at the post's row`, async () => {
      const { file, rowOf } = await accounts(`accounts9-comment-ok-${w}`);
      const row = rowOf('Ekstern evaluering');
      expect(errors(file.findings)).toEqual([`accounts/deviation-needs-approval@Regnskab:${row}`, `accounts/missing-explanation@Regnskab:${row}`]);
      expect(file.findings.find((f) => f.rule === 'accounts/deviation-needs-approval')?.args).toMatchObject({ explained: false });
    });

  for (const w of ['openpyxl', 'libreoffice'])
    it(`near-miss (${w}): a note that begins 'Ok.' and says why explains: deviation-needs-approval (explained) alone`, async () => {
      const { file, rowOf } = await accounts(`accounts9-comment-ok-explains-${w}`);
      expect(errors(file.findings)).toEqual([`accounts/deviation-needs-approval@Regnskab:${rowOf('Ekstern evaluering')}`]);
      expect(file.findings.find((f) => f.rule === 'accounts/deviation-needs-approval')?.args).toMatchObject({ explained: true });
    });

  for (const w of ['xlsxwriter', 'gnumeric'])
    it(`${w}: '✓' in the Forklaring column and a note 'x': the column is held to the same bar, both findings at the row`, async () => {
      const { file, rowOf } = await accounts(`accounts9-column-mark-${w}`);
      const row = rowOf('Ekstern evaluering');
      expect(errors(file.findings)).toEqual([`accounts/deviation-needs-approval@Regnskab:${row}`, `accounts/missing-explanation@Regnskab:${row}`]);
      // at the Forklaring cell, where the explanation belongs
      expect(file.findings.find((f) => f.rule === 'accounts/missing-explanation')?.cell).toBe(`E${row}`);
    });

  it("near-miss (libreoffice): 'Se ovenfor' in the column refers to an explanation: explained, deviation-needs-approval alone", async () => {
    const { file, rowOf } = await accounts('accounts9-column-see-above-libreoffice');
    expect(errors(file.findings)).toEqual([`accounts/deviation-needs-approval@Regnskab:${rowOf('Ekstern evaluering')}`]);
  });
});

describe('a grant without a unit on a sheet in thousands', () => {
  for (const w of ['openpyxl', 'xlsxwriter', 'libreoffice', 'gnumeric'])
    it(`${w}: 'Bevilget beløb | 1.705,35' under 'Regnskab (1.000 kr.)' is 1.705.350 kr.: clean, nothing unspent`, async () => {
      const { file } = await accounts(`accounts9-grant-thousands-${w}`);
      expect(file.granted).toBe(GRANT);
      expect(file.findings.filter((f) => f.severity !== 'info').map((f) => f.rule)).toEqual([]);
    });

  for (const w of ['openpyxl', 'gnumeric'])
    it(`near-miss (${w}): 1.650 in thousands against 1.705.350 kr. spent: total-exceeds-grant, in kroner`, async () => {
      const { file } = await accounts(`accounts9-grant-thousands-short-${w}`);
      expect(file.granted).toBe(1_650_000_00);
      const over = file.findings.filter((f) => f.rule === 'accounts/total-exceeds-grant');
      expect(over).toHaveLength(1);
      expect(over[0]).toMatchObject({ expected: 1_650_000_00, actual: GRANT });
      expect(errors(file.findings)).toEqual([`accounts/total-exceeds-grant@${over[0].sheet}:${over[0].row}`]);
    });

  for (const w of ['xlsxwriter', 'libreoffice'])
    it(`near-miss (${w}): '1.705.350 kr.' typed with its unit on the sheet in thousands stays as typed: clean`, async () => {
      const { file } = await accounts(`accounts9-grant-kroner-unit-${w}`);
      expect(file.granted).toBe(GRANT);
      expect(errors(file.findings)).toEqual([]);
    });

  it('near-miss (openpyxl): 1705350 typed in full on the sheet in thousands is the posts’ budget in kroner: kept, clean', async () => {
    const { file } = await accounts('accounts9-grant-kroner-full-openpyxl');
    expect(file.granted).toBe(GRANT);
    expect(errors(file.findings)).toEqual([]);
  });
});
