// The browser page's Web Worker: checks the files it is sent (bytes and names) with the engine, off the page's thread,
// and answers with the HTML report (the html formatter's) and the JSON report (the json formatter's).
import { assembleReport, checkBytes } from '../engine.js';
import { html } from '../report/formatters/html.js';
import { json } from '../report/formatters/json.js';
import type { Lang } from '../types.js';

export interface WebRequest {
  files: Array<{ name: string; bytes: ArrayBuffer }>;
  /** A built-in pool id; empty: the workbook's Pulje field picks it. */
  pool: string;
  lang: Lang;
}

export type WebResponse = { ok: true; html: string; json: string } | { ok: false; error: string };

/** The reports for one request; a usage error (no pool found, say) is the answer's error. */
export async function answer(req: WebRequest): Promise<WebResponse> {
  try {
    const options = { pool: req.pool || undefined, lang: req.lang };
    const files = [];
    for (const f of req.files) files.push(await checkBytes(f.name, new Uint8Array(f.bytes), options));
    const report = await assembleReport(files, options);
    return { ok: true, html: html(report, { lang: req.lang, color: false }), json: json(report, { lang: req.lang, color: false }) };
  } catch (e) {
    return { ok: false, error: String((e as Error)?.message ?? e) };
  }
}

const scope = globalThis as unknown as { onmessage: ((ev: { data: WebRequest }) => void) | null; postMessage(m: WebResponse): void };
scope.onmessage = (ev) => {
  void answer(ev.data).then((r) => scope.postMessage(r));
};
