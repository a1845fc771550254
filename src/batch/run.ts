// Runs checkFile over many files in this thread and on worker threads beside it, keeping the order of the input.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { CheckOptions } from '../check-options.js';
import { DEFAULT_CONFIG } from '../config-core.js';
import { findingOf } from '../finding.js';
import { fileReport } from '../findings.js';
import { UsageError } from '../errors.js';
import type { FileReport } from '../report/types.js';

export type Progress = (done: number, total: number) => void;

/** A worker's slot (`on`) before the worker began to take files: its script has not loaded (yet). */
const NOT_STARTED = -2;

/** Files a thread must have to pay for itself. What a second thread costs is the checker's JIT warmed again: the first
 * 100 files of a thread cost about 0.5 s of CPU more than the same files checked again in it (600 budgets in one
 * worker: 2.14 s, then 1.67 s), and a worker costs a Node environment and the worker bundle besides (10 files: one
 * thread 0.31 s CPU, this thread and one worker 0.42 s, two workers beside an idle thread 0.52 s; medians of 11).
 * Cloning is not it: the options of 600 messages took 5 ms, the 600 reports 7 ms both ways. So a second thread pays
 * in wall time only where a CPU is free for it, and where it does depends on the others' load on this shared 2-core
 * machine: `--jobs 2` against `--jobs 1` (bench/jobs.ts, medians of alternating runs) took, at load 10–12 (this
 * thread and a worker, 3 runs): 1.20× the wall time at 50 files, 0.95× at 100, 1.45× at 200, 1.39× at 300, 1.12× at
 * 600; at load 2.2–2.5 (two workers): 1.02× at 100, 0.99× at 200, 0.93× at 300, 0.90× at 600; at load 11–13 (two
 * workers, 8–10 runs): 1.05× at 200, 0.98× at 300, 0.86× at 400, 0.88× at 600. Never a gain under 300 files: the
 * default starts the second thread there. With the shared counter below (the worker no longer waits for files), at
 * load 6–7 (5 runs): 1.63× at 150, 1.31× at 300, 1.22× at 600, for 1.38–1.47× the CPU — no CPU was free, so this says
 * nothing of a quiet machine's threshold, which is left at 300 files. Where the second thread's CPU goes (perf, per
 * thread, 600 files): V8's background TurboFan compiles are 13 % of one thread's CPU (0.27 s) and 16 % of two threads'
 * (0.45 s), since each thread compiles the same hot functions again, and the worker's first 50 files take 2–3× its
 * later ones. Tried without a measurable change in CPU (medians of 7 alternating runs): a 64 MB young generation for
 * the worker (resourceLimits) or --min-semi-space-size 16 or 64 (fewer scavenges in the worker, 17 instead of 25, the
 * same time), --no-parallel-scavenge, and not yielding between this thread's files (what the yield takes, V8's
 * foreground tasks, is done inside the next file instead). */
export const FILES_PER_WORKER = 150;

/** Without --jobs: one thread per CPU, but no more than the batch can pay for; under 300 files, this thread alone. */
export function defaultJobs(files: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(files / FILES_PER_WORKER)));
}

function workerFile(): string | undefined {
  const f = fileURLToPath(new URL('./worker.js', import.meta.url));
  return existsSync(f) ? f : undefined; // running from TypeScript sources (tests): no compiled worker
}

/** Checks the files in order with `checkOne` (check.ts's checkFile, passed in so that the batch and the pipeline do not
 * import each other): `jobs` threads check files, this one and jobs − 1 worker threads that run the same. This thread
 * checks files too rather than waiting on the workers: it has the checker loaded already, and a worker costs a Node
 * environment, the worker bundle and a JIT warmed again (on 2 CPUs, one worker beside this thread instead of two
 * beside an idle one). A file checked here has --jobs 1's fate if it crashes the thread; a worker's is a finding. */
