// Runs checkFile over many files in this thread and on worker threads beside it, keeping the order of the input.
import { existsSync, statSync } from 'node:fs';
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
 * default starts the second thread there. */
export const FILES_PER_WORKER = 150;

/** Files each worker thread holds at a time: the one it checks and the next, so that it goes on to the next while this
 * thread takes the report and sends another (with one, a worker waited for this thread between every two files). */
const IN_FLIGHT = 2;

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
  // Config holds no functions, so options cross the thread boundary as plain data, once per worker (workerData), not
  // with each file. A worker that dies on a file (out of memory, a crash in a dependency) turns that file into a
  // finding and is replaced; the batch goes on.
  return new Promise<FileReport[]>((resolve, reject) => {
    let next = 0;
    let done = 0;
    let settled = false;
    const live = new Set<Worker>();
    const settle = (err?: unknown) => {
      if (settled) return;
      settled = true;
      for (const w of live) void w.terminate();
      if (err) reject(err);
      else resolve(results);
    };
    const complete = (index: number, report: FileReport) => {
      results[index] = report;
      done++;
      progress?.(done, paths.length);
      if (done === paths.length) settle();
    };
    // Files handed back by a worker that died before it began them, given out again first.
    const retry: number[] = [];
    // The size of each file, to hand out work by bytes: this thread cannot take a worker's report while it checks a
    // file, so before it begins one each worker is given files of at least as many bytes to go on with.
    const sizes = paths.map((p) => {
      try {
        return statSync(p).size;
      } catch {
        return 0; // the check says why it cannot be read
      }
    });
    const feeders = new Set<(cover: number) => void>();
    const take = (): number | undefined => (retry.length ? retry.shift() : next < paths.length ? next++ : undefined);
    const spawn = () => {
      const w = new Worker(file, { workerData: { options }, resourceLimits: { maxOldGenerationSizeMb: options.workerMemoryMb ?? 3072 } });
      live.add(w);
      // The files sent to this worker and not yet reported, oldest first: the worker checks them in that order, so the
      // oldest is the one it is on. Each worker has IN_FLIGHT files so it never waits for this thread between two, but
      // only one until its first report: while it starts, this thread checks the files a second would have held.
      const sent: number[] = [];
      let held = 1;
      let bytes = 0; // of the files in `sent`
      /** Sends files until the worker holds `held` of them and at least `cover` bytes. */
      const feed = (cover = 0) => {
        while (sent.length < held || bytes < cover) {
          const index = take();
          if (index === undefined) break;
          sent.push(index);
          bytes += sizes[index];
          w.postMessage({ index, path: paths[index] });
        }
        if (!sent.length) {
          live.delete(w);
          feeders.delete(feed);
          void w.terminate();
        }
      };
      feeders.add(feed);
      w.on('message', (msg: { index: number; report?: FileReport; error?: { usage: boolean; message: string; stack?: string } }) => {
        if (msg.error) {
          if (msg.error.usage) return settle(new UsageError(msg.error.message));
          return settle(Object.assign(new Error(msg.error.message), { stack: msg.error.stack }));
        }
        held = IN_FLIGHT;
        sent.splice(sent.indexOf(msg.index), 1);
        bytes -= sizes[msg.index];
        complete(msg.index, msg.report!);
        if (!settled) feed();
      });
      const died = (why: string) => {
        if (settled || !live.has(w)) return;
        live.delete(w);
        feeders.delete(feed);
        const [index, ...unstarted] = sent.splice(0);
        retry.unshift(...unstarted);
        if (index !== undefined) complete(index, crashedReport(paths[index], why, options));
        if (!settled && (retry.length || next < paths.length)) spawn();
      };
      w.on('error', (e) => died(String(e?.message ?? e)));
      w.on('exit', (code) => died(`worker exited with code ${code}`));
      feed();
    };
    // This thread's share: the next file whenever it is free. Between two files it lets the event loop run
    // (setImmediate), so that the workers' reports are taken and their next files sent while it checks; before a file
    // it gives each worker as many bytes to check (a big workbook here does not leave a worker idle behind it).
    const own = async () => {
      for (let index = take(); index !== undefined && !settled; index = take()) {
        for (const feed of feeders) feed(sizes[index]);
        const report = await checkOne(paths[index], options);
        if (settled) return;
        complete(index, report);
        await new Promise<void>((r) => setImmediate(r));
      }
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
