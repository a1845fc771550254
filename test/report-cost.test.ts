// The report stage written for 100.000 findings (issue 19): the same findings, order and JSON text as the plain
// versions it replaces — sorting with keys computed once, severities asked once per rule, JSON written per finding.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '../src/config-core.js';
import { finalise, sortFindings } from '../src/findings.js';
import { month, num } from '../src/i18n/format.js';
import { renderFinding } from '../src/i18n/index.js';
import { formatKr, groupDigits } from '../src/money.js';
import { compareText } from '../src/order.js';
import { colNumber } from '../src/read/address.js';
import { json, jsonChunks } from '../src/report/formatters/json.js';
import type { Report } from '../src/report/types.js';
import type { Finding, RawFinding } from '../src/types.js';
import { rawWorkbook } from './helpers/raw.js';

/** The comparator sortFindings had, keys built in every comparison: the reference order. */
function referenceSort(findings: RawFinding[], sheets: string[]): RawFinding[] {
  const order = new Map(sheets.map((s, i) => [s, i]));
  const sheetIdx = (f: RawFinding) => (f.sheet === undefined ? -1 : (order.get(f.sheet) ?? 1e6));
  const col = (f: RawFinding) => {
    const m = f.cell ? /^([A-Z]+)/.exec(f.cell) : null;
    return m ? colNumber(m[1]) : 0;
  };
  return [...findings].sort(
    (a, b) =>
      sheetIdx(a) - sheetIdx(b) ||
      compareText(a.sheet ?? '', b.sheet ?? '') ||
      (a.row ?? 0) - (b.row ?? 0) ||
      col(a) - col(b) ||
      compareText(a.rule, b.rule) ||
      compareText(a.post ?? '', b.post ?? '') ||
      compareText(String(a.actual ?? ''), String(b.actual ?? '')),
  );
}

const report = (findings: Finding[]): Report => ({
  tool: { name: 'budgettjek', version: '0.1.0' },
  lang: 'da',
  files: [{ path: 'b.xlsx', kind: 'budget', totals: {}, findings }],
  findings: findings.slice(0, 2),
  summary: { files: 1, errors: findings.length, warnings: 0, infos: 0 },
});

