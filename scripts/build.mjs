// npm run build (prepare runs it): bundles the CLI and the worker thread with esbuild into dist/cli.js and
// dist/worker.js, so a process reads one file instead of two hundred modules. chalk, commander and the three date-fns
// functions used are inside; exceljs, yaml and zod stay packages, required only when a command needs them.
// BT_DEBUG=1 leaves the bundles unminified (for profiles with line numbers).
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
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

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli/main.ts', worker: 'src/batch/worker.ts' },
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
  plugins: [lazyChildProcess],
  logLevel: 'warning',
});
// dist/ is CommonJS whatever the package's "type"
writeFileSync('dist/package.json', '{ "type": "commonjs" }\n');

// The engine for the browser page (budgettjek web): see scripts/web-build.mjs
await build(webWorkerBuild({ minify: !process.env.BT_DEBUG }));
await build(webUiBuild({ minify: !process.env.BT_DEBUG }));
