// Mutation fuzzing: npm run fuzz -- [--seed S] [--count N] [--batch B] [--annotate]. Mutates valid workbooks written
// by five writers (exceljs, LibreOffice, Gnumeric, openpyxl, XlsxWriter) and checks each mutant on a worker thread,
// timing it (a file over 10 s is a hang) and counting a thread that dies; then checks each batch of B mutants (100
// by default) through the command line as a user would, measuring the batch's peak memory. With --annotate both
// also write the annotated copies. Exits 1 on any crash, hang, or batch over 1.5 GB.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { convertWithLibreOffice } from '../fixtures/lib/libreoffice.js';
import { budgetWorkbook, CLEAN_LINES } from '../test/helpers/budget.js';
import { herningWithDefects, roskilde } from '../test/helpers/example-budgets.js';
import { mutate, rng } from '../test/helpers/mutate.js';
import { writeXlsx } from '../test/helpers/xlsx.js';

const HANG_MS = 10_000;
const BATCH_RSS_LIMIT = 1.5 * 1024 * 1024 * 1024;

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const PY_OPENPYXL = 'import sys, openpyxl\nfor src, dst in zip(sys.argv[1::2], sys.argv[2::2]):\n    openpyxl.load_workbook(src).save(dst)\n';
const PY_XLSXWRITER = `import sys, datetime, openpyxl, xlsxwriter
for src, dst in zip(sys.argv[1::2], sys.argv[2::2]):
    wb = openpyxl.load_workbook(src)
    out = xlsxwriter.Workbook(dst)
    date = out.add_format({'num_format': 'mmm yyyy'})
    for ws in wb.worksheets:
        o = out.add_worksheet(ws.title)
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if v is None: continue
                if isinstance(v, str) and v.startswith('='): o.write_formula(c.row - 1, c.column - 1, v)
                elif isinstance(v, datetime.datetime): o.write_datetime(c.row - 1, c.column - 1, v, date)
                else: o.write(c.row - 1, c.column - 1, v)
    out.close()
`;

/** The seed workbooks: three budgets written by exceljs, and each again by LibreOffice, Gnumeric, openpyxl and XlsxWriter. */
async function seeds(dir: string): Promise<Array<{ writer: string; bytes: Buffer }>> {
  const own: string[] = [];
  for (const [i, spec] of [{ lines: CLEAN_LINES }, roskilde, herningWithDefects].entries()) {
    const p = join(dir, `seed-${i}.xlsx`);
    await writeXlsx(budgetWorkbook(spec).wb, p);
    own.push(p);
  }
  const out = own.map((p) => ({ writer: 'exceljs', bytes: readFileSync(p) }));
  const lo = join(dir, 'libreoffice');
  mkdirSync(lo);
  convertWithLibreOffice(own, lo);
  for (const f of readdirSync(lo).sort()) out.push({ writer: 'libreoffice', bytes: readFileSync(join(lo, f)) });
  for (const p of own) {
    const g = p.replace(/\.xlsx$/, '-gnumeric.xlsx');
    execFileSync('ssconvert', ['--export-type=Gnumeric_Excel:xlsx2', p, g], { stdio: 'pipe', timeout: 120_000 });
    out.push({ writer: 'gnumeric', bytes: readFileSync(g) });
  }
  const pairs = (suffix: string) => own.flatMap((p) => [p, p.replace(/\.xlsx$/, `-${suffix}.xlsx`)]);
  execFileSync('/usr/bin/python3', ['-c', PY_OPENPYXL, ...pairs('openpyxl')], { stdio: 'pipe', timeout: 120_000 });
  execFileSync('/usr/bin/python3', ['-c', PY_XLSXWRITER, ...pairs('xlsxwriter')], { stdio: 'pipe', timeout: 120_000 });
  for (const w of ['openpyxl', 'xlsxwriter']) for (const p of own) out.push({ writer: w, bytes: readFileSync(p.replace(/\.xlsx$/, `-${w}.xlsx`)) });
  return out;
}

interface Result {
  index: number;
  ok: boolean;
  key?: string;
  ms: number;
  checkMs?: number;
  error?: string;
  annotated?: string;
}

