// The generated fixtures of one hidden-file pass (a list of definitions from fixtures/defs): where each is, generated
// when a test file runs without the global setup, and checked as the command would check it — its errors and warnings
// as rule@sheet:row, its infos, its expenses (øre) and its row ids as numbers. Shared by the hidden-budget passes.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { checkFiles } from '../../src/check.js';
import type { Finding } from '../../src/types.js';
import { buildAll, extensionOf, poolFor, resolveExpected } from '../../fixtures/lib/budget.js';
import type { FixtureDef } from '../../fixtures/lib/types.js';
import { layout } from '../../fixtures/lib/layout.js';
import { DEFAULT_OUT } from '../../scripts/make-fixtures.js';

export interface CheckedFixture {
  findings: Finding[];
  /** Errors and warnings as rule@sheet:row. */
  at: string[];
  /** Infos as rule@sheet:row. */
  infos: string[];
  /** Total expenses, øre. */
  expenses: number;
  rowOf: (sheet: string, id: string) => number;
}

export function hiddenFixtures(defs: FixtureDef[]) {
  const pathOf = (name: string) => {
    const def = defs.find((d) => d.name === name);
    if (!def) throw new Error(`no fixture ${name}`);
    return { def, path: join(DEFAULT_OUT, `${def.name}.${extensionOf(def)}`) };
  };
  /** Generates the pass's fixtures unless all are there (the global setup generates them). */
  const ensureBuilt = async () => {
    if (!defs.every((d) => existsSync(pathOf(d.name).path))) await buildAll(defs, DEFAULT_OUT);
  };
  const fixture = async (name: string): Promise<CheckedFixture> => {
    const { def, path } = pathOf(name);
    const report = await checkFiles([path], { pool: poolFor(def, DEFAULT_OUT), jobs: 1 });
    const file = report.files[0];
    const built = { def, path, layout: layout(def) };
    const where = (f: Finding) => `${f.rule}@${f.sheet}:${f.row}`;
    return {
      findings: file.findings,
      at: file.findings.filter((f) => f.severity !== 'info').map(where),
      infos: file.findings.filter((f) => f.severity === 'info').map(where),
      expenses: file.totals.expenses ?? 0,
      rowOf: (sheet, id) => resolveExpected(built, { rule: '', sheet, row: id }).row as number,
    };
  };
  return { pathOf, ensureBuilt, fixture };
}

/** The accounts of a hidden-accounts pass (their approved budgets among `defs`): each checked against its approved
 * budget (def.budget) under its pool, or `pool`; rowOf places a row id of a sheet (Regnskab unless named). */
export function hiddenAccounts(defs: FixtureDef[]) {
  const { pathOf, ensureBuilt } = hiddenFixtures(defs);
  const path = (name: string) => pathOf(name).path;
  const accounts = async (name: string, pool?: string) => {
    const { def, path: file } = pathOf(name);
    const report = await checkFiles([file], { pool: pool ?? def.pool, ...(def.budget ? { budget: path(def.budget) } : {}), jobs: 1 });
    const built = { def, path: file, layout: layout(def) };
    return {
      file: report.files[0],
      rowOf: (id: string, sheet = 'Regnskab') => resolveExpected(built, { rule: '', sheet, row: id }).row as number,
    };
  };
  /** Checks an accounts fixture against its definition: every finding it expects is there (by rule, and sheet and row
   * where it names them), and no error it does not expect — with `strict`, no warning either. */
  const expectAsDefined = async (def: FixtureDef) => {
    const { file } = await accounts(def.name);
    const built = { def, path: '', layout: layout(def) };
    const expected = def.expect.map((e) => resolveExpected(built, e));
    const matches = (e: (typeof expected)[number], f: Finding) =>
      e.rule === f.rule && (e.sheet === undefined || f.sheet === e.sheet) && (e.row === undefined || f.row === e.row);
    for (const e of expected)
      expect(
        file.findings.some((f) => matches(e, f)),
        `${e.rule}@${e.sheet}:${e.row} in ${JSON.stringify(file.findings.map((f) => `${f.rule}@${f.sheet}:${f.row}`))}`,
      ).toBe(true);
    expect(
      file.findings
        .filter((f) => (f.severity === 'error' || (def.strict && f.severity === 'warning')) && !expected.some((e) => matches(e, f)))
        .map((f) => `${f.rule}@${f.sheet}:${f.row}`),
    ).toEqual([]);
  };
  return { pathOf: path, ensureBuilt, accounts, expectAsDefined };
}
