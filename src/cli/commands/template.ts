// `budgettjek template`: writes a budget form made for a pool, or (--accounts) the accounts form of an approved budget.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../../errors.js';
import { buildBudget, prepare } from '../../model/budget.js';
import { matchPool } from '../../pools/index.js';
import { loadPool } from '../../pools/load.js';
import { readWorkbook } from '../../read/index.js';
import { renderFinding } from '../../i18n/index.js';
import { labelsFor, LANGS } from '../../i18n/languages.js';
import type { Lang } from '../../types.js';
import type { Io } from '../io.js';
import { assertNotInput, writeFileAtomic } from '../safe-write.js';

interface Opts {
  pool?: string;
  output: string;
  lang: Lang;
  perYear?: boolean;
  accounts?: boolean;
  budget?: string;
  force?: boolean;
}

/** Writes the workbook whole or not at all (temp file + rename), never a half-written form. */
async function save(workbook: { xlsx: { writeBuffer(): Promise<ArrayBuffer | Buffer> } }, path: string): Promise<void> {
  const buf = await workbook.xlsx.writeBuffer();
  writeFileAtomic(path, Buffer.isBuffer(buf) ? buf : new Uint8Array(buf));
}

export async function runTemplate(opts: Opts, io: Io): Promise<number> {
  // Neither the approved budget nor a pool profile file may be overwritten, with or without --force.
  const inputs = [opts.budget, opts.pool && existsSync(opts.pool) ? opts.pool : undefined].filter((x): x is string => !!x);
  assertNotInput(opts.output, inputs, 'the output');
  if (existsSync(opts.output) && !opts.force) throw new UsageError(`${opts.output} exists; use --force to overwrite it`);
  if (opts.accounts) {
    if (!opts.budget) throw new UsageError('template --accounts needs --budget <approved budget>');
    const read = await readWorkbook(opts.budget);
    if (!read.ok) {
      // what the file is and what to do, in the run's language, as the check says it
      const f = renderFinding(read.finding, 'error', opts.lang);
      throw new UsageError(`cannot read the approved budget ${opts.budget} (${f.rule}: ${f.message}${f.hint ? ` ${f.hint}` : ''})`);
    }
    const prepared = prepare(read.workbook);
    const pool = opts.pool ? await loadPool(opts.pool) : prepared.metadata.pool ? matchPool(prepared.metadata.pool.value) : undefined;
    if (!pool) throw new UsageError("no pool: give --pool <id|file> or fill in the budget's Pulje field");
    const budget = buildBudget(opts.budget, prepared, pool.period);
    if (!budget.lines.length) throw new UsageError(`${opts.budget} has no budget lines to carry over`);
    const { writeAccountsTemplate } = await import('../../template/accounts.js'); // exceljs loads only to write
    await save(writeAccountsTemplate(budget, pool), opts.output);
    io.stderr(`${opts.output}: ${labelsFor(opts.lang).cli.posts(budget.lines.length)}\n`);
    return 0;
  }
  if (!opts.pool) throw new UsageError('template needs --pool <id|file> (see `budgettjek pools`)');
  const pool = await loadPool(opts.pool);
  const { writeBudgetTemplate } = await import('../../template/budget.js');
  const { workbook } = await writeBudgetTemplate(pool, { lang: opts.lang, perYear: !!opts.perYear });
  await save(workbook, opts.output);
  io.stderr(`${opts.output}: ${pool.id}, ${pool.period?.start} – ${pool.period?.end}\n`);
  return 0;
}

export function register(program: Command, io: Io, setCode: (c: number) => void): void {
  program
    .command('template')
    .description('write a budget form for a pool, or with --accounts the accounts form of an approved budget')
    .option('-p, --pool <id|file>', 'pool id or profile file')
    .requiredOption('-o, --output <file>', 'the workbook to write (.xlsx)')
    .addOption(new Option('-l, --lang <lang>', 'language of instructions').choices(LANGS).default('da'))
    .option('--per-year', 'one budget sheet per project year')
    .option('--accounts', 'write the accounts form (regnskab) of an approved budget')
    .option('-b, --budget <file>', 'the approved budget (with --accounts)')
    .option('--force', 'overwrite the output file')
    .action(async (opts: Opts) => setCode(await runTemplate(opts, io)));
}
