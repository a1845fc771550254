// Mutation fuzzing: npm run fuzz -- --seed S --count N. Mutates valid workbooks and checks each; exits 1 on a crash.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFile } from '../src/check.js';
import { budgetWorkbook, CLEAN_LINES } from '../test/helpers/budget.js';
import { mutate, rng } from '../test/helpers/mutate.js';
import { writeXlsx } from '../test/helpers/xlsx.js';
import { herningWithDefects, roskilde } from '../test/helpers/example-budgets.js';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

async function main(): Promise<number> {
  const seed = arg('seed', 1);
  const count = arg('count', 500);
  const dir = mkdtempSync(join(tmpdir(), 'bt-fuzz-'));
  const seeds: Buffer[] = [];
  for (const [i, spec] of [{ lines: CLEAN_LINES }, roskilde, herningWithDefects].entries()) {
    const p = join(dir, `seed-${i}.xlsx`);
    await writeXlsx(budgetWorkbook(spec).wb, p);
    seeds.push(readFileSync(p));
  }
  const r = rng(seed);
  const outcomes = new Map<string, number>();
  let crashes = 0;
  let slowest = 0;
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const base = seeds[Math.floor(r() * seeds.length)];
    const { bytes, how } = mutate(base, r);
    const p = join(dir, `mutant.xlsx`);
    writeFileSync(p, bytes);
    const t = performance.now();
    try {
      const rep = await checkFile(p, { pool: 'recovery-2019' });
      for (const f of rep.findings) if (!f.rule || !f.severity || !f.message) throw new Error(`malformed finding ${JSON.stringify(f)}`);
      const key = rep.kind === 'unknown' ? rep.findings[0]?.rule ?? 'unknown' : `${rep.kind} (${rep.findings.filter((f) => f.severity === 'error').length ? 'errors' : 'no errors'})`;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    } catch (e) {
      crashes++;
      console.error(`CRASH #${i} (${how}): ${(e as Error)?.stack ?? e}`);
      writeFileSync(join(tmpdir(), `budgettjek-crash-${seed}-${i}.xlsx`), bytes);
    }
    slowest = Math.max(slowest, performance.now() - t);
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(`fuzz: seed ${seed}, ${count} mutants in ${((performance.now() - t0) / 1000).toFixed(1)} s, slowest ${slowest.toFixed(0)} ms`);
  for (const [k, v] of [...outcomes].sort()) console.log(`  ${String(v).padStart(5)}  ${k}`);
  console.log(crashes ? `${crashes} crashes` : 'no crashes');
  return crashes ? 1 : 0;
}

main().then((code) => process.exit(code));
