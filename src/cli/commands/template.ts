// `budgettjek template`: writes a budget form made for a pool, or (--accounts) the accounts form of an approved budget.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../../errors.js';
import { buildBudget, prepare } from '../../model/budget.js';
import { matchPool } from '../../pools/index.js';
import { loadPool } from '../../pools/load.js';
import { readWorkbook } from '../../read/index.js';
import { cliText } from '../../i18n/cli.js';
import type { Io } from '../io.js';
import { assertNotInput, writeFileAtomic } from '../safe-write.js';

interface Opts {
  pool?: string;
  output: string;
  lang: 'da' | 'en';
  perYear?: boolean;
  accounts?: boolean;
  budget?: string;
  force?: boolean;
}

export async function runTemplate(opts: Opts, io: Io): Promise<number> {
  if (existsSync(opts.output) && !opts.force) throw new UsageError(`${opts.output} exists; use --force to overwrite it`);
  if (opts.accounts) {
    if (!opts.budget) throw new UsageError('template --accounts needs --budget <approved budget>');
    assertNotInput(opts.output, [opts.budget], 'template -o');
    const read = await readWorkbook(opts.budget);
    if (!read.ok) throw new UsageError(`cannot read the approved budget ${opts.budget} (${read.finding.rule}: ${String(read.finding.args?.what ?? '')})`);
    const prepared = prepare(read.workbook);
    const pool = opts.pool ? await loadPool(opts.pool) : prepared.metadata.pool ? matchPool(prepared.metadata.pool.value) : undefined;
    if (!pool) throw new UsageError('no pool: give --pool <id|file> or fill in the budget\'s Pulje field');
    const budget = buildBudget(opts.budget, prepared, pool.period);
    if (!budget.lines.length) throw new UsageError(`${opts.budget} has no budget lines to carry over`);
    const { writeAccountsTemplate } = await import('../../template/accounts.js'); // exceljs loads only to write
    writeFileAtomic(opts.output, new Uint8Array(await writeAccountsTemplate(budget, pool).xlsx.writeBuffer()));
    io.stderr(`${opts.output}: ${cliText(opts.lang).posts(budget.lines.length)}\n`);
    return 0;
  }
  if (!opts.pool) throw new UsageError('template needs --pool <id|file> (see `budgettjek pools`)');
  const pool = await loadPool(opts.pool);
  const { writeBudgetTemplate } = await import('../../template/budget.js');
  const { workbook } = await writeBudgetTemplate(pool, { lang: opts.lang, perYear: !!opts.perYear });
  writeFileAtomic(opts.output, new Uint8Array(await workbook.xlsx.writeBuffer())); // whole or not at all
  io.stderr(`${opts.output}: ${pool.id}, ${pool.period?.start} – ${pool.period?.end}\n`);
  return 0;
}

export function register(program: Command, io: Io, setCode: (c: number) => void): void {
  program
    .command('template')
    .description('write a budget form for a pool, or with --accounts the accounts form of an approved budget')
    .option('-p, --pool <id|file>', 'pool id or profile file')
    .requiredOption('-o, --output <file>', 'the workbook to write (.xlsx)')
    .addOption(new Option('-l, --lang <lang>', 'language of instructions').choices(['da', 'en']).default('da'))
    .option('--per-year', 'one budget sheet per project year')
    .option('--accounts', 'write the accounts form (regnskab) of an approved budget')
    .option('-b, --budget <file>', 'the approved budget (with --accounts)')
    .option('--force', 'overwrite the output file')
    .action(async (opts: Opts) => setCode(await runTemplate(opts, io)));
}
