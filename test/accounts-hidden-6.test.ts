// Accounts (regnskab) against the approved budget, sixth pass (fixtures/defs/accounts-writers-6.ts), by openpyxl,
// XlsxWriter, LibreOffice and Gnumeric: two approved posts merged into one are one finding, amounts typed as text under
// the accounts' SUM are said at the total, a Unicode minus. Checked by rule, sheet and row.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../src/check.js';
import type { Finding } from '../src/types.js';
import { accountsWriter6Defs } from '../fixtures/defs/accounts-writers-6.js';
import { leftoverDefs } from '../fixtures/defs/leftovers-accounts.js';
import { buildAll, extensionOf, resolveExpected } from '../fixtures/lib/budget.js';
import { layout } from '../fixtures/lib/layout.js';
import { DEFAULT_OUT } from '../scripts/make-fixtures.js';

const defs = [...accountsWriter6Defs, ...leftoverDefs.filter((d) => accountsWriter6Defs.some((x) => x.budget === d.name))];
const pathOf = (name: string) => {
  const def = defs.find((d) => d.name === name);
  if (!def) throw new Error(`no fixture ${name}`);
  return join(DEFAULT_OUT, `${def.name}.${extensionOf(def)}`);
};

async function accounts(name: string) {
  const def = defs.find((d) => d.name === name)!;
  const report = await checkFiles([pathOf(name)], { pool: def.pool, budget: pathOf(def.budget!), jobs: 1 });
  const built = { def, path: '', layout: layout(def) };
  return { file: report.files[0], rowOf: (id: string) => resolveExpected(built, { rule: '', sheet: 'Regnskab', row: id }).row as number };
}
const errors = (f: Finding[]) => f.filter((x) => x.severity === 'error').map((x) => `${x.rule}@${x.sheet}:${x.row}`);

beforeAll(async () => {
  const missing = defs.filter((d) => !existsSync(pathOf(d.name)));
  if (missing.length) await buildAll(missing, DEFAULT_OUT);
}, 600_000);

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

describe('amounts typed as text under the accounts SUM', () => {
  for (const w of ['openpyxl', 'gnumeric', 'xlsxwriter'])
    it(`${w}: '33.000 kr.' typed as text under I alt's SUM is arithmetic/total-mismatch at the total's cell, once`, async () => {
      const { file, rowOf } = await accounts(`accounts6-text-under-sum-${w}`);
      expect(errors(file.findings)).toEqual([`arithmetic/total-mismatch@Regnskab:${rowOf('I alt')}`]);
      const f = file.findings.find((x) => x.rule === 'arithmetic/total-mismatch')!;
      expect(f.cell).toBe('C8');
      expect(f).toMatchObject({ expected: 1_705_350_00, actual: 1_672_350_00 });
      expect(file.totals).toMatchObject({ actual: 1_705_350_00, unspent: 0 });
    });

  it("libreoffice: a Unicode minus ('−300') is the refund −300 kr. for the post's rules and text under the SUM at the total: one finding each", async () => {
    const { file, rowOf } = await accounts('accounts6-unicode-minus-libreoffice');
    const row = rowOf('Forplejning');
    expect(errors(file.findings).sort()).toEqual(
      [
        `accounts/deviation-needs-approval@Regnskab:${row}`,
        `accounts/missing-explanation@Regnskab:${row}`,
        `arithmetic/total-mismatch@Regnskab:${rowOf('I alt')}`,
      ].sort(),
    );
    expect(file.findings.find((x) => x.rule === 'accounts/deviation-needs-approval')).toMatchObject({ expected: 6_000_00, actual: -300_00 });
    expect(file.findings.find((x) => x.rule === 'arithmetic/total-mismatch')).toMatchObject({ cell: 'C8', expected: 1_699_350_00, actual: 1_699_650_00 });
  });
});
