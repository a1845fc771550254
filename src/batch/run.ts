// Runs checkFile over many files on worker threads (or in this thread), keeping the order of the input.
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

/** Files a worker thread must have to pay for itself: starting one (a Node environment, the worker bundle from its code
 * cache, the checker's JIT warmed again in each thread) costs about as much as checking 100–150 budgets in a warm
 * thread, and two workers always spent 17–36 % more CPU than the main thread alone. On this project's 2-core machine
 * (shared: every series ran with more runnable threads than CPUs; interleaved runs, medians) `--jobs 2` against
 * `--jobs 1` took, in wall time, at load 11–13: +5 % at 200 files, −2 % at 300, −14 % at 400, −12 % at 600; at load
 * 6–8: +14 % and +13 % at 200, +8 % at 300, +17 % at 400; in npm run bench at load 9–10: −10 % at 600. Two workers
 * never won at 200 files, where the default started them before: it starts the second at 300. */
export const FILES_PER_WORKER = 150;

/** Files each worker thread holds at a time: the one it checks and the next, so that it goes on to the next while this
 * thread takes the report and sends another (with one, a worker waited for this thread between every two files). */
const IN_FLIGHT = 2;

/** Without --jobs: one worker per CPU, but no more than the batch can pay for; under 300 files, this thread alone. */
export function defaultJobs(files: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(files / FILES_PER_WORKER)));
}

function workerFile(): string | undefined {
  const f = fileURLToPath(new URL('./worker.js', import.meta.url));
  return existsSync(f) ? f : undefined; // running from TypeScript sources (tests): no compiled worker
}

/** Checks the files in order; in this thread with `checkOne` (check.ts's checkFile, passed in so that the batch and
 * the pipeline do not import each other), or on worker threads that run the same. */
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
  // Config holds no functions, so options cross the thread boundary as plain data. A worker that dies on a file
  // (out of memory, a crash in a dependency) turns that file into a finding and is replaced; the batch goes on.
  return new Promise<FileReport[]>((resolve, reject) => {
    let next = 0;
    let done = 0;
    let settled = false;
    const live = new Set<Worker>();
    const settle = (err?: Error) => {
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
    // Files handed back by a worker that died before it began them, fed again first.
    const retry: number[] = [];
    const spawn = () => {
      const w = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: options.workerMemoryMb ?? 3072 } });
      live.add(w);
      // The files sent to this worker and not yet reported, oldest first: the worker checks them in that order, so the
      // oldest is the one it is on. Each worker has IN_FLIGHT files so it never waits for this thread between two.
      const sent: number[] = [];
      const feed = () => {
        while (sent.length < IN_FLIGHT && (retry.length || next < paths.length)) {
          const index = retry.length ? retry.shift()! : next++;
          sent.push(index);
          w.postMessage({ index, path: paths[index], options });
        }
        if (!sent.length) {
          live.delete(w);
          void w.terminate();
        }
      };
      w.on('message', (msg: { index: number; report?: FileReport; error?: { usage: boolean; message: string; stack?: string } }) => {
        if (msg.error) {
          if (msg.error.usage) return settle(new UsageError(msg.error.message));
          return settle(Object.assign(new Error(msg.error.message), { stack: msg.error.stack }));
        }
        sent.splice(sent.indexOf(msg.index), 1);
        complete(msg.index, msg.report!);
        if (!settled) feed();
      });
      const died = (why: string) => {
        if (settled || !live.has(w)) return;
        live.delete(w);
        const [index, ...unstarted] = sent.splice(0);
        retry.unshift(...unstarted);
        if (index !== undefined) complete(index, crashedReport(paths[index], why, options));
        if (!settled && (retry.length || next < paths.length)) spawn();
      };
      w.on('error', (e) => died(String(e?.message ?? e)));
      w.on('exit', (code) => died(`worker exited with code ${code}`));
      feed();
    };
    for (let k = 0; k < n; k++) spawn();
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
