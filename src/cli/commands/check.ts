// `budgettjek check <paths…>`: checks budgets and accounts and prints the report.
import type { Command } from 'commander';
import { Option } from 'commander';
import { checkFiles } from '../../check.js';
import { existsSync, statSync } from 'node:fs';
import { findConfigFile, loadConfig, type Config } from '../../config.js';
import { UsageError } from '../../errors.js';
import { terminalSafe } from '../../report/escape.js';
import { binaryFormatters, FORMAT_NAMES, loadChunked, loadFormatter } from '../../report/formatters/load.js';
import type { BinaryFormatter, Formatter } from '../../report/formatters/types.js';
import type { Report } from '../../report/types.js';
import type { Lang } from '../../types.js';
import { expandPaths } from '../paths.js';
import { useColor, writeOutput, type Io } from '../io.js';
import { assertNotInput, assertWritableFolder, ensureFolder, writeFileAtomic } from '../safe-write.js';
import { defaultJobs } from '../../batch/run.js';
import { labelsFor, LANGS } from '../../i18n/languages.js';
import { approvedBudgets, deskFilter, parseMaxWarnings, printConfig, stdinInput, tooManyWarnings, type DeskOptions, type StdinInput } from '../desk.js';

function progressBar(io: Io): (done: number, total: number) => void {
  return (done, total) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    io.stderr(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`);
  };
}

export interface CheckCliOptions extends DeskOptions {
  pool?: string;
  budget?: string;
  format: string;
  lang?: Lang;
  failOn?: 'error' | 'warning' | 'never';
  output?: string;
  config?: string;
  color?: boolean;
  maxFileSize?: string;
  maxCells?: string;
  jobs?: string;
  progress?: boolean;
  annotate?: string;
  watch?: boolean;
  summary?: boolean;
  printConfig?: boolean;
}

export function exitCodeFor(report: Report, failOn: 'error' | 'warning' | 'never'): number {
  if (failOn === 'never') return 0;
  if (report.summary.errors > 0) return 1;
  if (failOn === 'warning' && report.summary.warnings > 0) return 1;
  return 0;
}

function positiveNumber(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} must be a positive number, not "${v}"`);
  return n;
}

export async function runCheck(paths: string[], opts: CheckCliOptions, io: Io): Promise<number> {
  const { formatter, binary } = await formatOf(opts.format);
  if (!formatter && !binary) throw new UsageError(`unknown format "${opts.format}" (one of: ${FORMAT_NAMES.join(', ')})`);
  // A workbook is never written to a terminal.
  if (binary && !opts.output) throw new UsageError(`--format ${opts.format} writes a workbook: give the file with -o (e.g. -o oversigt.${opts.format})`);
  parseMaxWarnings(opts.maxWarnings);
  const config = await loadConfig(opts.config);
  if (opts.printConfig) {
    io.stdout(printConfig(config, opts));
    return 0;
  }
  const stdin = await stdinInput(paths, io);
  try {
    return await checkAndReport(stdin, opts, config, io);
  } finally {
    stdin.dispose();
  }
}

async function formatOf(name: string): Promise<{ formatter?: Formatter; binary?: () => Promise<BinaryFormatter> }> {
  return { formatter: await loadFormatter(name), binary: Object.hasOwn(binaryFormatters, name) ? binaryFormatters[name] : undefined };
}

const isFolder = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

