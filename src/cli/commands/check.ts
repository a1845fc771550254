// `budgettjek check <paths…>`: checks budgets and accounts and prints the report.
import type { Command } from 'commander';
import { Option } from 'commander';
import { checkFiles } from '../../check.js';
import { existsSync } from 'node:fs';
import { DEFAULT_CONFIG_FILES, loadConfig } from '../../config.js';
import { UsageError } from '../../errors.js';
import { terminalSafe } from '../../report/escape.js';
import { chunkedFormatters, formatters } from '../../report/formatters/index.js';
import type { Report } from '../../report/types.js';
import type { Lang } from '../../types.js';
import { expandPaths } from '../paths.js';
import { useColor, writeOutput, type Io } from '../io.js';
import { assertNotInput, assertWritableFolder } from '../safe-write.js';
import { defaultJobs } from '../../batch/run.js';

function progressBar(io: Io): (done: number, total: number) => void {
  return (done, total) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    io.stderr(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`);
  };
}

export interface CheckCliOptions {
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
  const formatter = formatters[opts.format];
  if (!formatter) throw new UsageError(`unknown format "${opts.format}" (one of: ${Object.keys(formatters).join(', ')})`);
  const config = await loadConfig(opts.config);
  const lang: Lang = opts.lang ?? config.lang ?? 'da';
  const failOn = opts.failOn ?? config.failOn ?? 'error';
  const files = await expandPaths(paths);
  if (!files.length) throw new UsageError('no files to check');
  if (opts.output) {
    // Refused before any work: the report may not replace an input (a budget, the approved budget, a profile or
    // the configuration), and a folder that is not there is said now rather than after checking every file.
    const configFile = opts.config ?? DEFAULT_CONFIG_FILES.find((f) => existsSync(f));
    const inputs = [...files, opts.budget, opts.pool && existsSync(opts.pool) ? opts.pool : undefined, configFile].filter((x): x is string => !!x);
    assertNotInput(opts.output, inputs, 'the report (-o)');
    assertWritableFolder(opts.output);
  }
  const maxMb = positiveNumber(opts.maxFileSize, '--max-file-size');
  const maxCells = positiveNumber(opts.maxCells, '--max-cells');
  const jobs = positiveNumber(opts.jobs, '--jobs') ?? defaultJobs(files.length);
  const bar = opts.progress !== false && io.stderrTTY && !io.env.CI && files.length > 1 ? progressBar(io) : undefined;
  const report = await checkFiles(files, {
    jobs: Math.floor(jobs),
    pool: opts.pool,
    lang,
    budget: opts.budget,
    config,
    limits: { ...(maxMb ? { maxFileBytes: Math.round(maxMb * 1024 * 1024) } : {}), ...(maxCells ? { maxCells } : {}) },
  }, bar);
  if (bar) io.stderr('\r\x1b[K');
  if (opts.annotate) {
    const { resolve } = await import('node:path');
    const outDir = resolve(opts.annotate);
    if (files.some((f) => resolve(f) === outDir)) throw new UsageError('--annotate must be a directory, not an input file');
    const { annotateWorkbook } = await import('../../annotate/index.js');
    const used = new Set<string>();
    for (const file of report.files) {
      try {
        await annotateWorkbook(file.path, file, outDir, lang, used);
      } catch (e) {
        io.stderr(`budgettjek: could not annotate ${terminalSafe(`${file.path}: ${(e as Error).message}`)}\n`);
      }
    }
  }
  const formatOptions = { lang, color: opts.format === 'text' && useColor(io, !!opts.output, opts.color) };
  const chunked = chunkedFormatters[opts.format];
  writeOutput(chunked ? chunked(report, formatOptions) : formatter(report, formatOptions), opts.output, io);
  return exitCodeFor(report, failOn);
}

export function register(program: Command, io: Io, setCode: (c: number) => void): void {
  program
    .command('check')
    .description('check budget and accounts spreadsheets (.xlsx, .xlsm, .csv): files or directories')
    .argument('<paths...>', 'files or directories to check')
    .option('-p, --pool <id|file>', 'pool id (see `budgettjek pools`) or a pool profile file (.json/.yaml)')
    .option('-b, --budget <file>', 'the approved budget, when checking accounts (regnskab)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(Object.keys(formatters)).default('text'))
    .addOption(new Option('-l, --lang <lang>', 'language of messages').choices(['da', 'en']))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding reaches this severity').choices(['error', 'warning', 'never']))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('-c, --config <file>', 'configuration file (default: budgettjek.config.json if present)')
    .option('--max-file-size <MB>', 'refuse files larger than this (default 50)')
    .option('--max-cells <n>', 'refuse workbooks with more cells than this (default 2000000)')
    .option('-a, --annotate <dir>', 'write a copy of each workbook into DIR with findings as cell notes and a findings sheet')
    .option('-j, --jobs <n>', 'files checked in parallel on worker threads (default: number of CPUs, one per 50 files at most)')
    .option('--no-progress', 'no progress bar on stderr (it is shown only on a terminal)')
    .option('--no-color', 'no colours in the text report')
    .action(async (paths: string[], opts: CheckCliOptions) => {
      setCode(await runCheck(paths, opts, io));
    });
}
