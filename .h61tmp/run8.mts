import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildAll, extensionOf, poolFor, resolveExpected } from '/work/wt/h61/fixtures/lib/budget.js';
import { layout } from '/work/wt/h61/fixtures/lib/layout.js';
import { accountsWriter8Defs } from '/work/wt/h61/fixtures/defs/accounts-writers-8.js';
import { leftoverDefs, APPROVED_NAME } from '/work/wt/h61/fixtures/defs/leftovers-accounts.js';
import { checkFiles } from '/work/wt/h61/src/check.js';
const OUT = '/work/wt/h61/fixtures/generated';
const all = [...accountsWriter8Defs, ...leftoverDefs.filter((d) => d.name === APPROVED_NAME || d.name === 'accounts-approved-year-sheets-gnumeric')];
const only = process.argv[2];
const defs = all.filter((d) => !only || d.name.includes(only));
if (process.env.BUILD) await buildAll(defs.filter((d) => process.env.BUILD === 'all' || !existsSync(join(OUT, `${d.name}.${extensionOf(d)}`))), OUT);
const path = (n: string) => { const d = all.find((x) => x.name === n)!; return join(OUT, `${d.name}.${extensionOf(d)}`); };
for (const def of defs) {
  if (def.name === APPROVED_NAME || def.name === 'accounts-approved-year-sheets-gnumeric') continue;
  const r = await checkFiles([path(def.name)], { pool: poolFor(def, OUT), jobs: 1, ...(def.budget ? { budget: path(def.budget) } : {}) });
  const f = r.files[0];
  const got = f.findings.map((x) => `${x.rule}@${x.sheet}:${x.row}${x.severity === 'error' ? '' : '(' + x.severity[0] + ')'}`);
  const b = { def, path: '', layout: layout(def) };
  const exp = def.expect.map((e) => { const x = resolveExpected(b, e); return `${x.rule}@${x.sheet ?? '*'}:${x.row ?? '*'}`; });
  const ok = exp.every((e) => got.some((g) => g.startsWith(e.replace('@*:*', '@')) || g.replace(/\(.\)$/, '') === e)) && got.filter((g) => !g.endsWith('(w)') && !g.endsWith('(i)')).every((g) => exp.some((e) => e.split('@')[0] === g.split('@')[0]));
  console.log(ok ? 'OK  ' : 'BAD ', def.name, JSON.stringify(f.totals), '\n     got', got.join(' '), '\n     exp', exp.join(' '));
}
