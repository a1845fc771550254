// The batch summary for the text report: one row per file (applicant, requested, errors, warnings, verdict) and totals against the pool.
import type { Chalk } from 'chalk';
import { formatKr } from '../money.js';
import { askedFor } from '../model/requested.js';
import { labelsFor } from '../i18n/languages.js';
import type { Lang } from '../types.js';
import type { FileReport, Report } from './types.js';

export function verdict(f: FileReport): 'ok' | 'bad' | 'unreadable' {
  if (f.kind === 'unknown') return 'unreadable';
  return f.findings.some((x) => x.severity === 'error') ? 'bad' : 'ok';
}

/** A file's requested amount as stated in the workbook; a budget that states none shows it as missing (not as its
 * expenses, which the pool's total below still counts in its place). */
export function requestedCell(f: FileReport, lang: Lang): string {
  if (f.requested !== undefined) return formatKr(f.requested, lang);
  return f.kind === 'budget' ? labelsFor(lang).batch.missing : '';
}

export function batchSummary(report: Report, lang: Lang, c: InstanceType<typeof Chalk>): string[] {
  if (report.files.length < 2) return [];
  const t = labelsFor(lang).batch;
  const rows = report.files.map((f) => {
    const v = verdict(f);
    return [
      f.path,
      f.applicant ?? '',
      requestedCell(f, lang),
      String(f.findings.filter((x) => x.severity === 'error').length),
      String(f.findings.filter((x) => x.severity === 'warning').length),
      t[v],
    ];
  });
  const head = [t.file, t.applicant, t.requested, t.errors, t.warnings, t.verdict];
  const widths = head.map((h, i) =>
    Math.min(
      48,
      rows.reduce((w, r) => Math.max(w, r[i].length), h.length),
    ),
  ); // no spread over the files
  const cut = (s: string, w: number) => (s.length > w ? '…' + s.slice(s.length - w + 1) : s);
  const fmt = (r: string[]) => r.map((x, i) => (i >= 2 && i <= 4 ? cut(x, widths[i]).padStart(widths[i]) : cut(x, widths[i]).padEnd(widths[i]))).join('  ');
  const out = [c.bold(fmt(head)), widths.map((w) => '─'.repeat(w)).join('  ')];
  report.files.forEach((f, i) => {
    const line = fmt(rows[i]);
    const v = verdict(f);
    out.push(v === 'ok' ? line : v === 'bad' ? c.red(line) : c.yellow(line));
  });
  const total = report.files
    .map(askedFor)
    .filter((x): x is number => x !== undefined)
    .reduce((s, x) => s + x, 0);
  out.push(widths.map((w) => '─'.repeat(w)).join('  '));
  out.push(`${t.total}: ${formatKr(total, lang)}`);
  if (report.pool) {
    const d = total - report.pool.funds;
    out.push(
      `${t.pool} (${report.pool.id}): ${formatKr(report.pool.funds, lang)} · ${t.diff}: ${d > 0 ? '+' : ''}${formatKr(d, lang)} (${(total / report.pool.funds).toFixed(2)}×)`,
    );
  }
  out.push('');
  return out;
}
