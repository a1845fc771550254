// The one builder of a file's report (engine, accounts check, crashed worker): its fields, their order, its findings.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config-core.js';
import { fileReport } from '../src/findings.js';
import type { Metadata } from '../src/model/types.js';
import { rawWorkbook } from './helpers/raw.js';

const field = <T>(value: T) => ({ value, sheet: 'Stamdata', row: 1, cell: 'B1', raw: String(value) });

describe('fileReport', () => {
  it('states the metadata, totals and chart in the JSON order, its findings finalised and sorted by sheet and row', () => {
    const metadata: Metadata = { applicant: field('Roskilde Kommune'), cvr: field('29189404'), unparsed: [], blank: [] };
    const workbook = rawWorkbook({ name: 'Stamdata', rows: [['x']] }, { name: 'Budget', rows: [['x']] });
    const r = fileReport(
      {
        path: 'b.xlsx',
        kind: 'budget',
        pool: 'recovery-2019',
        metadata,
        stated: { requested: 100 },
        totals: { expenses: 100 },
        raw: [
          { rule: 'structure/non-numeric-amount', sheet: 'Budget', row: 9, cell: 'C9', args: { text: 'x' } },
          { rule: 'structure/non-numeric-amount', sheet: 'Budget', row: 3, cell: 'C3', args: { text: 'x' } },
          { rule: 'structure/missing-metadata', sheet: 'Stamdata', row: 5, args: { fields: ['period'] } },
        ],
        workbook,
        chart: { months: [] },
      },
      DEFAULT_CONFIG,
      'da',
    );
    expect(Object.keys(JSON.parse(JSON.stringify(r)))).toEqual(['path', 'kind', 'pool', 'applicant', 'cvr', 'requested', 'totals', 'findings', 'chart']);
    expect([r.applicant, r.cvr, r.requested]).toEqual(['Roskilde Kommune', '29189404', 100]);
    expect(r.findings.map((f) => `${f.rule}@${f.sheet}:${f.row}`)).toEqual([
      'structure/missing-metadata@Stamdata:5',
      'structure/non-numeric-amount@Budget:3',
      'structure/non-numeric-amount@Budget:9',
    ]);
  });

  it('without metadata, totals or chart: no applicant, empty totals, no chart', () => {
    const r = fileReport(
      { path: 'x.xlsx', kind: 'unknown', raw: [{ rule: 'input/unreadable', args: { what: 'crash', error: 'boom' } }] },
      DEFAULT_CONFIG,
      'en',
    );
    expect(JSON.parse(JSON.stringify(r))).toMatchObject({ path: 'x.xlsx', kind: 'unknown', totals: {} });
    expect(Object.keys(JSON.parse(JSON.stringify(r)))).toEqual(['path', 'kind', 'totals', 'findings']);
    expect(r.findings.map((f) => f.rule)).toEqual(['input/unreadable']);
  });
});
