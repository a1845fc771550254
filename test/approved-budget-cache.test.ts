// The approved budget is read and prepared once per file in a run (src/accounts/check.ts, readApproved): a budget built
// from a prepared workbook that was used before (for its pool, then for a check) is the same as one built from a fresh
// read, and accounts checked against a cached approved budget get the same report as each checked in a run of its own.
// On every accounts fixture that has an approved budget (fixtures/defs: the leftovers and the sixth and seventh passes).
import { copyFileSync, existsSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../src/check.js';
import type { CheckOptions } from '../src/check-options.js';
import { buildBudget, prepare } from '../src/model/budget.js';
import { findBuiltinPool } from '../src/pools/index.js';
import { readWorkbook } from '../src/read/index.js';
import type { Report } from '../src/report/types.js';
import { accountsWriter6Defs } from '../fixtures/defs/accounts-writers-6.js';
import { accountsWriter7Defs } from '../fixtures/defs/accounts-writers-7.js';
import { leftoverDefs } from '../fixtures/defs/leftovers-accounts.js';
import { buildAll, extensionOf } from '../fixtures/lib/budget.js';
import { DEFAULT_OUT } from '../scripts/make-fixtures.js';

const all = [...leftoverDefs, ...accountsWriter6Defs, ...accountsWriter7Defs];
const pathOf = (name: string) => {
  const def = all.find((d) => d.name === name);
  if (!def) throw new Error(`no fixture ${name}`);
  return join(DEFAULT_OUT, `${def.name}.${extensionOf(def)}`);
};
/** The accounts fixtures that are checked against an approved budget, and those budgets. */
const withBudget = all.filter((d) => d.budget);
const approvedNames = [...new Set(withBudget.map((d) => d.budget!))];

beforeAll(async () => {
  const needed = all.filter((d) => withBudget.includes(d) || approvedNames.includes(d.name));
  if (!needed.every((d) => existsSync(pathOf(d.name)))) await buildAll(needed, DEFAULT_OUT);
}, 600_000);

/** A report as the JSON formatter would see it (it holds no time of its own). */
const stable = (r: Report) => JSON.stringify(r);

describe('the approved budget, read once per run', () => {
  it('has accounts fixtures to compare on', () => {
    expect(withBudget.length).toBeGreaterThan(10);
    expect(approvedNames.length).toBeGreaterThan(3);
  });

  it('builds the same budget from a prepared workbook used before as from a fresh read', async () => {
    const period = findBuiltinPool('recovery-2019')!.period;
    for (const name of approvedNames) {
      const path = pathOf(name);
      const fresh = async () => {
        const read = await readWorkbook(path);
        if (!read.ok) throw new Error(`${name}: ${read.finding.rule}`);
        return prepare(read.workbook);
      };
      const once = buildBudget(path, await fresh(), period);
      const used = await fresh();
      void used.metadata.pool?.value; // what approvedPoolName reads
      const first = buildBudget(path, used, period);
      const again = buildBudget(path, used, period);
      expect(first, name).toEqual(once);
      expect(again, name).toEqual(once);
    }
  });

  it('checks each accounts file against a cached approved budget as in a run of its own', async () => {
    // one options object is one run: every file after the first of each approved budget finds it read already
    const run: CheckOptions = { jobs: 1 };
    for (const def of withBudget) {
      const opts = { pool: def.pool, budget: pathOf(def.budget!) };
      const alone = await checkFiles([pathOf(def.name)], { ...run, ...opts });
      const shared = Object.assign(run, opts);
      const first = await checkFiles([pathOf(def.name)], shared);
      const cached = await checkFiles([pathOf(def.name)], shared);
      expect(stable(first), def.name).toBe(stable(alone));
      expect(stable(cached), def.name).toBe(stable(alone));
    }
  });

  it('reads an approved budget again once the file has changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bt-approved-cache-'));
    const approved = join(dir, 'godkendt.xlsx');
    const def = withBudget[0];
    copyFileSync(pathOf(def.budget!), approved);
    const opts: CheckOptions = { jobs: 1, pool: def.pool, budget: approved };
    const before = await checkFiles([pathOf(def.name)], opts);
    expect(before.files[0].findings.map((f) => f.rule)).not.toContain('input/unreadable');
    writeFileSync(approved, 'no longer a workbook');
    utimesSync(approved, new Date(), new Date(Date.now() + 5000));
    const after = await checkFiles([pathOf(def.name)], opts);
    expect(after.files[0].findings.map((f) => f.rule)).toContain('input/unreadable');
  });
});
