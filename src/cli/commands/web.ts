// `budgettjek web`: writes the offline browser page (web/page.ts) that checks budgets where they lie, nothing uploaded.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import type { Io } from '../io.js';
import { writeFileAtomic } from '../safe-write.js';

interface Opts {
  output: string;
  force?: boolean;
}

/** A browser bundle that `npm run build` made: beside the CLI bundle (dist/), or in dist/ when run from the sources. */
function bundle(name: string): string {
  for (const rel of [`./${name}`, `../../../dist/${name}`]) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  throw new UsageError(`the browser bundle ${name} is missing: run \`npm run build\``);
}

export async function runWeb(opts: Opts, io: Io): Promise<number> {
  if (existsSync(opts.output) && !opts.force) throw new UsageError(`${opts.output} exists; use --force to overwrite it`);
  const { webPage } = await import('../../web/page.js'); // the html formatter and the pools load only for this command
  const page = webPage(bundle('web-ui.js'), bundle('web-worker.js'));
  writeFileAtomic(opts.output, page);
  io.stderr(`${opts.output}: ${Math.round(Buffer.byteLength(page) / 1024)} KB\n`);
  return 0;
}

export function register(program: Command, io: Io, setCode: (c: number) => void): void {
  program
    .command('web')
    .description('write the offline browser page that checks budgets in the browser (nothing is uploaded)')
    .option('-o, --output <file>', 'the page to write (.html)', 'budgettjek.html')
    .option('--force', 'overwrite the output file')
    .action(async (opts: Opts) => setCode(await runWeb(opts, io)));
}
