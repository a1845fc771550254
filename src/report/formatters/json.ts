// The JSON format of SPEC §4: amounts in kroner with at most two decimals, keys in a fixed order.
import { toKroner } from '../../money.js';
import type { Finding } from '../../types.js';
import type { FileReport, Report } from '../types.js';
import type { Formatter } from './types.js';

function findingJson(f: Finding): Record<string, unknown> {
  const money = f.unit === undefined || f.unit === 'ore';
  const out: Record<string, unknown> = { rule: f.rule, severity: f.severity, message: f.message };
  if (f.sheet !== undefined) out.sheet = f.sheet;
  if (f.row !== undefined) out.row = f.row;
  if (f.cell !== undefined) out.cell = f.cell;
  if (f.post !== undefined) out.post = f.post;
  if (f.expected !== undefined) out.expected = money ? toKroner(f.expected) : f.expected;
  if (f.actual !== undefined) out.actual = money ? toKroner(f.actual) : f.actual;
  if (f.factors !== undefined) out.factors = f.factors.map((x) => ({ value: x.money ? toKroner(x.value) : x.value, ...(x.unit ? { unit: x.unit } : {}) }));
  if (f.hint !== undefined) out.hint = f.hint;
  return out;
}

function totalsJson(file: FileReport): Record<string, number> {
  const t: Record<string, number> = {};
  for (const key of ['expenses', 'financing', 'budget', 'actual', 'unspent'] as const) {
    const v = file.totals[key];
    if (v !== undefined) t[key] = toKroner(v);
  }
  return t;
}

export function reportToJson(report: Report): unknown {
  return reportTree(report, (findings) => findings.map(findingJson));
}

/** reportToJson's tree with each list of findings as `findings` makes it. */
function reportTree(report: Report, findings: (fs: Finding[]) => unknown): unknown {
  return {
    tool: report.tool,
    files: report.files.map((f) => {
      const out: Record<string, unknown> = { path: f.path, kind: f.kind };
      if (f.pool !== undefined) out.pool = f.pool;
      if (f.applicant !== undefined) out.applicant = f.applicant;
      if (f.cvr !== undefined) out.cvr = f.cvr;
      if (f.requested !== undefined) out.requested = toKroner(f.requested);
      if (f.granted !== undefined) out.granted = toKroner(f.granted);
      if (f.approvedBudget !== undefined) out.approvedBudget = f.approvedBudget;
      out.totals = totalsJson(f);
      out.findings = findings(f.findings);
      return out;
    }),
    findings: findings(report.findings),
    summary: report.summary,
  };
}

/** A list of findings in jsonChunks's tree: written a finding at a time by findingText, not made into objects first. */
class FindingList {
  constructor(readonly findings: Finding[]) {}
}

/** Thrown by `plain` for a value findingText leaves to JSON.stringify. */
const NOT_PLAIN = Symbol('not plain');

/** A string or finite number as JSON; anything else throws NOT_PLAIN. */
function plain(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw NOT_PLAIN;
}

/** An object member after the first, as JSON.stringify(…, null, 2) writes it at `indent`; '' for undefined. */
const member = (indent: string, key: string, v: unknown) => (v === undefined ? '' : `,\n${indent}"${key}": ${plain(v)}`);

/** JSON.stringify(findingJson(f), null, 2) with every line after the first indented by `indent`: written field by field
 * for a finding whose fields are strings and finite numbers (100.000 findings: ~1,0 → ~0,5 s with the file's head),
 * through findingJson and JSON.stringify for any other. */
function findingText(f: Finding, indent: string): string {
  try {
    return plainFindingText(f, indent);
  } catch (e) {
    if (e !== NOT_PLAIN) throw e;
    return JSON.stringify(findingJson(f), null, 2).replace(/\n/g, '\n' + indent);
  }
}

