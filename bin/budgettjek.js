#!/usr/bin/env node
// Entry point of the budgettjek command: runs the CLI bundle built into dist/ (npm run build).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { loadBundle, tuneV8 } = require('./load-bundle.cjs'); // CommonJS: loaded synchronously
tuneV8();

// A reader that stops reading (`budgettjek rules | head -1`) ends the run quietly, without a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err?.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const { main } = loadBundle(fileURLToPath(new URL('../dist/cli.js', import.meta.url))).exports; // with its code cache
main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`budgettjek: ${err?.stack ?? err}\n`);
    process.exitCode = 2;
  },
);
