// Annotated copies: each finding as a note on its cell, the cell (and only it) coloured by severity, a findings
// sheet with links to the cells, printed landscape one page wide. Never touches the original; a copy is written
// whole via a temporary file and a rename, under a name that is the same on every run for the same input.
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { assertNotInput, inputSet, realTarget, writeFileAtomic } from '../cli/safe-write.js';
import { toKroner } from '../money.js';
import { readWorkbook, type Limits } from '../read/index.js';
import { DEFAULT_LIMITS } from '../read/limits.js';
import { inflateEntries, guardZip } from '../read/zipguard.js';
import { labelsFor } from '../i18n/languages.js';
import type { FileReport } from '../report/types.js';
import type { Finding, Lang, Severity } from '../types.js';
import { MINIMAL_STYLES, PatchError, patchWorkbook, plainSheetXml, type Listing, type Mark } from './patch.js';
import { zipParts } from '../zip/write.js';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Text a spreadsheet would run as a formula if typed in again, made inert with a leading apostrophe. */
function safe(s: string): string {
  return /^\s*[=+\-@]/.test(s) ? `'${s}` : s;
}

/**
 * The copy of each input in outDir: its own base name (.xlsm stays .xlsm, the rest become .xlsx), so a re-run
 * replaces its earlier copy; inputs of one run that share a base name get a short hash of their real path as well.
 * A copy that would land on an input (one of `protect`: the inputs, and the run's other input files) is a usage error
 * before anything is checked or written.
 */
export function planCopies(inputs: string[], outDir: string, protect: string[] = inputs): Map<string, string> {
  const dir = resolve(outDir);
  const nameOf = (p: string) => `${basename(p, extname(p))}${/\.xlsm$/i.test(p) ? '.xlsm' : '.xlsx'}`;
  const count = new Map<string, number>();
  for (const p of inputs) count.set(nameOf(p).toLowerCase(), (count.get(nameOf(p).toLowerCase()) ?? 0) + 1);
  const plan = new Map<string, string>();
  const known = inputSet(protect); // once, not once per copy
  for (const p of inputs) {
    let name = nameOf(p);
    if ((count.get(name.toLowerCase()) ?? 0) > 1) {
      const ext = extname(name);
      name = `${basename(name, ext)}-${createHash('sha256').update(realTarget(p)).digest('hex').slice(0, 8)}${ext}`;
    }
    const out = join(dir, name);
    assertNotInput(out, known, '--annotate');
    plan.set(p, out);
  }
  return plan;
}

export type AnnotateResult = { ok: true; path: string } | { ok: false; why: 'not-read' | 'too-large' | 'not-ooxml' | 'failed'; detail?: string };

function noteText(findings: Finding[], lang: Lang): string {
  const { report: L, severity } = labelsFor(lang);
  return findings.map((f) => `${severity[f.severity]} · ${f.rule}\n${f.message}${f.hint ? `\n${L.hint}: ${f.hint}` : ''}`).join('\n\n');
}

function marksOf(file: FileReport, lang: Lang): Mark[] {
  const byCell = new Map<string, Finding[]>();
  for (const f of file.findings) {
    if (!f.sheet || (!f.cell && !f.row)) continue;
    const key = `${f.sheet}\u0000${f.cell ?? `A${f.row}`}`;
    const list = byCell.get(key);
    if (list) list.push(f);
    else byCell.set(key, [f]);
  }
  const marks: Mark[] = [];
  for (const [key, findings] of byCell) {
    const [sheet, address] = key.split('\u0000');
    findings.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
    marks.push({ sheet, address, severity: findings[0].severity, note: noteText(findings, lang) });
  }
  return marks;
}

function listingOf(file: FileReport, lang: Lang): Listing {
  const { report: L, severity } = labelsFor(lang);
  const name = 'budgettjek'; // "budgettjek (2)" when the workbook has a sheet of that name
  // errors first, then warnings, then notes; the report's order (sheet, row, column) within each
  const ordered = file.findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
  return {
    name,
    header: [L.severity, L.rule, L.sheet, L.cell, L.post, L.message, L.hint, L.expected, L.actual],
    widths: [10, 32, 14, 10, 30, 80, 60, 14, 14],
    rows: ordered.map((f) => {
      const money = f.unit === undefined || f.unit === 'ore';
      const fig = (v: number | undefined) => (v === undefined ? null : money ? toKroner(v) : v);
      const cell = f.cell ?? (f.row ? `A${f.row}` : undefined);
      return {
        cells: [
          severity[f.severity],
          f.rule,
          safe(f.sheet ?? ''),
          f.cell ?? (f.row ? String(f.row) : ''),
          safe(f.post ?? ''),
          safe(f.message),
          safe(f.hint ?? ''),
          fig(f.expected),
          fig(f.actual),
        ],
        ...(f.sheet && cell ? { link: { col: 3, sheet: f.sheet, address: cell } } : {}),
      };
    }),
  };
}

