// npm run bench [-- --files N --seed S --quick --keep]: budgettjek against bare exceljs, in one run, on generated budgets.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { budgetWorkbook, type LineSpec } from '../test/helpers/budget.js';
import { rng } from '../test/helpers/mutate.js';
import { writeXlsx } from '../test/helpers/xlsx.js';

const argv = process.argv.slice(2);
const arg = (name: string, dflt: number) => (argv.includes(`--${name}`) ? Number(argv[argv.indexOf(`--${name}`) + 1]) : dflt);
const quick = argv.includes('--quick');
const FILES = arg('files', quick ? 60 : 600);
const SEED = arg('seed', 1);
const ROUNDS = quick ? 1 : 3;
const BIN = resolve('bin/budgettjek.js');
const TIME = '/usr/bin/time';

const POSTS = ['Løn projektleder', 'Løn koordinator', 'Løn socialrådgiver', 'Ekstern konsulent', 'Kørsel', 'Forplejning', 'Kursus i recovery', 'Leje af lokaler', 'Trykning af pjecer', 'Evaluering', 'Revision', 'Supervision', 'Konference', 'Hjemmeside'];

function lines(r: () => number, n: number): LineSpec[] {
  return Array.from({ length: n }, (_, i) => {
    const each = 500 + Math.floor(r() * 40) * 500;
    return { post: `${POSTS[i % POSTS.length]} ${Math.floor(i / POSTS.length) + 1}`, spec: `33 mdr. à ${each.toLocaleString('da-DK')} kr.`, monthly: each, note: 'Se ansøgningen' };
  });
}

