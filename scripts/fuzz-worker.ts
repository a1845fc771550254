// Worker thread of the fuzzer: checks (and with annotate, annotates) one mutant at a time and posts how it went, so
// the fuzzer can time each file, stop one that hangs and count one that kills its thread, and go on.
import { parentPort } from 'node:worker_threads';
import { checkFile } from '../src/check.js';

interface Job {
  index: number;
  path: string;
  annotateDir?: string;
}

parentPort?.on('message', async (job: Job) => {
  const t = performance.now();
  try {
    const rep = await checkFile(job.path, { pool: 'recovery-2019' });
    for (const f of rep.findings) if (!f.rule || !f.severity || !f.message) throw new Error(`malformed finding ${JSON.stringify(f)}`);
    const checkMs = performance.now() - t;
    let annotated: string | undefined;
    if (job.annotateDir) {
      const { annotateWorkbook } = await import('../src/annotate/index.js');
      try {
        const { planCopies } = await import('../src/annotate/index.js');
        const out = planCopies([job.path], job.annotateDir).get(job.path)!;
        const r = await annotateWorkbook(job.path, rep, out, 'da');
        annotated = r.ok ? 'copy' : `declined: ${r.why}`;
      } catch (e) {
        annotated = `declined: ${String((e as Error)?.message ?? e).slice(0, 80)}`; // the CLI reports this and goes on
      }
    }
    const key =
      rep.kind === 'unknown'
        ? (rep.findings[0]?.rule ?? 'unknown')
        : `${rep.kind} (${rep.findings.some((f) => f.severity === 'error') ? 'errors' : 'no errors'})`;
    parentPort!.postMessage({ index: job.index, ok: true, key, checkMs, ms: performance.now() - t, annotated });
  } catch (e) {
    parentPort!.postMessage({ index: job.index, ok: false, error: String((e as Error)?.stack ?? e), ms: performance.now() - t });
  }
});