function plainFindingText(f: Finding, indent: string): string {
  const money = f.unit === undefined || f.unit === 'ore';
  const i1 = indent + '  ';
  let s = `{\n${i1}"rule": ${plain(f.rule)},\n${i1}"severity": ${plain(f.severity)},\n${i1}"message": ${plain(f.message)}`;
  s += member(i1, 'sheet', f.sheet) + member(i1, 'row', f.row) + member(i1, 'cell', f.cell) + member(i1, 'post', f.post);
  if (f.expected !== undefined) s += member(i1, 'expected', money ? toKroner(f.expected) : f.expected);
  if (f.actual !== undefined) s += member(i1, 'actual', money ? toKroner(f.actual) : f.actual);
  if (f.factors !== undefined) {
    if (!Array.isArray(f.factors)) throw NOT_PLAIN;
    if (!f.factors.length) s += `,\n${i1}"factors": []`;
    else {
      const i2 = i1 + '  ';
      const i3 = i2 + '  ';
      s += `,\n${i1}"factors": [`;
      for (let k = 0; k < f.factors.length; k++) {
        const x = f.factors[k];
        const value = plain(x.money ? toKroner(x.value) : x.value);
        s += `${k ? ',' : ''}\n${i2}{\n${i3}"value": ${value}${x.unit ? member(i3, 'unit', x.unit) : ''}\n${i2}}`;
      }
      s += `\n${i1}]`;
    }
  }
  return `${s}${member(i1, 'hint', f.hint)}\n${indent}}`;
}

export const json: Formatter = (report) => JSON.stringify(reportToJson(report), null, 2) + '\n';

/** A piece of jsonChunks's text: text, or a list of findings at a depth (written a finding at a time). */
type Piece = string | { findings: Finding[]; depth: number };

/** About how long jsonChunks's pieces are (in UTF-16 units): the writers gather them into writes of a megabyte. */
const PIECE = 1 << 16;

/**
 * The same text as json, in pieces (a file's head, each finding), so a report larger than the longest string the
 * JavaScript engine can hold (about 512 MB) is written to its destination piece by piece instead of failing. The
 * report's skeleton (everything but its findings) is written first as a flat list of texts and finding lists, then
 * joined into pieces of about 64 KB: not a generator per object and array down to each member, through which each of
 * the ~25 small pieces of a file's head was handed up three or four generators (the 600-file pile's report, made
 * in-process: 33 → 26 ms CPU, medians of 6 alternating runs at load ~10).
 */
export function* jsonChunks(report: Report): Generator<string> {
  const skeleton: Piece[] = [];
  piecesOf(
    reportTree(report, (findings) => new FindingList(findings)),
    0,
    skeleton,
  );
  skeleton.push('\n');
  let buf = '';
  for (const p of skeleton) {
    if (typeof p === 'string') {
      buf += p;
      if (buf.length >= PIECE) {
        yield buf;
        buf = '';
      }
      continue;
    }
    // as an array of findingJson objects, a finding at a time
    const list = p.findings;
    const pad = '  '.repeat(p.depth + 1);
    buf += '[\n';
    for (let i = 0; i < list.length; i++) {
      buf += `${pad}${findingText(list[i], pad)}${i < list.length - 1 ? ',\n' : '\n'}`;
      if (buf.length >= PIECE) {
        yield buf;
        buf = '';
      }
    }
    buf += `${'  '.repeat(p.depth)}]`;
  }
  if (buf) yield buf;
}

/** JSON.stringify(value, null, 2) at the given depth, appended to `out` per array element and object member down to
 * the findings (a non-empty FindingList as itself); deeper values (a finding's fields) as one piece. */
function piecesOf(value: unknown, depth: number, out: Piece[]): void {
  const pad = '  '.repeat(depth + 1);
  if (value instanceof FindingList) {
    out.push(value.findings.length ? { findings: value.findings, depth } : '[]');
    return;
  }
  if (depth >= 4 || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    // a string's newlines are escaped in JSON, so every newline here is one of the indentation's
    out.push((JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, '\n' + '  '.repeat(depth)));
    return;
  }
  if (Array.isArray(value)) {
    if (!value.length) return void out.push('[]');
    out.push('[\n');
    for (let i = 0; i < value.length; i++) {
      out.push(pad);
      piecesOf(value[i] === undefined || typeof value[i] === 'function' ? null : value[i], depth + 1, out);
      out.push(i < value.length - 1 ? ',\n' : '\n');
    }
    out.push(`${'  '.repeat(depth)}]`);
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (!entries.length) return void out.push('{}');
  out.push('{\n');
  for (let i = 0; i < entries.length; i++) {
    out.push(`${pad}${JSON.stringify(entries[i][0])}: `);
    piecesOf(entries[i][1], depth + 1, out);
    out.push(i < entries.length - 1 ? ',\n' : '\n');
  }
  out.push(`${'  '.repeat(depth)}}`);
}
