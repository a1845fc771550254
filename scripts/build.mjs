// npm run build (prepare runs it): bundles the CLI and the worker thread with esbuild into dist/cli.js and
// dist/worker-bundle.js, so a process reads one file instead of two hundred modules, and makes V8's code cache of
// each (scripts/code-cache.mjs; bin/load-bundle.cjs loads a bundle with it; dist/worker.js is the worker's stub). chalk, commander and the three date-fns
// functions used are inside; exceljs, yaml and zod stay packages, required only when a command needs them.
// BT_DEBUG=1 leaves the bundles unminified (for profiles with line numbers).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { asciiOnly } from './ascii-only.mjs';
import { webUiBuild, webWorkerBuild } from './web-build.mjs';

/** commander requires node:child_process at its start (5 ms here) for executable subcommands, which budgettjek has
 * none of: it gets the module through a proxy that loads it only if anything is ever taken from it. */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "let m; module.exports = new Proxy({}, { get: (_, k) => (m ??= require('node:child_process'))[k] });",
      loader: 'js',
    }));
  },
};

/** A function compiled from V8's code cache loses what node needs to resolve an import() in it
 * (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), so no import() may stay in a bundle: one of a package or node module
 * left outside (yaml, node:worker_threads) becomes a require when first awaited, as import() of a bundled module
 * already does. */
const dynamicImportAsRequire = {
  name: 'dynamic-import-as-require',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' && (/^node:/.test(args.path) || ['yaml', 'exceljs', 'zod'].includes(args.path))
        ? { path: args.path, namespace: 'required' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'required' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli/main.ts', 'worker-bundle': 'src/batch/worker.ts' },
  outdir: 'dist',
  bundle: true,
  // CommonJS, one file per entry: node loads it synchronously in one read, and what the sources import on demand
  // (a formatter, the accounts check, template and annotate writers with exceljs, yaml, zod) is evaluated — and
  // its packages required — only when first used
  format: 'cjs',
  platform: 'node',
  // not 'node20': esbuild would then rebuild each regex literal with \p{…} as a new RegExp on every call
  target: 'es2022',
  external: ['exceljs', 'yaml', 'zod'],
  // src/batch/run.ts finds the worker beside itself through import.meta.url
  define: { 'import.meta.url': '__btModuleUrl' },
  banner: { js: "const __btModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  minifyWhitespace: !process.env.BT_DEBUG,
  minifySyntax: !process.env.BT_DEBUG,
  legalComments: 'none',
  plugins: [lazyChildProcess, dynamicImportAsRequire],
  logLevel: 'warning',
});
// dist/ is CommonJS whatever the package's "type"
writeFileSync('dist/package.json', '{ "type": "commonjs" }\n');
// Each bundle's last line names its build, and its code cache (dist/<bundle>.cache) starts with the same key: a cache
// is used only with the bundle it was made from (V8 itself compares no more than the source's length).
for (const f of ['dist/cli.js', 'dist/worker-bundle.js']) {
  const js = asciiOnly(f, readFileSync(f, 'utf8'));
  if (/\bimport\(/.test(js)) throw new Error(`${f} holds an import(), which fails in code from the code cache`);
  writeFileSync(f, `${js}//bt-code-cache:${createHash('sha256').update(js).digest('hex').slice(0, 32)}\n`);
}
// src/batch/run.ts starts worker threads on dist/worker.js: the worker bundle, loaded with its code cache
writeFileSync('dist/worker.js', "// written by scripts/build.mjs\nrequire('../bin/load-bundle.cjs').loadWorker(require.resolve('./worker-bundle.js'));\n");
const cache = spawnSync(process.execPath, ['scripts/code-cache.mjs'], { stdio: 'inherit' });
if (cache.status !== 0) throw new Error(`scripts/code-cache.mjs exited ${cache.status}`);

// The engine for the browser page (budgettjek web): see scripts/web-build.mjs
await build(webWorkerBuild({ minify: !process.env.BT_DEBUG }));
await build(webUiBuild({ minify: !process.env.BT_DEBUG }));
