// Regressions of the ninth hidden-budget pass: quarter columns of a quarterly pool (fixtures/defs/hidden-writers-9.ts),
// by XlsxWriter, Gnumeric, LibreOffice and openpyxl. What one quarter holds is no recurring cost put in one period, and
// a finding about a quarter column says it is a quarter's (args.span 3). Asserted by rule@sheet:row and args.
import { beforeAll, describe, expect, it } from 'vitest';
import { hiddenWriter9Defs } from '../fixtures/defs/hidden-writers-9.js';
import { hiddenFixtures, type CheckedFixture } from './helpers/hidden-fixtures.js';

const { ensureBuilt, fixture } = hiddenFixtures(hiddenWriter9Defs);

beforeAll(ensureBuilt, 600_000);

const at = (f: CheckedFixture, rule: string, sheet: string, id: string) => `${rule}@${sheet}:${f.rowOf(sheet, id)}`;

describe('one quarter column of a quarterly pool (lokalplejehjem-2025)', () => {
  it.each(['xlsxwriter', 'openpyxl', 'libreoffice', 'gnumeric'])(
    'a substitute of 3 mdr. in one quarter, a course and an advertisement under the salary section: clean, 2.444.000 kr. (%s)',
    async (w) => {
      const f = await fixture(`hidden9-quarter-one-offs-${w}`);
      expect(f.at).toEqual([]);
      expect(f.expenses).toBe(2_444_000 * 100);
    },
  );

  it.each(['xlsxwriter', 'gnumeric'])(
    'near-miss: a salary of no stated length all in one quarter is a single-month warning naming the quarter (%s)',
    async (w) => {
      const f = await fixture(`hidden9-quarter-running-salary-${w}`);
      expect(f.at).toEqual([at(f, 'distribution/single-month', 'Budget', 'Løn nattevagt')]);
      const [single] = f.findings.filter((x) => x.rule === 'distribution/single-month');
      expect(single.args).toMatchObject({ month: '2025-07', span: 3 });
      expect(single.cell).toMatch(/^[A-Z]+\d+$/);
    },
  );

  it.each(['openpyxl', 'libreoffice'])('near-miss: a quarter header written twice is a duplicate quarter and a missing one (%s)', async (w) => {
    const f = await fixture(`hidden9-quarter-header-twice-${w}`);
    expect([...f.at].sort()).toEqual([at(f, 'structure/duplicate-month', 'Budget', 'header'), at(f, 'structure/missing-months', 'Budget', 'header')].sort());
    const dup = f.findings.find((x) => x.rule === 'structure/duplicate-month')!;
    expect(dup.args).toMatchObject({ month: '2025-01', span: 3 });
    const missing = f.findings.find((x) => x.rule === 'structure/missing-months')!;
    expect(missing.args).toMatchObject({ want: 'quarter', count: 1, months: ['2025-04–2025-06'] });
    expect([missing.expected, missing.actual]).toEqual([8, 7]);
  });
});

describe("quarters headed by each quarter's first day, and project years named '1. år' (familiehuse-2024, lokalplejehjem-2025)", () => {
  it.each(['xlsxwriter', 'openpyxl', 'libreoffice'])(
    'date cells 01.10.2024 … 01.10.2028 in a project from November 2024 are its 17 quarters: clean, 500.000 kr. (%s)',
    async (w) => {
      const f = await fixture(`hidden9-quarter-first-day-dates-${w}`);
      expect(f.at).toEqual([]);
      expect(f.expenses).toBe(500_000 * 100);
    },
  );

  it.each(['openpyxl', 'gnumeric'])("sheets '1. år' and '2. år' of bare K1 … K4 are the project years' quarters: clean, 56.000 kr. (%s)", async (w) => {
    const f = await fixture(`hidden9-project-year-sheets-numbered-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(56_000 * 100);
  });
});
