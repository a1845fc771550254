// node --import tsx bench/jobs.ts [--pile DIR] [--sizes 50,100,200,300,600] [--rounds 5] [--jobs 2]: where worker
// threads start to pay. For each batch size, the first N budgets of the pile checked with --jobs 1 and with --jobs 2
// (the main thread and one worker, src/batch/run.ts), alternating: medians of wall and CPU time (user + system, all
// threads), their ratios, and the load average after each size. Without --pile, the bench's pile (seed 1) is written
// into a temporary folder. On a shared machine the wall times carry the others' load: the load average is printed
// before and after, and with each size; a threshold is read from a quiet machine's run.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePile } from './pile.js';
import { checkArgs, timed, type Run } from './run.js';

const argv = process.argv.slice(2);
const opt = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const SIZES = (opt('sizes') ?? '50,100,200,300,600').split(',').map(Number);
const ROUNDS = Number(opt('rounds') ?? 5);
const JOBS = opt('jobs') ?? '2';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const given = opt('pile');
  const tmp = given ? undefined : mkdtempSync(join(tmpdir(), 'bench-jobs-'));
  const pile = given ?? join(tmp!, 'pile');
  if (!given) await writePile(pile, Math.max(...SIZES), 1);
  // budget-0, budget-1, … in number order: the first N files are the same whatever N
  const files = readdirSync(pile)
    .filter((f) => /^budget-\d+\.(xlsx|csv)$/.test(f))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))
    .map((f) => join(pile, f));
  const out = join(tmp ?? mkdtempSync(join(tmpdir(), 'bench-jobs-')), 'report.json');
  const load0 = loadavg()[0];
  console.log(`| files | --jobs 1 wall | CPU | --jobs ${JOBS} wall | CPU | wall ratio | CPU ratio | load |`);
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const n of SIZES) {
    const args = (jobs: string) => checkArgs(files.slice(0, n), out, ['--jobs', jobs]);
    const one: Run[] = [];
    const many: Run[] = [];
    for (let k = 0; k < ROUNDS; k++) {
      one.push(timed(args('1')));
      many.push(timed(args(JOBS)));
    }
    const [w1, c1, w2, c2] = [median(one.map((r) => r.wall)), median(one.map((r) => r.cpu)), median(many.map((r) => r.wall)), median(many.map((r) => r.cpu))];
    console.log(
      `| ${Math.min(n, files.length)} | ${w1.toFixed(3)} s | ${c1.toFixed(2)} s | ${w2.toFixed(3)} s | ${c2.toFixed(2)} s | ${(w2 / w1).toFixed(2)} | ${(c2 / c1).toFixed(2)} | ${loadavg()[0].toFixed(1)} |`,
    );
  }
  console.log(
    `\nnode ${process.version}, ${availableParallelism()} CPUs, load average ${load0.toFixed(2)} → ${loadavg()[0].toFixed(2)}; medians of ${ROUNDS} alternating runs`,
  );
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

await main();
