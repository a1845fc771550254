// Run by scripts/build.mjs after bundling, in a process of its own: makes V8's code cache of dist/cli.js and
// dist/worker-bundle.js (dist/*.cache, read by bin/load-bundle.cjs). Each bundle is loaded as the command loads it,
// with the same V8 flags, and checks the shipped example budgets (in JSON and in text, in Danish and English) so that
// the cache holds the bytecode of the functions a check runs, not only of the bundle's top level.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const { loadBundle, tuneV8 } = require('../bin/load-bundle.cjs');
tuneV8();
process.env.BT_CODE_CACHE = '0'; // compile from the source: the cache is made, not used

const EXAMPLES = ['fixtures/examples/roskilde-budget.xlsx', 'fixtures/examples/herning-budget-med-fejl.xlsx'].map((f) => resolve(f));
const sink = { stdout: () => {}, stderr: () => {}, isTTY: false, stderrTTY: false, env: { NO_COLOR: '1' } };

const cli = loadBundle(resolve('dist/cli.js'));
for (const args of [
  ['--format', 'json'],
  ['--lang', 'en'],
]) {
  const code = await cli.exports.main(['node', 'budgettjek', 'check', ...EXAMPLES, ...args, '--fail-on', 'never'], sink);
  if (code !== 0) throw new Error(`check ${args.join(' ')} exited ${code}`);
}
cli.writeCache();

// The worker: a thread like the ones src/batch/run.ts starts, given the examples as its batch (it takes each from the
// shared counter `next`), then told to write its cache.
const { port1, port2 } = new MessageChannel();
const shared = () => new Int32Array(new SharedArrayBuffer(4));
const workerData = { btCodeCache: port2, options: { lang: 'da' }, paths: EXAMPLES, next: shared(), on: shared() };
const worker = new Worker(resolve('dist/worker.js'), { workerData, transferList: [port2] });
await new Promise((done, fail) => {
  let reports = 0;
  worker.on('message', (msg) => {
    if (msg.error) return fail(new Error(`worker: ${msg.error.message}`));
    if (++reports < EXAMPLES.length) return;
    port1.once('message', done);
    port1.postMessage('write');
  });
  worker.on('error', fail);
});
port1.close();
await worker.terminate();
