import { buildAll } from '/work/wt/h61/fixtures/lib/budget.js';
import { accountsMeta, APPROVED_NAME } from '/work/wt/h61/fixtures/defs/leftovers-accounts.js';
import { checkFiles } from '/work/wt/h61/src/check.js';
import type { FixtureDef, GridSheet } from '/work/wt/h61/fixtures/lib/types.js';
const OUT = '/tmp/h61/scratch';
const B: Record<string, [number, number, number]> = { 'Løn projektleder': [540_000, 540_000, 405_000], Kørsel: [11_400, 11_400, 8_850], Forplejning: [3_000, 2_700, 0], 'Ekstern evaluering': [0, 75_000, 75_000], Revision: [11_000, 11_000, 11_000] };
const BUD: Record<string, number> = { 'Løn projektleder': 1_485_000, Kørsel: 31_350, Forplejning: 6_000, 'Ekstern evaluering': 150_000, Revision: 33_000 };
function sheet(): GridSheet {
  const grid: GridSheet['grid'] = [['Regnskab'], ['Budgetpost', 'Godkendt budget', 'Forbrug 2020', 'Forbrug 2021', 'Forbrug 2022', 'Forbrug i alt', 'Afvigelse', 'Bemærkning']];
  Object.keys(B).forEach((p, i) => { const n = 3 + i; grid.push({ id: p, cells: [p, BUD[p], ...B[p], { f: `SUM(C${n}:E${n})` }, { f: `F${n}-B${n}` }, p === 'Kørsel' ? 'Flere hjemmebesøg' : null] }); });
  grid.push({ id: 'I alt', cells: ['I alt', { f: 'SUM(B3:B7)' }, { f: 'SUM(C3:C7)' }, { f: 'SUM(D3:D7)' }, { f: 'SUM(E3:E7)' }, { f: 'SUM(F3:F7)' }, { f: 'SUM(G3:G7)' }] });
  return { name: 'Regnskab', header: 2, grid };
}
const defs: FixtureDef[] = [{ name: 'yearcols', writer: 'openpyxl', description: '', pool: 'recovery-2019', budget: APPROVED_NAME, metadata: accountsMeta(), sheets: [sheet()], expect: [] }];
await buildAll(defs, OUT);
const r = await checkFiles([`${OUT}/yearcols.xlsx`], { pool: 'recovery-2019', budget: '/work/wt/h61/fixtures/generated/accounts-approved-budget-openpyxl.xlsx', jobs: 1 });
console.log(r.files[0].kind, JSON.stringify(r.files[0].totals), r.files[0].findings.map((f) => `${f.rule}@${f.sheet}:${f.row}`));
