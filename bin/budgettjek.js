#!/usr/bin/env node
// Entry point of the budgettjek command: runs the built CLI from dist/.
import { main } from '../dist/cli/main.js';

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`budgettjek: ${err?.stack ?? err}\n`); process.exitCode = 2; },
);
