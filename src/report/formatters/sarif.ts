// SARIF 2.1.0: the file as physical location, Sheet!A1 as logical location, stable rule ids.
import { toKroner } from '../../money.js';
import type { Finding } from '../../types.js';
import { ruleText } from '../../i18n/index.js';
import type { Formatter } from './types.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

function uri(path: string): string {
  return path.split(/[\\/]/).map((seg) => encodeURIComponent(seg)).join('/');
}

export const sarif: Formatter = (report, { lang }) => {
  const all: Array<{ f: Finding; path?: string }> = [
    ...report.files.flatMap((file) => file.findings.map((f) => ({ f, path: file.path }))),
    ...report.findings.map((f) => ({ f })),
  ];
  const ids = [...new Set(all.map((x) => x.f.rule))].sort();
  const rules = ids.map((id) => ({ id, shortDescription: { text: ruleText(id)?.title[lang] ?? id }, fullDescription: { text: ruleText(id)?.why[lang] ?? id } }));
  const results = all.map(({ f, path }) => {
    const money = f.unit === undefined || f.unit === 'ore';
    const location: Record<string, unknown> = {};
    if (path) location.physicalLocation = { artifactLocation: { uri: uri(path) } };
    if (f.sheet) {
      const name = f.cell ?? (f.row ? `${f.row}:${f.row}` : '');
      location.logicalLocations = [{ fullyQualifiedName: name ? `${f.sheet}!${name}` : f.sheet, name: name || f.sheet, kind: 'element' }];
    }
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
      locations: Object.keys(location).length ? [location] : [],
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
