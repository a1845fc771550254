// JUnit XML: a suite per file, a failing case per error, passing cases for warnings/infos, one passing case for a clean file.
import { escapeXml } from '../escape.js';
import { labelsFor } from '../../i18n/languages.js';
import type { Finding } from '../../types.js';
import type { Formatter } from './types.js';

function caseName(f: Finding): string {
  const where = f.sheet ? `${f.sheet}!${f.cell ?? (f.row ? `${f.row}:${f.row}` : '')}` : '';
  return [where, f.post].filter(Boolean).join(' ') || f.rule;
}

function testcase(f: Finding): string {
  const attrs = `classname="${escapeXml(f.rule)}" name="${escapeXml(caseName(f))}"`;
  const text = escapeXml([f.message, f.hint].filter(Boolean).join('\n'));
  if (f.severity === 'error')
    return `    <testcase ${attrs}>\n      <failure message="${escapeXml(f.message)}" type="${escapeXml(f.rule)}">${text}</failure>\n    </testcase>`;
  return `    <testcase ${attrs}>\n      <system-out>${escapeXml(`${f.severity}: ${f.message}`)}</system-out>\n    </testcase>`;
}

function suite(name: string, findings: Finding[], cleanName: string): { xml: string; tests: number; failures: number } {
  const cases = findings.length ? findings.map(testcase) : [`    <testcase classname="budgettjek" name="${escapeXml(cleanName)}"/>`];
  const failures = findings.filter((f) => f.severity === 'error').length;
  return {
    xml: `  <testsuite name="${escapeXml(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`,
    tests: cases.length,
    failures,
  };
}

export const junit: Formatter = (report, { lang }) => {
  const suites = report.files.map((f) => suite(f.path, f.findings, labelsFor(lang).report.noErrors));
  if (report.findings.length) suites.push(suite(labelsFor(lang).report.pool, report.findings, labelsFor(lang).report.noErrors));
  const tests = suites.reduce((s, x) => s + x.tests, 0);
  const failures = suites.reduce((s, x) => s + x.failures, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="budgettjek" tests="${tests}" failures="${failures}" errors="0">\n${suites.map((s) => s.xml).join('\n')}\n</testsuites>\n`;
};
