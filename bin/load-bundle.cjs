// Loads a bundle of dist/ (the CLI, the worker thread) with V8's code cache, which `npm run build` makes beside it
// (scripts/code-cache.mjs): the bytecode of the functions one check runs, so a process neither parses the 650 KB
// bundle nor compiles those functions again (about 30 ms of CPU per process and per worker thread on this project's
// machine). A cache that does not belong to the bundle (another build: its key differs) is not offered to V8, and
// one V8 refuses (another node, other V8 flags) is ignored: the bundle is then compiled as without a cache.
// BT_CODE_CACHE=0 turns the cache off (for measurements); BT_CODE_CACHE=require makes a missing or refused cache an
// error (for the tests).
'use strict';
const { isAscii } = require('node:buffer');
const { readFileSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');

/** The last line of a bundle names its build: `//bt-code-cache:<32 hex digits>`; its cache file starts with them. */
const KEY = /\/\/bt-code-cache:([0-9a-f]{32})\s*$/;
const KEY_BYTES = 32;

/** A check is short and its hot code is large: V8's default eagerness to optimise (an interrupt budget of 132 KB)
 * spends more CPU compiling lukewarm functions (once per worker thread) than it saves, and too high a budget leaves
 * hot functions unoptimised for longer. Instructions executed (valgrind, node --single-threaded so that V8's compiles
 * are counted the same way each run; the 600-file pile, --jobs 1): 300 KB 13.60 G, 400 KB 13.55 G, 550 KB 13.80 G,
 * 1 MB 14.47 G; 400 KB against 1 MB with the main thread and a worker: 17.6 G against 18.8 G (two runs each), 3.000
 * files 52.1 G against 54.5 G, one budget 0.962 G against 0.971 G. Set once per process, before any bundle is
 * compiled: V8 keeps a code cache only for the flags it was made with. */
function tuneV8() {
  const v8 = require('node:v8');
  v8.setFlagsFromString('--interrupt-budget=400000');
  // Pretenuring (V8 allocating the objects of a site whose objects survived a scavenge straight in the old
  // generation) mistakes a file's model for long-lived: a scavenge in the middle of a file finds it alive, the sites of
  // every file's model are then pretenured, and that garbage stays until a full collection while the young objects it
  // points to survive each scavenge through it (half of a 64 MB young generation survived). Without it, the 600-file
  // pile: 12.60 G instructions against 13.31 G (one thread, valgrind), with the main thread and a worker 15.8–16.4 G
  // against 17.4–17.6 G, wall 1.45 s against 1.59 s and CPU 2.70 s against 2.94 s (medians of 11 alternating runs);
  // 3.000 files 4.09 s against 4.76 s (5 runs); 50.000 lines 5.26–5.30 s against 5.58–5.74 s, the same peak RSS.
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
  // A regex runs in V8's regexp interpreter until it has run this many times, then is compiled to machine code (V8's
  // default: after one run). A check runs a few hundred of the vocabulary's and the specification parser's regexes a
  // few times each: compiling them cost one budget more than interpreting them (instructions, valgrind, node
  // --single-threaded: 1.161 G with the default, 1.133 G with 100 or 1.000, 1.148 G with 20), and the batch's hot ones are compiled all the same
  // (the 600-file pile, one thread: 12.51 G with the default, 12.52 G with 100).
  v8.setFlagsFromString('--regexp-tier-up-ticks=100');
}

/** The cache for `source`, if there is one made from this very bundle. */
function cacheFor(file, source) {
  if (process.env.BT_CODE_CACHE === '0') return undefined;
  const key = KEY.exec(source.slice(-64))?.[1];
  if (!key) return undefined;
  let data;
  try {
    data = readFileSync(`${file}.cache`);
  } catch {
    return undefined; // not built (or not readable): compile the bundle
  }
  return data.length > KEY_BYTES && data.toString('latin1', 0, KEY_BYTES) === key ? data.subarray(KEY_BYTES) : undefined;
}

/**
 * Evaluates the CommonJS bundle `file` as node's require would (same wrapper, require, module, __filename), but
 * compiled through vm.Script with its code cache. Returns its exports and a function that writes the cache of what
 * has been compiled so far (used by the build only).
 */
function loadBundle(file) {
  // the build writes the bundles in ASCII (scripts/build.mjs, asciiOnly): read as one-byte text, without a UTF-8
  // decoding pass (a bundle that is not ASCII is read as UTF-8)
  const bytes = readFileSync(file);
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const cachedData = cacheFor(file, source);
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    cachedData,
    // the bundle's import() (yaml, node:worker_threads) as in any module
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (process.env.BT_CODE_CACHE === 'require' && (!cachedData || script.cachedDataRejected))
    throw new Error(`${file}: ${cachedData ? 'V8 refused the code cache' : 'no code cache of this build'}`);
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(dirname(file));
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, dirname(file));
  mod.loaded = true;
  const writeCache = () => {
    const key = KEY.exec(source.slice(-64))?.[1];
    if (!key) throw new Error(`${file} has no bt-code-cache key (build it with scripts/build.mjs)`);
    writeFileSync(`${file}.cache`, Buffer.concat([Buffer.from(key, 'latin1'), script.createCachedData()]));
  };
  return { exports: mod.exports, writeCache, rejected: script.cachedDataRejected };
}

/** A worker thread's entry (dist/worker.js): the worker bundle with its cache. The build starts it with a port in
 * workerData.btCodeCache, on which it is told to write the cache once it has checked a few files. */
function loadWorker(file) {
  const { writeCache } = loadBundle(file);
  const port = require('node:worker_threads').workerData?.btCodeCache;
  port?.once('message', () => {
    writeCache();
    port.postMessage('written');
  });
}

module.exports = { loadBundle, loadWorker, tuneV8 };