describe('the report of many findings', () => {
  it('sorts findings in the order of the comparator it replaces (property: sheets, rows, columns, rules, posts)', () => {
    const finding = fc.record(
      {
        rule: fc.constantFrom('itemisation/unit-price-mismatch', 'distribution/outside-period', 'cap/pool-exceeded'),
        sheet: fc.constantFrom('Budget', 'Stamdata', 'Andet', 'Åben'),
        row: fc.integer({ min: 1, max: 4 }),
        cell: fc.constantFrom('B2', 'Z2', 'AA2', 'AJ2', 'b2', ''),
        post: fc.constantFrom('Løn', 'løn', 'Kørsel'),
        actual: fc.integer({ min: -2, max: 2 }),
      },
      { requiredKeys: ['rule'] },
    );
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 40 }), (fs) => {
        const raw = fs as unknown as RawFinding[];
        const sorted = sortFindings(raw, rawWorkbook({ name: 'Stamdata', rows: [] }, { name: 'Budget', rows: [] }));
        expect(sorted).toEqual(referenceSort(raw, ['Stamdata', 'Budget']));
        sorted.forEach((f, i) => expect(f).toBe(referenceSort(raw, ['Stamdata', 'Budget'])[i]));
      }),
      { numRuns: 300, seed: 19 },
    );
  });

  it('gives each finding the configured severity: a rule off, a family, a finding of its own severity', () => {
    const config: Config = { ...DEFAULT_CONFIG, rules: { 'itemisation/no-unit-price': 'off', distribution: 'info' } };
    const raw: RawFinding[] = [
      { rule: 'itemisation/no-unit-price', sheet: 'Budget', row: 2, actual: 100 },
      { rule: 'distribution/negative-amount', sheet: 'Budget', row: 3, actual: -100, args: { count: 1 } },
      { rule: 'distribution/negative-amount', sheet: 'Budget', row: 4, actual: -100, args: { count: 1 }, severity: 'warning' },
      { rule: 'itemisation/salary-unspecified', sheet: 'Budget', row: 5, actual: 100 },
      { rule: 'itemisation/salary-unspecified', sheet: 'Budget', row: 6, actual: 100, severity: 'info' },
    ];
    const out = finalise(raw, config, 'da');
    expect(out.map((f) => `${f.row} ${f.severity}`)).toEqual(['3 info', '4 info', '5 error', '6 info']);
    expect(finalise(raw, DEFAULT_CONFIG, 'da').map((f) => `${f.row} ${f.severity}`)).toEqual(['2 warning', '3 error', '4 warning', '5 error', '6 info']);
  });

  it('renders a finding with its keys in the order of the raw finding, severity and message after, and one full stop', () => {
    const f = renderFinding({ rule: 'itemisation/no-unit-price', sheet: 'Budget', row: 2, cell: 'B2', actual: 123400 }, 'warning', 'da');
    expect(Object.keys(f)).toEqual(['rule', 'sheet', 'row', 'cell', 'actual', 'severity', 'message', 'hint']);
    expect(f.message).not.toMatch(/kr\.\./);
    expect(f.message).toContain('1.234 kr.');
  });

  it('writes JSON in pieces as JSON.stringify does, for odd findings too (NaN, null, units not text, no factors)', () => {
    const base = { rule: 'itemisation/unit-price-mismatch', severity: 'error', message: 'Linje "1"\n\t– æøå \u2028 \ud800', sheet: 'Budget', row: 2 } as const;
    const odd = [
      {
        ...base,
        cell: 'B2',
        post: 'Løn',
        expected: 181500,
        actual: 198000,
        factors: [
          { value: 33, unit: 'mdr.' },
          { value: 550000, money: true },
        ],
        hint: 'Ret.',
      },
      { ...base, expected: Number.NaN, actual: Infinity },
      { ...base, unit: 'count', expected: 1.5, actual: -0, factors: [] },
      { ...base, unit: 'percent', expected: 12.5 },
      { ...base, sheet: null, row: undefined, post: 7 },
      {
        ...base,
        factors: [
          { value: 2, unit: 5 },
          { value: 3, unit: { x: 1 } },
          { value: Number.NaN, unit: '' },
        ],
      },
      { ...base, factors: [{ unit: 'kr.' }], hint: true },
      { ...base, message: undefined },
    ] as unknown as Finding[];
    for (const r of [report(odd), report([]), report(odd.slice(0, 1))]) expect([...jsonChunks(r)].join('')).toBe(json(r, { lang: 'da', color: false }));
  });

  it('groups digits in threes as the regex did, and formats amounts and numbers with them', () => {
    const regex = (s: string, sep: string) => s.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 25 }), fc.constantFrom('.', ','), (s, sep) => {
        expect(groupDigits(s, sep)).toBe(regex(s, sep));
      }),
      { numRuns: 2000, seed: 19 },
    );
    for (const s of ['1e+21', '12345e7', 'NaN', 'Infinity', '123x4567']) expect(groupDigits(s, '.')).toBe(regex(s, '.'));
    expect(formatKr(-123456789012, 'da')).toBe('-1.234.567.890,12 kr.');
    expect(formatKr(100000, 'en')).toBe('1,000 kr.');
    expect(num(1234567.5, 'da')).toBe('1.234.567,5');
  });

  it('names months in each language, the same text each time it is asked', () => {
    for (let i = 0; i < 2; i++) {
      expect(month('2022-10', 'da')).toBe('oktober 2022');
      expect(month('2022-10', 'en')).toBe('October 2022');
      expect(month('2022-10–2022-12', 'da')).toBe('oktober 2022–december 2022');
      expect(month('snart', 'da')).toBe('snart');
      expect(month(undefined, 'da')).toBe('?');
    }
  });
});
