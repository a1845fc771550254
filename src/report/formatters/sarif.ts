// SARIF 2.1.0: the file as physical location, Sheet!A1 as logical location, stable rule ids.
import { toKroner } from '../../money.js';
import type { Finding } from '../../types.js';
import { ruleText } from '../../i18n/index.js';
import type { Report } from '../types.js';
import type { Formatter } from './types.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

function uri(path: string): string {
  return path
    .split(/[\\/]/)
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

/** The files a pool-level finding is about: those it names (pool/duplicate-applicant), else the budgets of its pool
 * (pool/oversubscribed); upload tools drop a result without a location. */
function namedFiles(f: Finding, report: Report): string[] {
  if (f.rule === 'pool/duplicate-applicant') return f.args.files.map(String);
  const pool = f.rule === 'pool/oversubscribed' ? f.args.pool : undefined;
  return report.files.filter((x) => x.kind === 'budget' && (typeof pool !== 'string' || x.pool === pool)).map((x) => x.path);
}

export const sarif: Formatter = (report, { lang }) => {
  const all: Array<{ f: Finding; paths: string[] }> = [
    ...report.files.flatMap((file) => file.findings.map((f) => ({ f, paths: [file.path] }))),
    ...report.findings.map((f) => ({ f, paths: namedFiles(f, report) })),
  ];
  const ids = [...new Set(all.map((x) => x.f.rule))].sort();
  const rules = ids.map((id) => ({
    id,
    shortDescription: { text: ruleText(id).title[lang] },
    fullDescription: { text: ruleText(id).why[lang] },
  }));
  const results = all.map(({ f, paths }) => {
    const money = f.unit === undefined || f.unit === 'ore';
    const location: Record<string, unknown> = {};
    if (paths.length) location.physicalLocation = { artifactLocation: { uri: uri(paths[0]) } };
    if (f.sheet) {
      const name = f.cell ?? (f.row ? `${f.row}:${f.row}` : '');
      location.logicalLocations = [{ fullyQualifiedName: name ? `${f.sheet}!${name}` : f.sheet, name: name || f.sheet, kind: 'element' }];
    }
    const locations = Object.keys(location).length
      ? [location, ...paths.slice(1).map((p) => ({ physicalLocation: { artifactLocation: { uri: uri(p) } } }))]
      : [];
    const properties: Record<string, unknown> = {};
    if (f.post) properties.post = f.post;
    if (f.expected !== undefined) properties.expected = money ? toKroner(f.expected) : f.expected;
    if (f.actual !== undefined) properties.actual = money ? toKroner(f.actual) : f.actual;
    if (f.hint) properties.hint = f.hint;
    return {
      ruleId: f.rule,
      ruleIndex: ids.indexOf(f.rule),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations,
      ...(Object.keys(properties).length ? { properties } : {}),
    };
  });
  const doc = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'budgettjek', version: report.tool.version, rules } }, results }],
  };
  return JSON.stringify(doc, null, 2) + '\n';
};
