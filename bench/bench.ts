// npm run bench [-- --files N --many M --seed S --rounds R --quick --keep]: budgettjek against the raw limit, SheetJS
// and exceljs on the same generated budgets, a batch of 3.000, start-up against bare node, and scaling to 50.000
// lines — in one run, with issue 19's targets beside the figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeLargeBudget, writePile } from './pile.js';
import { BIN, checkArgs, timed, type Run } from './run.js';

const argv = process.argv.slice(2);
const arg = (name: string, dflt: number) => (argv.includes(`--${name}`) ? Number(argv[argv.indexOf(`--${name}`) + 1]) : dflt);
const quick = argv.includes('--quick');
const FILES = arg('files', quick ? 60 : 600);
/** The large batch (issue 19: 3.000 budgets at ≥ 1.000 files/s); 0 leaves it out. */
const MANY = arg('many', quick ? 0 : 3000);
const SEED = arg('seed', 1);
const ROUNDS = arg('rounds', quick ? 1 : 5);
const SIZES = quick ? [1_000, 10_000] : [1_000, 10_000, 50_000];

/** The run of median wall time. */
const medianRun = (runs: Run[]) => [...runs].sort((a, b) => a.wall - b.wall)[Math.floor(runs.length / 2)];

/** Several commands measured in alternation, `rounds` times each: this machine's speed drifts within a minute. */
function alternate<K extends string>(cmds: Record<K, string[]>, rounds: number): Record<K, Run> {
  const names = Object.keys(cmds) as K[];
  const runs = new Map<K, Run[]>(names.map((k) => [k, []]));
  for (let k = 0; k < rounds; k++) for (const name of names) runs.get(name)!.push(timed(cmds[name]));
  return Object.fromEntries(names.map((k) => [k, medianRun(runs.get(k)!)])) as Record<K, Run>;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-budgettjek-'));
  const pile = join(dir, 'pile');
  const t0 = performance.now();
  const r = await writePile(pile, FILES, SEED);
  const many = join(dir, 'many');
  if (MANY) await writePile(many, MANY, SEED); // the same seed: its first files are the pile's
  const large = new Map<number, string>();
  for (const n of SIZES) {
    const f = join(dir, `lines-${n}.xlsx`);
    await writeLargeBudget(f, n, r);
    large.set(n, f);
  }
  console.log(
    `generated ${FILES}${MANY ? ` and ${MANY.toLocaleString('da-DK')}` : ''} budgets (10–60 posts × 33 months, every tenth a CSV; seed ${SEED}) and ${SIZES.map((n) => n.toLocaleString('da-DK')).join('/')}-line workbooks (36 months) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const load0 = loadavg()[0];
  const out = join(dir, 'report.json');
  const one = join(pile, 'budget-0.xlsx');

  const batch = alternate(
    {
      raw: ['bench/raw-limit.mjs', pile],
      sheetjs: ['bench/sheetjs.cjs', pile],
      exceljs: ['bench/exceljs.cjs', pile],
      tool: checkArgs(pile, out),
      tool1: checkArgs(pile, out, ['--jobs', '1']),
    },
    ROUNDS,
  );
  // The formats a caseworker opens (xlsx, html) against json on the same batch, alternating.
  const asFormat = (fmt: string) => [BIN, 'check', pile, '--pool', 'recovery-2019', '--format', fmt, '-o', join(dir, `report.${fmt}`), '--fail-on', 'never'];
  const formats = alternate({ json: asFormat('json'), xlsx: asFormat('xlsx'), html: asFormat('html') }, ROUNDS);
  const big = MANY ? alternate({ raw: ['bench/raw-limit.mjs', many], tool: checkArgs(many, out) }, Math.max(ROUNDS - 2, 1)) : undefined;
  const start = alternate({ node: ['-e', '0'], tool: [BIN, 'check', one, '--format', 'json', '--fail-on', 'never'] }, Math.max(ROUNDS * 2 - 1, 3));
  const scale = [...large].map(([n, f]) => ({
    n,
    ...alternate(
      { tool: checkArgs(f, join(dir, 'large.json'), ['--max-cells', '50000000']), exceljs: ['bench/exceljs.cjs', f] },
      n >= 50_000 ? 1 : quick ? 1 : 3,
    ),
  }));

  const fps = (run: Run, files = FILES) => `${(files / run.wall).toFixed(0)} files/s`;
  const s = (run: Run) => `${run.wall.toFixed(3)} s`;
  const x = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  // wall and CPU ratios both: on a shared machine wall times carry the others' load, CPU times less so
  const xx = (a: Run, b: Run) => `${x(a.wall, b.wall)} (CPU ${x(a.cpu, b.cpu)})`;
  const rows: string[][] = [
    ['measurement', 'wall', 'throughput', 'CPU', 'peak RSS', 'ratio'],
    [`raw limit: read, inflate, scan (1 thread)`, s(batch.raw), fps(batch.raw), `${batch.raw.cpu.toFixed(2)} s`, `${batch.raw.rssMb} MB`, ''],
    [`SheetJS loading the pile`, s(batch.sheetjs), fps(batch.sheetjs), `${batch.sheetjs.cpu.toFixed(2)} s`, `${batch.sheetjs.rssMb} MB`, ''],
    [`exceljs loading the pile`, s(batch.exceljs), fps(batch.exceljs), `${batch.exceljs.cpu.toFixed(2)} s`, `${batch.exceljs.rssMb} MB`, ''],
    [
      `budgettjek check (default --jobs)`,
      s(batch.tool),
      fps(batch.tool),
      `${batch.tool.cpu.toFixed(2)} s`,
      `${batch.tool.rssMb} MB`,
      `${xx(batch.tool, batch.raw)} the raw limit (target ≤ 3.7×, ≥ 800 files/s); SheetJS ${xx(batch.sheetjs, batch.tool)}, exceljs ${xx(batch.exceljs, batch.tool)} its time`,
    ],
    [
      `budgettjek check --jobs 1`,
      s(batch.tool1),
      fps(batch.tool1),
      `${batch.tool1.cpu.toFixed(2)} s`,
      `${batch.tool1.rssMb} MB`,
      `${xx(batch.tool1, batch.raw)} the raw limit`,
    ],
    ...(['xlsx', 'html'] as const).map((f) => [
      `budgettjek check --format ${f} -o`,
      s(formats[f]),
      fps(formats[f]),
      `${formats[f].cpu.toFixed(2)} s`,
      `${formats[f].rssMb} MB`,
      `${xx(formats[f], formats.json)} --format json (≤ 1.20)`,
    ]),
    ...(big
      ? [
          [`raw limit, ${MANY.toLocaleString('da-DK')} files`, s(big.raw), fps(big.raw, MANY), `${big.raw.cpu.toFixed(2)} s`, `${big.raw.rssMb} MB`, ''],
          [
            `budgettjek check, ${MANY.toLocaleString('da-DK')} files`,
            s(big.tool),
            fps(big.tool, MANY),
            `${big.tool.cpu.toFixed(2)} s`,
            `${big.tool.rssMb} MB`,
            `${xx(big.tool, big.raw)} the raw limit (target ≥ 1.000 files/s)`,
          ],
        ]
      : []),
    [`bare node -e 0`, s(start.node), '', `${start.node.cpu.toFixed(3)} s`, `${start.node.rssMb} MB`, ''],
    [
      `budgettjek check, one budget`,
      s(start.tool),
      '',
      `${start.tool.cpu.toFixed(3)} s`,
      `${start.tool.rssMb} MB`,
      `${xx(start.tool, start.node)} bare node (target ≤ 130 ms, ≤ 2.2×)`,
    ],
  ];
  for (const sc of scale) {
    const n = sc.n.toLocaleString('da-DK');
    rows.push([`${n} lines: exceljs loading it`, s(sc.exceljs), '', `${sc.exceljs.cpu.toFixed(2)} s`, `${sc.exceljs.rssMb} MB`, '']);
    rows.push([
      `${n} lines: budgettjek check`,
      s(sc.tool),
      '',
      `${sc.tool.cpu.toFixed(2)} s`,
      `${sc.tool.rssMb} MB`,
      `${xx(sc.tool, sc.exceljs)} exceljs's time, ${x(sc.tool.rssMb, sc.exceljs.rssMb)} its memory${sc.n >= 50_000 ? ' (target ≤ 1×, < 1 GB)' : ''}`,
    ]);
  }
  const w = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  console.log(
    `node ${process.version}, ${availableParallelism()} CPUs, load average ${load0.toFixed(2)} → ${loadavg()[0].toFixed(2)}; medians of ${ROUNDS} alternating runs (${MANY ? `${MANY.toLocaleString('da-DK')} files: ${Math.max(ROUNDS - 2, 1)}; ` : ''}start-up: ${Math.max(ROUNDS * 2 - 1, 3)})`,
  );
  for (const row of rows)
    console.log(
      row
        .map((c, i) => c.padEnd(w[i]))
        .join('  ')
        .trimEnd(),
    );
  if (argv.includes('--keep')) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
