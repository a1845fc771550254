// The page `budgettjek web` writes: the UI script and the engine's worker inline, the built-in pools inside, and a
// Content-Security-Policy that allows exactly those two scripts (by hash), their styles, and a blob: worker.
import { createHash } from 'node:crypto';
import { labelsFor, LANGS } from '../i18n/languages.js';
import type { Labels } from '../i18n/labels.js';
import { builtinPools } from '../pools/index.js';
import { escapeHtml } from '../report/escape.js';
import { html } from '../report/formatters/html.js';
import { VERSION } from '../version.js';

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/** Script text made safe inside a <script> element: no `</script` or `<!--` can end or derail it (both only occur in
 * string and regex literals of the bundles, where \x3C means the same '<'). */
export function inlineScript(js: string): string {
  return js.replace(/<\/(script)/gi, '\\x3C/$1').replace(/<!--/g, '\\x3C!--');
}

const PAGE_CSS = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #fafafa; }
header, main > form, #status, #json { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
header h1 { font-size: 1.5rem; margin: 1.25rem 0 .25rem; }
form { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; margin-top: 1rem !important; }
#drop { flex: 1 1 24rem; border: 2px dashed #8a8a8e; border-radius: .5rem; padding: 1.25rem; text-align: center; cursor: pointer; background: #fff; }
#drop.over { border-color: #0a66c2; background: #eef5fc; }
#drop input { display: block; margin: .5rem auto 0; }
label.field { display: flex; flex-direction: column; gap: .25rem; font-weight: 600; }
select { font: inherit; padding: .25rem; max-width: 28rem; }
#status { margin-top: 1rem; min-height: 1.5em; }
#status[data-state=error] { color: #b00020; }
#report { display: block; background: #fff; max-width: 72rem; margin: .5rem auto; padding: .25rem 1.25rem 1rem; }
#json pre { white-space: pre-wrap; font-size: 12px; max-height: 30rem; overflow: auto; background: #fff; border: 1px solid #ddd; padding: .5rem; }
`;

/** The style the html formatter's report carries (constant: taken from an empty report). */
function reportCss(): string {
  const page = html(
    { tool: { name: 'budgettjek', version: VERSION }, lang: 'da', files: [], findings: [], summary: { files: 0, errors: 0, warnings: 0, infos: 0 } },
    { lang: 'da', color: false },
  );
  const m = /<style>([\s\S]*?)<\/style>/.exec(page);
  if (!m) throw new Error('the html formatter has no <style>');
  return m[1];
}

/** The page's own texts in every language, static ones only (the worker renders the rest), for the UI script. */
export type WebTexts = Record<string, Omit<Labels['web'], 'done'>>;

function webTexts(): WebTexts {
  return Object.fromEntries(
    LANGS.map((l) => {
      const { done: _done, ...texts } = labelsFor(l).web;
      return [l, texts];
    }),
  );
}

export function webPage(uiJs: string, workerJs: string): string {
  const ui = inlineScript(uiJs);
  const pools = builtinPools()
    .map((p) => `<option value="${escapeHtml(p.id)}">${escapeHtml(`${p.name} (${p.id})`)}</option>`)
    .join('');
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(ui)}`,
    `style-src ${sha256(PAGE_CSS)} ${sha256(reportCss())}`,
    'worker-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="generator" content="budgettjek ${escapeHtml(VERSION)}">
<title>budgettjek</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<header><h1 id="title">budgettjek</h1><p id="intro"></p></header>
<main>
<form id="form">
<label id="drop"><span id="choose"></span><input type="file" id="files" multiple accept=".xlsx,.xlsm,.csv"></label>
<label class="field"><span id="pool-label"></span><select id="pool"><option value=""></option>${pools}</select></label>
<label class="field"><span id="lang-label"></span><select id="lang">${LANGS.map((l) => `<option value="${l}">${escapeHtml(labelsFor(l).name)}</option>`).join('')}</select></label>
</form>
<p id="status" role="status" aria-live="polite"></p>
<div id="report"></div>
<section id="json"><p><a id="download-json" download="budgettjek.json" hidden></a></p><details><summary id="json-summary"></summary><pre id="report-json"></pre></details></section>
</main>
<script type="application/json" id="bt-texts">${JSON.stringify(webTexts()).replace(/</g, '\\u003c')}</script>
<script type="text/plain" id="bt-worker">${inlineScript(workerJs)}</script>
<script>${ui}</script>
</body>
</html>
`;
}