/** Runs every mutant on a worker thread, one at a time, replacing a thread that hangs or dies. */
function runOnWorkers(files: string[], annotateDir: string | undefined): Promise<Result[]> {
  const results: Result[] = [];
  return new Promise((done) => {
    let next = 0;
    let worker: Worker;
    let timer: NodeJS.Timeout | undefined;
    let current = -1;
    const spawn = () => {
      worker = new Worker(new URL('./fuzz-worker-entry.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 3072 } });
      worker.on('message', (r: Result) => {
        clearTimeout(timer);
        results.push(r);
        current = -1;
        feed();
      });
      worker.on('error', (e) => died(`thread died: ${String(e?.message ?? e)}`));
      worker.on('exit', (code) => died(`thread exited with code ${code}`));
    };
    const died = (why: string) => {
      clearTimeout(timer);
      if (current < 0) return;
      results.push({ index: current, ok: false, ms: 0, error: why });
      current = -1;
      spawn();
      feed();
    };
    const feed = () => {
      if (next >= files.length) {
        current = -1;
        void worker.terminate();
        return done(results);
      }
      current = next++;
      const index = current;
      const started = performance.now();
      timer = setTimeout(() => {
        results.push({ index, ok: false, ms: performance.now() - started, error: `hang: over ${HANG_MS / 1000} s` });
        current = -1;
        void worker.removeAllListeners().terminate();
        spawn();
        feed();
      }, HANG_MS);
      worker.postMessage({ index, path: files[index], annotateDir });
    };
    spawn();
    feed();
  });
}

/** One batch through the command line (in its own process, as a user runs it): exit code, time and peak memory. */
function runBatch(
  dir: string,
  annotateDir: string | undefined,
  expected: number,
): { code: number | null; seconds: number; rssBytes: number; files: number; stderr: string } {
  const main = resolve('src/cli/main.ts');
  const code = `const { main } = await import(${JSON.stringify(main)}); const c = await main(['node', 'budgettjek', ...process.argv.slice(1)]); process.exitCode = c; process.on('exit', () => process.stderr.write('\\nmaxrss=' + process.resourceUsage().maxRSS + '\\n'));`; // as bin/budgettjek.js: no process.exit, so stdout is written out
  const args = [
    'check',
    dir,
    '--pool',
    'recovery-2019',
    '--format',
    'json',
    '--jobs',
    '1',
    '--no-progress',
    '--fail-on',
    'never',
    ...(annotateDir ? ['--annotate', annotateDir] : []),
  ];
  const t = performance.now();
  // GNU time, where there is one, also measures a process that is killed (out of memory)
  const time = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'maxrss=%M'] : [];
  const cmd = [...time, process.execPath, '--import', 'tsx', '--input-type=module', '-e', code, ...args];
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8', maxBuffer: 1 << 30, timeout: HANG_MS * expected + 60_000 });
  const seconds = (performance.now() - t) / 1000;
  const m = /maxrss=(\d+)\s*$/.exec(r.stderr ?? '') ?? /maxrss=(\d+)/.exec(r.stderr ?? '');
  let files = -1;
  let why = '';
  try {
    files = JSON.parse(r.stdout).files.length;
  } catch (e) {
    // not a report: counted as a failed batch below, its output kept
    const keep = join(tmpdir(), `budgettjek-fuzz-${basename(dir)}-stdout.txt`);
    writeFileSync(keep, r.stdout ?? '');
    why = `the report is not JSON (${(e as Error).message}; ${r.stdout?.length ?? 0} characters kept in ${keep})\n`;
  }
  return { code: r.status, seconds, rssBytes: m ? Number(m[1]) * 1024 : NaN, files, stderr: why + (r.stderr ?? '').replace(/\n?maxrss=\d+\n?/g, '') };
}

async function main(): Promise<number> {
  const seed = arg('seed', 1);
  const count = arg('count', 500);
  const batchSize = arg('batch', 100);
  const annotate = flag('annotate');
  const dir = mkdtempSync(join(tmpdir(), 'bt-fuzz-'));
  const t0 = performance.now();
  const bases = await seeds(dir);
  const writers = [...new Set(bases.map((b) => b.writer))];
  const r = rng(seed);
  const files: string[] = [];
  const how: string[] = [];
  const mutants = join(dir, 'mutants');
  for (let i = 0; i < count; i++) {
    const base = bases[Math.floor(r() * bases.length)];
    const m = mutate(base.bytes, r);
    const batch = join(mutants, `batch-${String(Math.floor(i / batchSize)).padStart(3, '0')}`);
    mkdirSync(batch, { recursive: true });
    const p = join(batch, `mutant-${String(i).padStart(5, '0')}.xlsx`);
    writeFileSync(p, m.bytes);
    files.push(p);
    how.push(`${base.writer}: ${m.how}`);
  }
  const annotateDir = annotate ? join(dir, 'annotated-per-file') : undefined;
  if (annotateDir) mkdirSync(annotateDir);
  const results = await runOnWorkers(files, annotateDir);
  let failures = 0;
  let slowest = { ms: 0, index: -1 };
  let slowestOk = { ms: 0, index: -1, checkMs: 0 };
  const outcomes = new Map<string, number>();
  const declined = new Map<string, number>();
  for (const res of results.sort((a, b) => a.index - b.index)) {
    if (res.ms > slowest.ms) slowest = { ms: res.ms, index: res.index };
    if (!res.ok) {
      failures++;
      const keep = join(tmpdir(), `budgettjek-crash-${seed}-${res.index}.xlsx`);
      copyFileSync(files[res.index], keep);
      console.error(`FAIL #${res.index} (${how[res.index]}): ${res.error} — kept as ${keep}`);
      continue;
    }
    if (res.ms > slowestOk.ms) slowestOk = { ms: res.ms, index: res.index, checkMs: res.checkMs ?? res.ms };
    outcomes.set(res.key!, (outcomes.get(res.key!) ?? 0) + 1);
    if (res.annotated) {
      const k = res.annotated.startsWith('declined') ? 'declined (an error the CLI reports)' : res.annotated;
      declined.set(k, (declined.get(k) ?? 0) + 1);
    }
  }
  console.log(
    `fuzz: seed ${seed}, ${count} mutants of ${bases.length} workbooks from ${writers.length} writers (${writers.join(', ')})${annotate ? ', with --annotate' : ''}`,
  );
  console.log(
    `per file, on a worker thread: slowest ${(slowest.ms / 1000).toFixed(2)} s (#${slowest.index}, ${how[slowest.index] ?? ''}); ${failures} crashes or hangs`,
  );
  console.log(
    `slowest file that finished: ${(slowestOk.ms / 1000).toFixed(2)} s${annotate ? ` (check ${(slowestOk.checkMs / 1000).toFixed(2)} s)` : ''} (#${slowestOk.index}, ${how[slowestOk.index] ?? ''})`,
  );
  for (const [k, v] of [...outcomes].sort()) console.log(`  ${String(v).padStart(5)}  ${k}`);
  if (annotate) for (const [k, v] of [...declined].sort()) console.log(`  ${String(v).padStart(5)}  annotate: ${k}`);
  // every batch through the command line, in its own process
  let worstRss = 0;
  let worstBatch = '';
  for (const b of readdirSync(mutants).sort()) {
    const out = annotate ? join(dir, `annotated-${b}`) : undefined;
    if (out) mkdirSync(out);
    const n = readdirSync(join(mutants, b)).length;
    const res = runBatch(join(mutants, b), out, n);
    const copies = out ? readdirSync(out).length : 0;
    console.log(
      `batch ${b}: ${n} files, exit ${res.code}, ${res.seconds.toFixed(1)} s, peak RSS ${(res.rssBytes / 1024 / 1024).toFixed(0)} MB${out ? `, ${copies} annotated copies` : ''}`,
    );
    if (res.rssBytes > worstRss) {
      worstRss = res.rssBytes;
      worstBatch = b;
    }
    if (res.code !== 0 || res.files !== n || !(res.rssBytes < BATCH_RSS_LIMIT)) {
      failures++;
      const keep = join(tmpdir(), `budgettjek-fuzz-${seed}-${b}`);
      cpSync(join(mutants, b), keep, { recursive: true });
      console.error(
        `FAIL batch ${b} (kept in ${keep}): exit ${res.code}, ${res.files} of ${n} files reported, peak RSS ${(res.rssBytes / 1024 / 1024).toFixed(0)} MB\n${res.stderr.slice(0, 2000)}`,
      );
    }
    if (out) rmSync(out, { recursive: true, force: true });
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `worst batch: ${worstBatch}, peak RSS ${(worstRss / 1024 / 1024).toFixed(0)} MB (limit ${BATCH_RSS_LIMIT / 1024 / 1024} MB); all in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  console.log(failures ? `${failures} failures` : 'no crashes, no hangs');
  return failures ? 1 : 0;
}

main().then((code) => process.exit(code));
