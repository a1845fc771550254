// The esbuild options of the browser page's engine (dist/web-worker.js), shared by scripts/build.mjs and the test that
// proves no Node API is reachable from it: platform 'browser' with no externals, so the build fails on any node: import
// (node:fs, node:zlib …) in the engine's module graph.
import { resolve } from 'node:path';

/** The one module with a browser twin: inflation of zip parts (node's zlib → fflate). */
export const browserTwins = {
  name: 'browser-twins',
  setup(b) {
    b.onResolve({ filter: /[\\/]inflate\.js$/ }, (args) => ({ path: resolve(args.resolveDir, args.path.replace(/\.js$/, '.browser.ts')) }));
  },
};

export function webWorkerBuild({ minify = true, write = true } = {}) {
  return {
    entryPoints: { 'web-worker': 'src/web/worker.ts' },
    outdir: 'dist',
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify,
    write,
    metafile: true,
    legalComments: 'none',
    plugins: [browserTwins],
    logLevel: write ? 'warning' : 'silent',
  };
}

/** The page's own script (dist/web-ui.js): also for the browser, and it needs no engine. */
export function webUiBuild({ minify = true } = {}) {
  return { ...webWorkerBuild({ minify }), entryPoints: { 'web-ui': 'src/web/ui.ts' }, metafile: false };
}
