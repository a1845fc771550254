// The browser page's Web Worker: checks the files it is sent (bytes and names) with the engine, off the page's thread,
// and answers with the HTML report (the html formatter's) and the JSON report (the json formatter's).
import { assembleReport, checkBytes, checkRead } from '../engine.js';
import { readProblem } from '../read/bytes.js';
import { DEFAULT_LIMITS } from '../read/limits.js';
import { html } from '../report/formatters/html.js';
import { json } from '../report/formatters/json.js';
import { labelsFor } from '../i18n/languages.js';
import type { Lang } from '../types.js';

export interface WebRequest {
  /** Echoed in the answer, so the page shows only the answer to its latest request. */
  id: number;
  /** The chosen files (File objects: read here, off the page's thread, and only within the file-size limit). */
  files: Array<{ name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> }>;
  /** A built-in pool id; empty: the workbook's Pulje field picks it. */
  pool: string;
  lang: Lang;
}

/** `status`: the line under the form once the check is done, in the request's language. */
export type WebResponse = { id: number } & ({ ok: true; html: string; json: string; status: string } | { ok: false; error: string });

/** The reports for one request; a usage error (no pool found, say) is the answer's error. */
export async function answer(req: WebRequest): Promise<WebResponse> {
  try {
    const options = { pool: req.pool || undefined, lang: req.lang };
    const files = [];
    const limit = DEFAULT_LIMITS.maxFileBytes;
    for (const f of req.files) {
      if (f.size > limit) files.push(await checkRead(f.name, readProblem('input/too-large', { what: 'file-size', limit, found: f.size }), options));
      else files.push(await checkBytes(f.name, new Uint8Array(await f.arrayBuffer()), options));
    }
    const report = await assembleReport(files, options);
    return {
      id: req.id,
      ok: true,
      html: html(report, { lang: req.lang, color: false }),
      json: json(report, { lang: req.lang, color: false }),
      status: labelsFor(req.lang).web.done(req.files.length),
    };
  } catch (e) {
    return { id: req.id, ok: false, error: String((e as Error)?.message ?? e) };
  }
}

const scope = globalThis as unknown as { onmessage: ((ev: { data: WebRequest }) => void) | null; postMessage(m: WebResponse): void };
scope.onmessage = (ev) => {
  void answer(ev.data).then((r) => scope.postMessage(r));
};