async function checkAndReport(stdin: StdinInput, opts: CheckCliOptions, config: Config, io: Io): Promise<number> {
  const paths = stdin.paths;
  const { formatter, binary } = await formatOf(opts.format);
  const lang: Lang = opts.lang ?? config.lang ?? 'da';
  const failOn = opts.failOn ?? config.failOn ?? 'error';
  const files = await expandPaths(paths);
  if (!files.length) throw new UsageError('no files to check');
  // What nothing the run writes (the report, the copies, a baseline) may replace: a budget, the approved budget (with
  // --budget DIR the files in that folder, not the folder), a profile or the configuration.
  const configFile = findConfigFile(opts.config);
  const approvedInFolder = opts.budget && isFolder(opts.budget) ? await expandPaths([opts.budget]) : undefined;
  const inputs = [...files, ...(approvedInFolder ?? [opts.budget]), opts.pool && existsSync(opts.pool) ? opts.pool : undefined, configFile].filter(
    (x): x is string => !!x,
  );
  if (opts.output) {
    // Refused before any work, and a folder that is not there is said now rather than after checking every file.
    assertNotInput(opts.output, inputs, 'the report (-o)');
    assertWritableFolder(opts.output);
  }
  const maxMb = positiveNumber(opts.maxFileSize, '--max-file-size');
  const maxCells = positiveNumber(opts.maxCells, '--max-cells');
  const jobs = positiveNumber(opts.jobs, '--jobs') ?? defaultJobs(files.length);
  // the copies' names are settled (and checked against the inputs) before any work is done
  const plan = opts.annotate ? (await import('../../annotate/index.js')).planCopies(files, opts.annotate, inputs) : undefined;
  if (opts.annotate) ensureFolder(opts.annotate); // a folder that cannot be made is said now, not once per copy
  const limits = { ...(maxMb ? { maxFileBytes: Math.round(maxMb * 1024 * 1024) } : {}), ...(maxCells ? { maxCells } : {}) };
  const bar = opts.progress !== false && io.stderrTTY && !io.env.CI && files.length > 1 ? progressBar(io) : undefined;
  // A binary format's writer (exceljs) loads while the files are checked, not after.
  const writer = binary?.();
  writer?.catch(() => undefined);
  const checked = await checkFiles(
    files,
    {
      jobs: Math.floor(jobs),
      pool: opts.pool,
      lang,
      ...(await approvedBudgets(opts.budget, approvedInFolder, limits, io, lang)),
      config,
      limits,
      charts: opts.format === 'html',
    },
    bar,
  );
  if (bar) io.stderr('\r\x1b[K');
  const report = deskFilter(stdin.rename(checked), { ...opts, lang }, inputs, io);
  // a copy that could not be written (full disk, no permission) ends the run with exit 2 once the report is written,
  // as a report that cannot be written does: a script must not take the missing copy for a written one
  let copyNotWritten = false;
  if (plan) {
    const { annotateWorkbook } = await import('../../annotate/index.js');
    for (const file of report.files) {
      const out = plan.get(stdin.source(file.path));
      if (!out) continue;
      try {
        const r = await annotateWorkbook(stdin.source(file.path), file, out, lang, limits);
        if (!r.ok) io.stderr(`budgettjek: ${terminalSafe(labelsFor(lang).cli.notAnnotated(file.path, r.why))}\n`);
      } catch (e) {
        copyNotWritten = true; // a copy that was to be made and was not (a file declined is not thrown)
        io.stderr(`budgettjek: ${terminalSafe(labelsFor(lang).cli.notAnnotated(file.path, 'failed', (e as Error).message))}\n`);
      }
    }
  }
  const fmt = { lang, color: opts.format === 'text' && useColor(io, !!opts.output, opts.color), summaryOnly: !!opts.summary };
  if (binary) writeFileAtomic(opts.output!, await (await writer!)(report, fmt));
  else {
    // A report that can outgrow one string (JSON) is written in pieces as it is made.
    const chunked = await loadChunked(opts.format);
    writeOutput(chunked ? chunked(report, fmt) : formatter!(report, fmt), opts.output, io);
  }
  if (copyNotWritten) return 2;
  return tooManyWarnings(report, opts.maxWarnings) ? 1 : exitCodeFor(report, failOn);
}

export function register(program: Command, io: Io, setCode: (c: number) => void): void {
  program
    .command('check')
    .description('check budget and accounts spreadsheets (.xlsx, .xlsm, .csv): files or directories')
    // optional for --print-config alone: the configuration is found from the working directory, not from the paths
    .argument('[paths...]', 'files or directories to check')
    .option('-p, --pool <id|file>', 'pool id (see `budgettjek pools`) or a pool profile file (.json/.yaml)')
    .option('-b, --budget <file>', 'the approved budget, when checking accounts (regnskab); a folder of approved budgets pairs each accounts file with its own')
    .addOption(new Option('-f, --format <format>', 'output format (xlsx only with -o)').choices(FORMAT_NAMES).default('text'))
    .addOption(new Option('-l, --lang <lang>', 'language of messages').choices(LANGS))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding reaches this severity').choices(['error', 'warning', 'never']))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('-c, --config <file>', 'configuration file (default: budgettjek.config.json if present)')
    .option('--max-file-size <MB>', 'refuse files larger than this (default 50)')
    .option('--max-cells <n>', 'refuse workbooks with more cells than this (default 2000000)')
    .option('-a, --annotate <dir>', 'write a copy of each workbook into DIR with findings as cell notes and a findings sheet')
    .option('-j, --jobs <n>', 'threads that check files: this one and n − 1 worker threads (default: number of CPUs, one per 150 files at most)')
    .option('--no-progress', 'no progress bar on stderr (it is shown only on a terminal)')
    .option('--no-color', 'no colours in the text report')
    .option('-w, --watch', 'check again each time a file is saved, until Ctrl-C')
    .option('--summary', 'text format: the summary table and the pool line only, no details per file')
    .option('--baseline <file>', 'hide the findings accepted in FILE (written with --write-baseline); stale entries are reported')
    .option('--write-baseline', 'accept the current findings: write them to --baseline FILE (default budgettjek-baseline.json)')
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more than N warnings')
    .option('--print-config', 'print the configuration the check would use (file found, options merged) and exit')
    .action(async (paths: string[], opts: CheckCliOptions, cmd: Command) => {
      // Commander's own error (and help after it), as when the argument was required
      if (!paths.length && !opts.printConfig) cmd.error("error: missing required argument 'paths'", { code: 'commander.missingArgument' });
      if (opts.watch) {
        const { watchCheck } = await import('../watch.js');
        const t = labelsFor(opts.lang ?? 'da').cli;
        setCode(await watchCheck(() => runCheck(paths, opts, io), paths, io, { watching: t.watching, again: t.again }));
        return;
      }
      setCode(await runCheck(paths, opts, io));
    });
}
