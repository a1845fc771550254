// A rich report for format tests: several files, every severity, pool findings, and hostile cell text.
import { finalise } from '../../src/check.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import type { Report } from '../../src/report/types.js';
import type { Lang } from '../../src/types.js';

export const HOSTILE = [
  '=HYPERLINK("http://x","klik")',
  '+SUM(1)',
  '-2+3',
  '@cmd',
  '<script>window.__pwned=1</script>',
  '"quotes" & <tags>',
  ']]>',
  'Æble, øl & ål',
];

export function sampleReport(lang: Lang = 'da'): Report {
  const fin = (raw: Parameters<typeof finalise>[0]) => finalise(raw, DEFAULT_CONFIG, lang);
  const files: Report['files'] = [
    {
      path: 'ansøgninger/roskilde.xlsx',
      kind: 'budget',
      pool: 'recovery-2019',
      applicant: HOSTILE[4],
      cvr: '29189404',
      requested: 150000000,
      totals: { expenses: 148500000 },
      findings: fin([
        { rule: 'distribution/sum-mismatch', sheet: 'Budget', row: 14, cell: 'AK14', post: HOSTILE[0], expected: 148500000, actual: 144000000 },
        {
          rule: 'itemisation/lump-sum-post',
          sheet: 'Budget',
          row: 15,
          cell: 'A15',
          post: HOSTILE[1],
          actual: 500000,
          args: { term: HOSTILE[2], itemised: false },
        },
        {
          rule: 'itemisation/missing-note',
          sheet: 'Budget',
          row: 16,
          cell: 'A16',
          post: HOSTILE[3],
          actual: 20000000,
          expected: 10000000,
          args: { hasNoteColumn: false },
        },
        { rule: 'eligibility/unclassified-expense', sheet: 'Budget', row: 17, cell: 'A17', post: HOSTILE[5], actual: 100000 },
      ]),
    },
    { path: 'ansøgninger/clean file.xlsx', kind: 'budget', pool: 'recovery-2019', applicant: 'Herning Kommune', totals: { expenses: 100000000 }, findings: [] },
    { path: 'ansøgninger/broken.xlsx', kind: 'unknown', totals: {}, findings: fin([{ rule: 'input/unreadable', args: { what: 'truncated' } }]) },
    {
      path: `ansøgninger/${HOSTILE[6]}.xlsx`,
      kind: 'budget',
      pool: 'recovery-2019',
      totals: { expenses: 1 },
      findings: fin([{ rule: 'structure/non-numeric-amount', sheet: HOSTILE[7], row: 3, cell: 'C3', args: { text: HOSTILE[4] } }]),
    },
  ];
  const findings = fin([
    { rule: 'pool/oversubscribed', expected: 1300000000, actual: 2600000000, args: { pool: 'recovery-2019', files: 3, over: 1300000000, ratio: 2 } },
  ]);
  const all = [...files.flatMap((f) => f.findings), ...findings];
  return {
    tool: { name: 'budgettjek', version: '0.1.0' },
    lang,
    files,
    findings,
    summary: {
      files: files.length,
      errors: all.filter((f) => f.severity === 'error').length,
      warnings: all.filter((f) => f.severity === 'warning').length,
      infos: all.filter((f) => f.severity === 'info').length,
    },
  };
}