const CT_CSV = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;

/** A CSV's cells as a one-sheet workbook (the text as the file had it), to be annotated like any other. */
function csvEntries(sheetName: string, rows: Array<Array<string | number | null>>): Array<{ name: string; data: Buffer }> {
  const b = (s: string) => Buffer.from(s, 'utf8');
  const name = sheetName.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return [
    { name: '[Content_Types].xml', data: b(CT_CSV) },
    {
      name: '_rels/.rels',
      data: b(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: b(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: b(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
      ),
    },
    { name: 'xl/styles.xml', data: b(MINIMAL_STYLES) },
    { name: 'xl/worksheets/sheet1.xml', data: b(plainSheetXml(rows)) },
  ];
}

/** Whether the file begins as a zip does: the check reads a file by its content, so a CSV named .xlsx (as web apps
 * name their exports) was read as the CSV it is, and its copy is made from it as from any CSV. */
function isZip(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x50 && head[1] === 0x4b;
  } catch {
    return true; // the zip path says why it cannot be read
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes the annotated copy of one checked file to outPath, within the same input limits as the check: a file the
 * check could not read, or one past the limits, is declined (with the reason), never loaded whole.
 */
export async function annotateWorkbook(
  inputPath: string,
  file: FileReport,
  outPath: string,
  lang: Lang,
  partial: Partial<Limits> = {},
): Promise<AnnotateResult> {
  const limits = { ...DEFAULT_LIMITS, ...partial };
  const refused = file.findings.find((f) => f.rule === 'input/too-large' || f.rule === 'input/unreadable' || f.rule === 'input/unsupported-format');
  if (refused || file.kind === 'unknown') return { ok: false, why: refused?.rule === 'input/too-large' ? 'too-large' : 'not-read', detail: refused?.rule };
  let entries: Array<{ name: string; data: Buffer }>;
  if (/\.csv$/i.test(inputPath) || !isZip(inputPath)) {
    const read = await readWorkbook(inputPath, limits);
    if (!read.ok) return { ok: false, why: read.finding.rule === 'input/too-large' ? 'too-large' : 'not-read', detail: read.finding.rule };
    const sheet = read.workbook.sheets[0];
    const rows: Array<Array<string | number | null>> = [];
    for (const cells of sheet.rows.values()) {
      for (const c of cells) {
        const line = (rows[c.row - 1] ??= []);
        line[c.col - 1] = c.value instanceof Date ? c.value.toISOString().slice(0, 10) : typeof c.value === 'boolean' ? String(c.value) : c.value;
      }
    }
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    entries = csvEntries(sheet.name, rows);
  } else {
    try {
      if (statSync(inputPath).size > limits.maxFileBytes) return { ok: false, why: 'too-large' };
      const bytes = readFileSync(inputPath);
      const guard = guardZip(bytes, limits);
      if (!guard.ok) return { ok: false, why: guard.rule === 'input/too-large' ? 'too-large' : 'not-read', detail: guard.what };
      entries = inflateEntries(bytes, limits).map((x) => ({ name: x.name, data: Buffer.from(x.data.buffer, x.data.byteOffset, x.data.byteLength) }));
    } catch (e) {
      return { ok: false, why: 'not-read', detail: (e as Error).message };
    }
  }
  let out: Array<{ name: string; data: Buffer }>;
  try {
    out = patchWorkbook(entries, marksOf(file, lang), listingOf(file, lang));
  } catch (e) {
    if (e instanceof PatchError) return { ok: false, why: 'not-ooxml', detail: e.message };
    throw e;
  }
  mkdirSync(resolve(outPath, '..'), { recursive: true });
  writeFileAtomic(outPath, zipParts(out));
  return { ok: true, path: outPath };
}
