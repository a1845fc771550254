// Accounts (regnskab) against the approved budget, sixth pass (fixtures/defs/accounts-writers-6.ts), by openpyxl,
// XlsxWriter and LibreOffice: two approved posts merged into one are one finding, a Unicode minus, month headers that are
// formulas with no result. Checked by rule, sheet and row.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/types.js';
import { accountsWriter6Defs } from '../fixtures/defs/accounts-writers-6.js';
import { leftoverDefs } from '../fixtures/defs/leftovers-accounts.js';
import { hiddenAccounts } from './helpers/hidden-fixtures.js';

const defs = [...accountsWriter6Defs, ...leftoverDefs.filter((d) => accountsWriter6Defs.some((x) => x.budget === d.name))];
const { ensureBuilt, accounts } = hiddenAccounts(defs);

const errors = (f: Finding[]) => f.filter((x) => x.severity === 'error').map((x) => `${x.rule}@${x.sheet}:${x.row}`);

beforeAll(ensureBuilt, 600_000); // the global setup generates them; generated here when this file runs without it

describe('two approved posts merged into one post of the accounts', () => {
  for (const w of ['openpyxl', 'libreoffice'])
    it(`${w}: a post whose budget column is the two approved posts' sum is accounts/unbudgeted-post alone, not also two missing posts`, async () => {
      const { file, rowOf } = await accounts(`accounts6-merged-posts-${w}`);
      expect(errors(file.findings)).toEqual([`accounts/unbudgeted-post@Regnskab:${rowOf('Møder og evaluering')}`]);
    });

  it('near-miss (xlsxwriter): a budget column that is no sum of approved posts leaves both approved posts missing', async () => {
    const { file, rowOf } = await accounts('accounts6-merged-posts-budget-off-xlsxwriter');
    expect(errors(file.findings).sort()).toEqual(
      [
        `accounts/unbudgeted-post@Regnskab:${rowOf('Møder og evaluering')}`,
        'accounts/deviation-needs-approval@Regnskab:2',
        'accounts/deviation-needs-approval@Regnskab:2',
      ].sort(),
    );
    const missing = file.findings.filter((f) => f.rule === 'accounts/deviation-needs-approval');
    expect(missing.map((f) => f.post).sort()).toEqual(['Ekstern evaluering', 'Forplejning']);
    expect(missing.every((f) => (f.args as { reason?: string }).reason === 'missing-post')).toBe(true);
  });
});

describe('a Unicode minus', () => {
  it("libreoffice: '−300' (U+2212) is the refund −300 kr., as a typed −300: deviation-needs-approval and missing-explanation at its row; the I alt =SUM that skips the text is total-mismatch there", async () => {
    const { file, rowOf } = await accounts('accounts6-unicode-minus-libreoffice');
    const row = rowOf('Forplejning');
    const total = rowOf('I alt');
    expect(errors(file.findings).sort()).toEqual(
      [
        `accounts/deviation-needs-approval@Regnskab:${row}`,
        `accounts/missing-explanation@Regnskab:${row}`,
        `arithmetic/total-mismatch@Regnskab:${total}`,
      ].sort(),
    );
    expect(file.findings.find((x) => x.rule === 'arithmetic/total-mismatch')).toMatchObject({ cell: `C${total}`, args: { what: 'text' } });
    expect(file.findings.find((x) => x.rule === 'accounts/deviation-needs-approval')).toMatchObject({ cell: `C${row}`, expected: 6_000_00, actual: -300_00 });
    expect(file.totals).toMatchObject({ actual: 1_699_350_00, unspent: 6_000_00 });
  });
});

describe('month headers that are formulas with no result', () => {
  for (const w of ['openpyxl', 'xlsxwriter']) {
    it(`${w}: =EDATE headers with no result read as their months: spending inside the period is clean`, async () => {
      const { file } = await accounts(`accounts6-month-formulas-${w}`);
      expect(errors(file.findings)).toEqual([]);
    });
    it(`${w}: near-miss: spending in October 2022, after the period, is accounts/outside-period at that month's cell`, async () => {
      const { file, rowOf } = await accounts(`accounts6-month-formulas-late-${w}`);
      expect(errors(file.findings)).toEqual([`accounts/outside-period@Regnskab:${rowOf('Revision')}`]);
      expect(file.findings.find((x) => x.rule === 'accounts/outside-period')).toMatchObject({ cell: 'AM7', actual: 11_000_00 });
    });
  }
});
