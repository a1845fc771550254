// Reports of any size (issue 11, item 10): no spread of an unbounded array into one call, and a JSON report
// streamed to its destination in pieces, byte for byte the text the one-string formatter gives.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRules } from '../src/check.js';
import { writeOutput, type Io } from '../src/cli/io.js';
import { writeFileAtomic } from '../src/cli/safe-write.js';
import { json, jsonChunks } from '../src/report/formatters/json.js';
import { text } from '../src/report/formatters/text.js';
import type { Report } from '../src/report/types.js';
import type { AnyRule, RuleContext } from '../src/rules/types.js';
import type { Finding } from '../src/types.js';
import { sampleReport } from './helpers/sample-report.js';

const dir = mkdtempSync(join(tmpdir(), 'bt-large-'));

function many(n: number): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < n; i++)
    out.push({
      rule: 'itemisation/no-unit-price',
      severity: 'warning',
      message: `Post ${i} har ingen enhedspris.`,
      sheet: 'Budget',
      row: i + 2,
      cell: `A${i + 2}`,
      post: `Post ${i}`,
    });
  return out;
}

function bigReport(n: number): Report {
  const findings = many(n);
  return {
    tool: { name: 'budgettjek', version: '0.1.0' },
    lang: 'da',
    files: [{ path: 'stor.xlsx', kind: 'budget', pool: 'recovery-2019', totals: { expenses: 100 }, findings }],
    findings: [],
    summary: { files: 1, errors: 0, warnings: n, infos: 0 },
  };
}

describe('large reports', () => {
  it('a rule with 300.000 findings is reported whole, not as internal/rule-failed', () => {
    const rule: AnyRule = { id: 'itemisation/no-unit-price', severity: 'warning', scope: 'budget', check: () => many(300_000) };
    const out = runRules([rule], {} as RuleContext);
    expect(out).toHaveLength(300_000);
    expect(out.some((f) => f.rule === 'internal/rule-failed')).toBe(false);
  });

  it('the text report of a file with 300.000 findings is written (no stack overflow)', () => {
    const t = text(bigReport(300_000), { lang: 'da', color: false });
    expect(t.split('\n').filter((l) => l.includes('itemisation/no-unit-price'))).toHaveLength(300_000);
  });

  it('JSON in pieces is the same text as the one-string JSON, for the sample and a large report', () => {
    for (const report of [sampleReport('da'), sampleReport('en'), bigReport(5_000)])
      expect([...jsonChunks(report)].join('')).toBe(json(report, { lang: 'da', color: false }));
  });

  it('streams a JSON report to a file and to stdout in pieces of about a megabyte, never as one string', () => {
    const report = bigReport(200_000);
    const file = join(dir, 'r.json');
    writeFileAtomic(file, jsonChunks(report));
    const written = readFileSync(file, 'utf8');
    expect(JSON.parse(written).files[0].findings).toHaveLength(200_000);
    const pieces: string[] = [];
    const io: Io = { stdout: (s) => pieces.push(s), stderr: () => undefined, isTTY: false, stderrTTY: false, env: {} };
    writeOutput(jsonChunks(report), undefined, io);
    expect(pieces.length).toBeGreaterThan(10);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(3 << 20);
    expect(pieces.join('')).toBe(written);
  });
});
