// npm run build (prepare runs it): bundles the CLI and the worker thread with esbuild into dist/, so a process loads
// a few files instead of two hundred modules. Shared code and what loads on demand (a formatter, the accounts check,
// the template and annotate writers) are chunks beside them; exceljs, yaml and zod stay packages, loaded only when used.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

/** commander requires node:child_process at its start (5 ms here) for executable subcommands, which budgettjek has
 * none of: it gets the module through a proxy that loads it only if anything is ever taken from it. */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (/[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined));
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
  // chunks sit beside the entries: src/batch/run.ts finds the worker as ./worker.js from wherever it lands
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['exceljs', 'yaml', 'zod'],
  // commander is CommonJS: its require() of node's modules needs a real require in an ES module
  banner: { js: "import { createRequire as __btCreateRequire } from 'node:module'; const require = __btCreateRequire(import.meta.url);" },
  minifyWhitespace: !process.env.BT_DEBUG,
  minifySyntax: !process.env.BT_DEBUG,
  legalComments: 'none',
  plugins: [lazyChildProcess],
  logLevel: 'warning',
});
