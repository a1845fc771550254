// One self-contained HTML page a caseworker can read and print: summary table, pool findings, findings per file.
import { formatKr } from '../../money.js';
import type { Finding, Lang } from '../../types.js';
import { requestedCell, verdict } from '../batch-summary.js';
import { escapeHtml as e } from '../escape.js';
import { labelsFor } from '../../i18n/languages.js';
import type { Formatter } from './types.js';
import type { FileReport } from '../types.js';
import { monthsChart, poolChart, postsChart } from '../charts.js';
import { askedFor } from '../../model/requested.js';
import { errorsFirst, poolFigures } from '../pool-figures.js';

const CSS = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1b1b;margin:2rem auto;max-width:72rem;padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;word-break:break-all}
.totals{color:#444;margin:.25rem 0 1rem}.counts span{display:inline-block;margin-right:1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d0d0d0;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}td.num{text-align:right;white-space:nowrap}
.sev{display:inline-block;border-radius:.25rem;padding:0 .4rem;font-size:.8rem;font-weight:600;white-space:nowrap}
.error{background:#fde2e1;color:#8a1c13}.warning{background:#fff1c2;color:#6b4b00}.info{background:#dbe9f8;color:#123f6b}.ok{background:#dff3e3;color:#185c2b}
.rule{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem}.hint{color:#185c2b}.where{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:nowrap}
figure{margin:.5rem 0 1rem}svg.chart{display:block;max-width:60rem}svg.chart a text{fill:#1a4f8a}.pool-figures{width:auto}.pool-figures th{font-weight:normal}
@media print{svg.chart{page-break-inside:avoid}body{margin:0;max-width:none;font-size:11pt}h2{page-break-after:avoid}tr{page-break-inside:avoid}}
`;

function findingsTable(findings: Finding[], lang: Lang): string {
  const { report: L, severity } = labelsFor(lang);
  if (!findings.length) return `<p class="sev ok">${e(L.noFindings)}</p>`;
  const rows = findings.map((f) => {
    const money = f.unit === undefined || f.unit === 'ore';
    const fig = (v: number | undefined) => (v === undefined ? '' : money ? formatKr(v, lang) : String(v));
    const where = f.sheet ? `${f.sheet}!${f.cell ?? (f.row ? `${f.row}:${f.row}` : '')}` : '';
    return `<tr><td><span class="sev ${f.severity}">${e(severity[f.severity])}</span></td><td class="rule">${e(f.rule)}</td><td class="where">${e(where)}</td><td>${e(f.post ?? '')}</td><td>${e(f.message)}${f.hint ? `<div class="hint">${e(L.hint)}: ${e(f.hint)}</div>` : ''}</td><td class="num">${e(fig(f.expected))}</td><td class="num">${e(fig(f.actual))}</td></tr>`;
  });
  return `<table><thead><tr><th>${e(L.severity)}</th><th>${e(L.rule)}</th><th>${e(L.cell)}</th><th>${e(L.post)}</th><th>${e(L.message)}</th><th>${e(L.expected)}</th><th>${e(L.actual)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The pool at the top of the page: funds, what all budgets and the faultless ones ask for, and the chart. */
function poolBlock(report: Parameters<Formatter>[0], lang: Lang, anchors: Map<FileReport, string>): string {
  const P = labelsFor(lang).html;
  const fig = poolFigures(report);
  if (!fig.budgets) return '';
  const cells = [
    fig.funds !== undefined
      ? `<tr><th>${e(P.funds)}${report.pool ? ` (${e(report.pool.id)})` : ''}</th><td class="num">${e(formatKr(fig.funds, lang))}</td></tr>`
      : '',
    `<tr><th>${e(P.requested)} (${e(P.applications(fig.budgets))})</th><td class="num">${e(formatKr(fig.requested, lang))}</td></tr>`,
    `<tr><th>${e(P.clean)} (${e(P.applications(fig.cleanBudgets))})</th><td class="num">${e(formatKr(fig.requestedClean, lang))}</td></tr>`,
    fig.ratio !== undefined ? `<tr><th>${e(P.ratio)}</th><td class="num">${e(`${String(fig.ratio).replace('.', labelsFor(lang).decimal)}×`)}</td></tr>` : '',
  ];
  const items = report.files
    .map((file) => ({ file, asked: askedFor(file) }))
    .filter((x): x is { file: FileReport; asked: number } => x.asked !== undefined)
    .map(({ file, asked }) => ({
      file,
      asked,
      anchor: anchors.get(file)!,
      label: file.applicant || file.path,
      ...(fig.counted.has(file) ? {} : { leftOut: true }),
    }));
  return `<section id="pool"><h2>${e(P.heading)}</h2><table class="pool-figures">${cells.join('')}</table>${poolChart(items, fig.funds, lang)}</section>`;
}

export const html: Formatter = (report, { lang }) => {
  const L = labelsFor(lang).report;
  const s = report.summary;
  const anchors = new Map(report.files.map((f, i) => [f, `file-${i + 1}`]));
  const order = errorsFirst(report.files);
  const summaryRows = order.map(({ file: f }) => {
    const v = verdict(f);
    const errors = f.findings.filter((x) => x.severity === 'error').length;
    const warnings = f.findings.filter((x) => x.severity === 'warning').length;
    const cls = v === 'ok' ? 'ok' : v === 'bad' ? 'error' : 'warning';
    return `<tr><td><a href="#${anchors.get(f)}">${e(f.path)}</a></td><td>${e(f.applicant ?? '')}</td><td class="num">${e(requestedCell(f, lang))}</td><td class="num">${errors}</td><td class="num">${warnings}</td><td><span class="sev ${cls}">${e(L[v])}</span></td></tr>`;
  });
  const files = order.map(({ file: f }) => {
    const facts = [
      f.applicant,
      f.totals.expenses !== undefined ? `${L.expenses}: ${formatKr(f.totals.expenses, lang)}` : undefined,
      f.kind === 'budget' ? `${L.requested}: ${requestedCell(f, lang)}` : undefined,
      f.pool,
    ]
      .filter(Boolean)
      .join(' · ');
    const chart = f.chart ? (monthsChart(f.chart, lang) ?? postsChart(f.chart, lang) ?? '') : '';
    return `<section id="${anchors.get(f)}"><h2>${e(f.path)}</h2>${facts ? `<p class="totals">${e(facts)}</p>` : ''}${chart ? `<figure>${chart}</figure>` : ''}${findingsTable(f.findings, lang)}</section>`;
  });
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(L.title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${e(L.title)}</h1>
<p class="counts"><span>${e(L.files)}: <b>${s.files}</b></span><span>${e(L.errors)}: <b>${s.errors}</b></span><span>${e(L.warnings)}: <b>${s.warnings}</b></span><span>${e(L.infos)}: <b>${s.infos}</b></span></p>
${poolBlock(report, lang, anchors)}
<h2>${e(L.summary)}</h2>
<table id="summary"><thead><tr><th>${e(L.file)}</th><th>${e(L.applicant)}</th><th>${e(L.requested)}</th><th>${e(L.errors)}</th><th>${e(L.warnings)}</th><th>${e(L.verdict)}</th></tr></thead><tbody>${summaryRows.join('')}</tbody></table>
${report.findings.length ? `<section><h2>${e(L.pool)}</h2>${findingsTable(report.findings, lang)}</section>` : ''}
${files.join('\n')}
</body>
</html>
`;
};
