// The text format: per file, errors first, each finding with Sheet!Cell, post, expected vs found and a hint; a summary line.
import { Chalk } from 'chalk';
import { formatKr } from '../../money.js';
import type { Finding, Lang, Severity } from '../../types.js';
import type { FileReport } from '../types.js';
import type { Formatter } from './types.js';
import { batchSummary, requestedCell } from '../batch-summary.js';
import { deepTerminalSafe } from '../escape.js';
import { labelsFor } from '../../i18n/languages.js';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function where(f: Finding): string {
  if (f.sheet && f.cell) return `${f.sheet}!${f.cell}`;
  if (f.sheet && f.row) return `${f.sheet}!${f.row}:${f.row}`;
  return f.sheet ?? '';
}

function figures(f: Finding, lang: Lang): string {
  if (f.expected === undefined && f.actual === undefined) return '';
  const money = f.unit === undefined || f.unit === 'ore';
  const show = (v: number) => (money ? formatKr(v, lang) : String(v));
  const parts: string[] = [];
  if (f.expected !== undefined) parts.push(`${labelsFor(lang).text.expected} ${show(f.expected)}`);
  if (f.actual !== undefined) parts.push(`${labelsFor(lang).text.found} ${show(f.actual)}`);
  return parts.join(', ');
}

function findingLines(f: Finding, lang: Lang, c: InstanceType<typeof Chalk>): string[] {
  const sevColor = f.severity === 'error' ? c.red.bold : f.severity === 'warning' ? c.yellow.bold : c.blue;
  const loc = where(f);
  const head = `  ${sevColor(labelsFor(lang).severity[f.severity].padEnd(9))} ${loc ? c.cyan(loc) + '  ' : ''}${c.dim(f.rule)}`;
  const lines = [head];
  const post = f.post ? `${c.bold(f.post)}: ` : '';
  lines.push(`      ${post}${f.message}`);
  const fig = figures(f, lang);
  if (fig) lines.push(`      ${c.dim(fig)}`);
  if (f.hint) lines.push(`      ${c.green(`${labelsFor(lang).text.hint}:`)} ${f.hint}`);
  return lines;
}

function fileBlock(file: FileReport, lang: Lang, c: InstanceType<typeof Chalk>): string[] {
  const L = labelsFor(lang).text;
  const lines = [c.underline.bold(file.path)];
  const facts: string[] = [];
  if (file.applicant) facts.push(`${L.applicant}: ${file.applicant}`);
  if (file.totals.expenses !== undefined) facts.push(`${L.expenses}: ${formatKr(file.totals.expenses, lang)}`);
  if (file.kind === 'budget') facts.push(`${L.requested}: ${requestedCell(file, lang)}`);
  if (file.pool) facts.push(`${L.poolId}: ${file.pool}`);
  if (file.approvedBudget) facts.push(`${L.approved}: ${file.approvedBudget}`);
  if (facts.length) lines.push(c.dim(`  ${facts.join(' · ')}`));
  if (!file.findings.length) {
    lines.push(`  ${c.green(L.clean)}`);
    return lines;
  }
  const sorted = [...file.findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  for (const f of sorted) for (const l of findingLines(f, lang, c)) lines.push(l); // no spread: a file may have 100.000 findings
  return lines;
}

export const text: Formatter = (unsafe, options) => {
  // Cell text can hold escape sequences and other control characters: none of it reaches the terminal as such.
  const report = deepTerminalSafe(unsafe);
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const lang = options.lang;
  // What decides comes first: for several files the summary table and the pool line, then the details.
  // (Lines are pushed one by one: a spread of an unbounded array overflows the stack.)
  const out: string[] = [];
  for (const l of batchSummary(report, lang, c)) out.push(l);
  if (!options.summaryOnly) {
    for (const file of report.files) {
      for (const l of fileBlock(file, lang, c)) out.push(l);
      out.push('');
    }
    if (report.findings.length) {
      out.push(c.underline.bold(labelsFor(lang).text.pool));
      for (const f of [...report.findings].sort((a, b) => RANK[a.severity] - RANK[b.severity])) for (const l of findingLines(f, lang, c)) out.push(l);
      out.push('');
    }
  }
  const s = report.summary;
  const line = labelsFor(lang).text.summary(s);
  out.push(s.errors ? c.red.bold(line) : s.warnings ? c.yellow(line) : c.green(line));
  return out.join('\n') + '\n';
};