/** Runs a command under /usr/bin/time: wall seconds, CPU seconds (user + system, all threads) and peak RSS (MB). */
function timed(cmd: string, args: string[]): { wall: number; rssMb: number; cpu: number } {
  const t0 = performance.now();
  const r = spawnSync(TIME, ['-f', '%M %U %S', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = (performance.now() - t0) / 1000;
  const [kb, user, sys] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { wall, rssMb: Math.round(kb / 1024), cpu: user + sys };
}

const median3Label = () => (ROUNDS > 1 ? ` (median of ${ROUNDS})` : '');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bt-bench-'));
  const pile = join(dir, 'pile');
  mkdirSync(pile);
  const r = rng(SEED);
  const t0 = performance.now();
  for (let i = 0; i < FILES; i++) {
    const n = 10 + Math.floor(r() * 51);
    const spec = { lines: lines(r, n), titleRows: i % 3 === 0 ? 2 : 0, stamdata: { CVR: String(29000000 + i), Ansøger: `Kommune ${i}` } };
    const { wb } = budgetWorkbook(spec);
    if (i % 10 === 9) {
      // every tenth a Danish CSV of the budget sheet
      const sheet = wb.sheets.find((s) => s.name === 'Budget')!;
      const text = [...sheet.rows.values()].map((cells) => cells.map((c) => (typeof c.value === 'number' ? String(c.value).replace('.', ',') : c.formula ? '' : String(c.value ?? ''))).join(';')).join('\r\n');
      writeFileSync(join(pile, `budget-${i}.csv`), '\uFEFF' + text);
    } else await writeXlsx(wb, join(pile, `budget-${i}.xlsx`));
  }
  const big = join(dir, 'stor.xlsx');
  await writeXlsx(budgetWorkbook({ lines: lines(r, 10_000), stamdata: { 'Ansøgt beløb': 0 } }).wb, big);
  console.log(`generated ${FILES} budgets (10–60 posts × 33 months; xlsx and csv) and one 10.000-line workbook in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const loader = join(dir, 'bare-exceljs.cjs');
  writeFileSync(loader, `const E=require(${JSON.stringify(resolve('node_modules/exceljs'))});const fs=require('fs');const path=require('path');
(async()=>{const files=process.argv.slice(2).flatMap(p=>fs.statSync(p).isDirectory()?fs.readdirSync(p).sort().map(f=>path.join(p,f)):[p]);
for(const f of files){const b=fs.readFileSync(f);if(f.endsWith('.csv')){b.toString('utf8');continue;}await new E.Workbook().xlsx.load(b);}})();`);
  const cpus = availableParallelism();
  // A small batch too (the first tenth of the pile): there starting worker threads would not pay.
  const small = join(dir, 'small');
  mkdirSync(small);
  const SMALL = Math.max(1, Math.floor(FILES / 10));
  for (const f of readdirSync(pile).sort().slice(0, SMALL)) copyFileSync(join(pile, f), join(small, f));
  // Alternating runs, the median of three each: this machine's speed drifts by ±15 % within a minute.
  const byWall = (runs: Array<{ wall: number; rssMb: number }>) => [...runs].sort((a, b) => a.wall - b.wall)[Math.floor(runs.length / 2)];
  const compare = (target: string) => {
    const bareRuns: Array<{ wall: number; rssMb: number }> = [];
    const toolRuns: Array<{ wall: number; rssMb: number }> = [];
    for (let k = 0; k < ROUNDS; k++) {
      bareRuns.push(timed(process.execPath, [loader, target]));
      // no --jobs: the default a caseworker gets
      toolRuns.push(timed(process.execPath, [BIN, 'check', target, '--pool', 'recovery-2019', '--format', 'json', '-o', join(dir, 'report.json'), '--fail-on', 'never']));
    }
    return { bare: byWall(bareRuns), tool: byWall(toolRuns) };
  };
  const { bare, tool } = compare(pile);
  // The formats a caseworker opens (xlsx, html) against json on the same batch, alternating, the median of each.
  const FORMATS = ['json', 'xlsx', 'html'] as const;
  type Run = { wall: number; rssMb: number; cpu: number };
  const formatRuns = Object.fromEntries(FORMATS.map((f) => [f, [] as Run[]])) as Record<(typeof FORMATS)[number], Run[]>;
  for (let k = 0; k < ROUNDS; k++) {
    for (const fmt of FORMATS) formatRuns[fmt].push(timed(process.execPath, [BIN, 'check', pile, '--pool', 'recovery-2019', '--format', fmt, '-o', join(dir, `report.${fmt}`), '--fail-on', 'never']));
  }
  const byFormat = Object.fromEntries(FORMATS.map((f) => [f, byWall(formatRuns[f])])) as Record<(typeof FORMATS)[number], Run>;
  // CPU time too: on a machine others share, wall time drifts by more than the difference measured.
  const cpuOf = (f: (typeof FORMATS)[number]) => median(formatRuns[f].map((x) => x.cpu));
  const pct = (ratio: number) => `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(0)} %`;
  const formatRows = (['xlsx', 'html'] as const).map((fmt) => {
    const ratio = byFormat[fmt].wall / byFormat.json.wall;
    const cpu = cpuOf(fmt) / cpuOf('json');
    return [`batch: --format ${fmt} -o${median3Label()}`, `${byFormat[fmt].wall.toFixed(2)} s`, `CPU ${cpuOf(fmt).toFixed(2)} s`, `${byFormat[fmt].rssMb} MB`, `vs json ${byFormat.json.wall.toFixed(2)} s: ${pct(ratio)} (≤ +20 %) ${ratio <= 1.2 ? 'PASS' : 'FAIL'}; CPU vs ${cpuOf('json').toFixed(2)} s: ${pct(cpu)}`];
  });
  const smallRun = compare(small);
  const one = join(pile, 'budget-0.xlsx');
  const bareOne: number[] = [];
  const toolOne: number[] = [];
  for (let k = 0; k < 5; k++) {
    bareOne.push(timed(process.execPath, [loader, one]).wall);
    toolOne.push(timed(process.execPath, [BIN, 'check', one, '--format', 'json', '--fail-on', 'never']).wall);
  }
  const bigRun = timed(process.execPath, [BIN, 'check', big, '--pool', 'recovery-2019', '--format', 'json', '-o', join(dir, 'big.json'), '--fail-on', 'never']);
  const ratio = tool.wall / bare.wall;
  const oneRatio = median(toolOne) / median(bareOne);
  const median3 = ROUNDS > 1 ? ` (median of ${ROUNDS})` : '';
  const smallRatio = smallRun.tool.wall / smallRun.bare.wall;
  const rows = [
    [`batch: bare exceljs, serial load${median3}`, `${bare.wall.toFixed(2)} s`, `${(FILES / bare.wall).toFixed(1)} files/s`, `${bare.rssMb} MB`, ''],
    [`batch: budgettjek check${median3}`, `${tool.wall.toFixed(2)} s`, `${(FILES / tool.wall).toFixed(1)} files/s`, `${tool.rssMb} MB`, `ratio ${ratio.toFixed(2)} (≤ 1.0) ${ratio <= 1 ? 'PASS' : 'FAIL'}`],
    [`small batch (${SMALL} files): bare exceljs${median3}`, `${smallRun.bare.wall.toFixed(2)} s`, '', `${smallRun.bare.rssMb} MB`, ''],
    [`small batch (${SMALL} files): budgettjek check${median3}`, `${smallRun.tool.wall.toFixed(2)} s`, '', `${smallRun.tool.rssMb} MB`, `ratio ${smallRatio.toFixed(2)} (≤ 1.0) ${smallRatio <= 1 ? 'PASS' : 'FAIL'}`],
    ['single file: bare exceljs (median of 5)', `${median(bareOne).toFixed(3)} s`, '', '', ''],
    ['single file: budgettjek check (median of 5)', `${median(toolOne).toFixed(3)} s`, '', '', `ratio ${oneRatio.toFixed(2)} (≤ 1.5) ${oneRatio <= 1.5 ? 'PASS' : 'FAIL'}`],
    ...formatRows,
    ['10.000-line workbook: budgettjek check', `${bigRun.wall.toFixed(2)} s`, '', `${bigRun.rssMb} MB`, `RSS < 1024 MB ${bigRun.rssMb < 1024 ? 'PASS' : 'FAIL'}`],
  ];
  const w = rows[0].map((_, i) => Math.max(...rows.map((x) => x[i].length)));
  console.log(`node ${process.version}, ${cpus} CPUs, ${FILES} files (seed ${SEED}); budgettjek with its default --jobs`);
  for (const row of rows) console.log(row.map((c, i) => c.padEnd(w[i])).join('  '));
  if (argv.includes('--keep')) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
