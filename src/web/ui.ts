// The browser page's script: files chosen or dropped go to the Web Worker (web/worker.ts) with the pool and language;
// its HTML report is shown in a shadow root, its JSON report kept in <pre id="report-json"> and offered as a download.
import type { WebTexts } from './page.js';
import type { WebResponse } from './worker.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const input = $<HTMLInputElement>('files');
const drop = $<HTMLLabelElement>('drop');
const poolSelect = $<HTMLSelectElement>('pool');
const langSelect = $<HTMLSelectElement>('lang');
const status = $<HTMLParagraphElement>('status');
const download = $<HTMLAnchorElement>('download-json');
const jsonPre = $<HTMLPreElement>('report-json');
const host = $<HTMLDivElement>('report');
const shadow = host.attachShadow({ mode: 'open' });
// The texts of every language, carried by the page (web/page.ts; i18n/<lang>.ts `web`).
const TEXT = JSON.parse($('bt-texts').textContent ?? '{}') as WebTexts;

const workerUrl = URL.createObjectURL(new Blob([$('bt-worker').textContent ?? ''], { type: 'text/javascript' }));
const worker = new Worker(workerUrl);
let files: File[] = [];
let jsonUrl: string | undefined;
let run = 0;

const lang = (): string => (Object.hasOwn(TEXT, langSelect.value) ? langSelect.value : 'da');

function label(): void {
  const t = TEXT[lang()];
  document.documentElement.lang = lang();
  document.title = t.title;
  $('title').textContent = t.title;
  $('intro').textContent = t.intro;
  $('choose').textContent = t.choose;
  $('pool-label').textContent = t.pool;
  $('lang-label').textContent = t.lang;
  poolSelect.options[0].textContent = t.auto;
  download.textContent = t.download;
  $('json-summary').textContent = t.json;
}

function check(): void {
  if (!files.length) return;
  status.textContent = TEXT[lang()].checking;
  status.dataset.state = 'checking';
  worker.postMessage({ id: ++run, files, pool: poolSelect.value, lang: lang() });
}

worker.onmessage = (ev: MessageEvent<WebResponse>) => {
  if (ev.data.id === run) show(ev.data); // else a newer check is under way
};

function show(r: WebResponse): void {
  const t = TEXT[lang()];
  if (!r.ok) {
    status.textContent = `${t.failed}: ${r.error}`;
    status.dataset.state = 'error';
    return;
  }
  // the html formatter's own page: its style and body, shown apart from this page's style
  const doc = new DOMParser().parseFromString(r.html, 'text/html');
  shadow.replaceChildren();
  for (const s of doc.querySelectorAll('style')) shadow.append(document.importNode(s, true));
  const body = document.createElement('div');
  body.className = 'report';
  body.append(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
  shadow.append(body);
  jsonPre.textContent = r.json;
  if (jsonUrl) URL.revokeObjectURL(jsonUrl);
  jsonUrl = URL.createObjectURL(new Blob([r.json], { type: 'application/json' }));
  download.href = jsonUrl;
  download.hidden = false;
  status.textContent = r.status;
  status.dataset.state = 'done';
}

function choose(list: FileList | null): void {
  files = [...(list ?? [])];
  check();
}

input.addEventListener('change', () => choose(input.files));
drop.addEventListener('dragover', (ev) => {
  ev.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (ev) => {
  ev.preventDefault();
  drop.classList.remove('over');
  choose(ev.dataTransfer?.files ?? null);
});
poolSelect.addEventListener('change', check);
langSelect.addEventListener('change', () => {
  label();
  check();
});
label();