export async function checkMany(
  paths: string[],
  options: CheckOptions,
  jobs: number,
  progress: Progress | undefined,
  checkOne: (path: string, options: CheckOptions) => Promise<FileReport>,
  /** The worker thread's script (default: the built worker beside this module); tests give a stand-in. */
  workerScript: string | undefined = workerFile(),
): Promise<FileReport[]> {
  const results: FileReport[] = new Array(paths.length);
  const file = workerScript;
  const n = Math.min(jobs, paths.length);
  if (n <= 1 || !file) {
    for (let i = 0; i < paths.length; i++) {
      results[i] = await checkOne(paths[i], options);
      progress?.(i + 1, paths.length);
    }
    return results;
  }
  const { Worker } = await import('node:worker_threads'); // loaded only for a batch that runs on workers
  // Every thread takes its next file itself from one shared counter (Atomics.add on `next`), the paths and the options
  // sent once to each worker (workerData): no file waits in a thread that is busy, and none is handed out by this
  // thread, which can answer a worker only between two of its own files. Measured on the 600-file pile (the main
  // thread and one worker, instrumented, 2 runs each): when this thread sent each worker its files (two held at a
  // time, more by bytes before a big file here), the worker waited 150–200 ms of its 1.1–1.3 s for its next file, 54–106
  // times, and checked 237–256 files; taking them from the counter it waits 5 ms and checks 281–295. A worker notes
  // the file it is on in its own slot of `on`, so that one that dies on a file (out of memory, a crash in a
  // dependency) turns that file into a finding; it is replaced while files are left, and the batch goes on.
  const next = new Int32Array(new SharedArrayBuffer(4));
  return new Promise<FileReport[]>((resolve, reject) => {
    let done = 0;
    let settled = false;
    let mine = -1; // the file this thread is on
    const live = new Set<Worker>();
    const settle = (err?: unknown) => {
      if (settled) return;
      settled = true;
      for (const w of live) void w.terminate();
      if (err) reject(err);
      else resolve(results);
    };
    const complete = (index: number, report: FileReport) => {
      if (results[index]) return; // reported already (a file counted lost below, then reported after all)
      results[index] = report;
      done++;
      progress?.(done, paths.length);
      if (done === paths.length) settle();
    };
    const take = (): number | undefined => {
      const index = Atomics.add(next, 0, 1);
      return index < paths.length ? index : undefined;
    };
    const left = () => Atomics.load(next, 0) < paths.length;
    /** Once no worker is left and this thread is idle: a file taken and never reported (its worker died between
     * taking it and noting it) is a finding too, so that the batch always ends. */
    const sweep = (why: string) => {
      if (settled || live.size || mine >= 0 || left()) return;
      for (let i = 0; i < paths.length; i++) if (!results[i]) complete(i, crashedReport(paths[i], why, options));
    };
    const spawn = () => {
      const on = new Int32Array(new SharedArrayBuffer(4));
      on[0] = NOT_STARTED;
      const w = new Worker(file, {
        workerData: { options, paths, next, on },
        resourceLimits: { maxOldGenerationSizeMb: options.workerMemoryMb ?? 3072 },
      });
      live.add(w);
      w.on('message', (msg: { index: number; report?: FileReport; error?: { usage: boolean; message: string; stack?: string } }) => {
        if (msg.error) {
          if (msg.error.usage) return settle(new UsageError(msg.error.message));
          return settle(Object.assign(new Error(msg.error.message), { stack: msg.error.stack }));
        }
        complete(msg.index, msg.report!);
      });
      const died = (why: string) => {
        if (settled || !live.has(w)) return;
        live.delete(w);
        const index = Atomics.load(on, 0);
        // One that could not even load its script (a broken installation: every other would fail the same way) ends
        // the batch with that error rather than being replaced without end.
        if (index === NOT_STARTED) return settle(new Error(`a worker thread did not start (--jobs 1 runs without one): ${why}`));
        if (index >= 0) complete(index, crashedReport(paths[index], why, options));
        if (left()) spawn();
        else sweep(why);
      };
      w.on('error', (e) => died(String(e?.message ?? e)));
      // a worker that found no file left ends by itself (code 0), having noted that it is on none
      w.on('exit', (code) => died(`worker exited with code ${code}`));
    };
    // This thread's share: the next file whenever it is free. Between two files it lets the event loop run
    // (setImmediate), so that the workers' reports are taken (and the progress shown) while it checks.
    const own = async () => {
      for (let index = take(); index !== undefined && !settled; index = take()) {
        mine = index;
        const report = await checkOne(paths[index], options);
        mine = -1;
        if (settled) return;
        complete(index, report);
        await new Promise<void>((r) => setImmediate(r));
      }
      sweep('worker exited');
    };
    for (let k = 1; k < n; k++) spawn();
    own().catch(settle);
  });
}

function crashedReport(path: string, why: string, options: CheckOptions): FileReport {
  const lang = options.lang ?? 'da';
  const raw = findingOf(/memory|heap/i.test(why) ? 'input/too-large' : 'input/unreadable', {
    what: /memory|heap/i.test(why) ? 'memory' : 'crash',
    error: why.slice(0, 200),
  });
  return fileReport({ path, kind: 'unknown', raw: [raw] }, options.config ?? DEFAULT_CONFIG, lang);
}
