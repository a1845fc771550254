import { describe, expect, it } from 'vitest';
import { herningWithDefects, roskilde } from './helpers/example-budgets.js';
import { findBuiltinPool } from '../src/pools/index.js';
import { budgetWorkbook, check, CLEAN_LINES, errors, type LineSpec } from './helpers/budget.js';
import { argsOf } from './helpers/args.js';

const at = (findings: ReturnType<typeof check>, rule: string) => findings.filter((f) => f.rule === rule).map((f) => [f.sheet, f.row]);

function withLine(line: LineSpec, extra: Parameters<typeof budgetWorkbook>[0] = { lines: [] }) {
  const r = budgetWorkbook({ ...extra, lines: [...CLEAN_LINES, line] });
  return { f: check(r.wb), row: r.rowOf(line.post) };
}

describe('a clean, fully specified municipal budget of ten posts', () => {
  it('gets no error, no unit-price-mismatch and no warning', () => {
    const f = check(budgetWorkbook(roskilde).wb);
    expect(f).toEqual([]);
  });
});

describe('itemisation/*', () => {
  it.each(['Diverse', 'Overhead 7 %', 'Løn til medarbejdere', 'Uforudsete udgifter', 'Administrationsbidrag'])('lump-sum-post: %s', (post) => {
    const { f, row } = withLine({ post, monthly: 1000 });
    expect(at(f, 'itemisation/lump-sum-post')).toEqual([['Budget', row]]);
    expect(at(f, 'eligibility/ineligible-expense')).toEqual([]);
  });

  it('salary-unspecified when a salary line has no hours or rate; not when it has', () => {
    const bad = withLine({ post: 'Løn koordinator', monthly: 30000 });
    expect(at(bad.f, 'itemisation/salary-unspecified')).toEqual([['Budget', bad.row]]);
    const ok = withLine({ post: 'Løn koordinator', spec: '30 t/uge, 30.000 kr./md., 33 mdr.', monthly: 30000 });
    expect(at(ok.f, 'itemisation/salary-unspecified')).toEqual([]);
  });

  it('salary-unspecified reads post, specification and note each on its own: a number in the post does not hide the rate', () => {
    for (const post of ['Løn projektleder 1', 'Løn koordinator 2', 'Løn 2 medarbejdere']) {
      const ok = withLine({ post, spec: '33 mdr. à 1.000 kr.', note: 'Se ansøgningen', monthly: 1000 });
      expect(at(ok.f, 'itemisation/salary-unspecified'), post).toEqual([]);
    }
    const bad = withLine({ post: 'Løn projektleder 1', spec: 'Projektleder', note: 'Se ansøgningen', monthly: 1000 });
    expect(at(bad.f, 'itemisation/salary-unspecified')).toEqual([['Budget', bad.row]]);
  });

  it('a payroll tax or fee as a percent of an amount it states is specified: no salary-unspecified, no no-unit-price', () => {
    // 15,3 % af 1.728.000 kr. = 264.384 kr. over 33 months
    const tax = withLine({ post: 'Lønsumsafgift', spec: '15,3 % af lønsum 1.728.000 kr.', monthly: 8_012 });
    expect(at(tax.f, 'itemisation/salary-unspecified')).toEqual([]);
    expect(at(tax.f, 'itemisation/no-unit-price')).toEqual([]);
    const fee = withLine({ post: 'Administration af frivilligkorps', spec: '10 % af 24.000 kr.', monthly: 73 });
    expect(at(fee.f, 'itemisation/no-unit-price')).toEqual([]);
    // a percent of something that is no amount nor post specifies nothing
    const vague = withLine({ post: 'Lønsumsafgift', spec: '15,3 % af det hele', monthly: 8_012 });
    expect(at(vague.f, 'itemisation/salary-unspecified')).toEqual([['Budget', vague.row]]);
  });

  it('no-unit-price (a warning) for a line without units × price', () => {
    const { f, row } = withLine({ post: 'Materialer', spec: 'Til aktiviteter', monthly: 500 });
    expect(f.filter((x) => x.rule === 'itemisation/no-unit-price').map((x) => [x.severity, x.row])).toEqual([['warning', row]]);
  });

  it('no no-unit-price for a cost that is one fee by nature (the audit); still for another single amount', () => {
    const audit = withLine({ post: 'Revision af projektregnskabet', spec: 'Ekstern revisor', monthly: { 30: 25000 } });
    expect(at(audit.f, 'itemisation/no-unit-price')).toEqual([]);
    const other = withLine({ post: 'Konsulentbistand', spec: 'Ekstern konsulent', monthly: { 5: 25000 } });
    expect(at(other.f, 'itemisation/no-unit-price')).toEqual([['Budget', other.row]]);
  });

  it('unit-price-mismatch when the stated product differs from the line total', () => {
    const { f, row } = withLine({ post: 'Kursus i recovery', spec: '2 kurser à 40.000 kr.', monthly: { 2: 40000, 14: 30000 } });
    const hit = f.find((x) => x.rule === 'itemisation/unit-price-mismatch');
    expect(hit).toMatchObject({ sheet: 'Budget', row, expected: 8_000_000, actual: 7_000_000 });
  });

  it('no unit-price-mismatch for a line combined over year sheets whose specification speaks of the whole line', () => {
    const da = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
    const sheet = (year: number, n: number) => ({
      name: String(year),
      rows: [
        ['Budgetpost', 'Specifikation', ...da.slice(0, n), 'I alt'],
        ['Løn projektleder', '37 t/uge, 45.000 kr./md., 33 mdr.', ...Array(n).fill(45000), 45000 * n],
        ['Revision', '3 x 10.000 kr.', ...Array(n - 1).fill(undefined), 10000, 10000],
      ],
    });
    const { wb } = budgetWorkbook({
      lines: [],
      stamdata: false,
      financing: false,
      extraSheets: [sheet(2020, 12), sheet(2021, 12), sheet(2022, 9)],
      totalRow: false,
    });
    wb.sheets = wb.sheets.filter((s) => s.name !== 'Budget');
    expect(at(check(wb), 'itemisation/unit-price-mismatch')).toEqual([]);
  });
});

describe('eligibility/*', () => {
  it.each([
    ['Ombygning af mødelokale', 'construction'],
    ['Køb af ejendom til værested', 'property'],
    ['Dækning af underskud fra 2019', 'deficit'],
    ['Kursus for frivillige', 'volunteer-training'],
    ['Studietur til Grønland', 'abroad'],
    ['Bonus til medarbejdere', 'bonus'],
    ['Moms', 'vat'],
  ])('ineligible-expense: %s (%s)', (post) => {
    const { f, row } = withLine({ post, spec: '1 x 20.000 kr.', monthly: { 5: 20000 } });
    expect(at(f, 'eligibility/ineligible-expense')).toEqual([['Budget', row]]);
  });

  it('VAT is no ineligible expense in a pool whose applicants bear VAT', () => {
    const r = budgetWorkbook({ lines: [...CLEAN_LINES, { post: 'Moms', spec: '1 x 20.000 kr.', monthly: { 5: 20000 } }] });
    expect(at(check(r.wb, findBuiltinPool('15m-2013')!), 'eligibility/ineligible-expense')).toEqual([]);
  });

  it('equipment-cap when equipment in one project year exceeds 50.000 kr., not below', () => {
    const over = withLine({ post: 'Indkøb af bærbare computere', spec: '5 stk. à 12.000 kr.', monthly: { 1: 60000 } });
    expect(at(over.f, 'eligibility/equipment-cap')).toEqual([['Budget', over.row]]);
    const split = withLine({ post: 'Indkøb af bærbare computere', spec: '5 stk. à 12.000 kr.', monthly: { 1: 36000, 13: 24000 } });
    expect(at(split.f, 'eligibility/equipment-cap')).toEqual([]);
  });

  it('mileage-rate: above the highest low rate in force in any month the line spends in is an error', () => {
    // 2020–2022 rates: 1,96 · 1,90 · 1,98 and 2,17 from May 2022: 2,20 is above every one of them.
    const { f, row } = withLine({ post: 'Kørsel, koordinator', spec: '100 km/md. à 2,20 kr., 33 mdr.', monthly: 220 });
    expect(f.filter((x) => x.rule === 'eligibility/mileage-rate').map((x) => [x.severity, x.sheet, x.row, x.expected, x.actual])).toEqual([
      ['error', 'Budget', row, 217, 220],
    ]);
  });

  it('mileage-rate: above the rate of some of the months only (the rate changed during the project) is a warning', () => {
    const { f, row } = withLine({ post: 'Kørsel, koordinator', spec: '100 km/md. à 2,10 kr., 33 mdr.', monthly: 210 });
    expect(f.filter((x) => x.rule === 'eligibility/mileage-rate').map((x) => [x.severity, x.sheet, x.row, x.actual])).toEqual([
      ['warning', 'Budget', row, 210],
    ]);
    // 2,17 kr./km is allowed from May 2022: a line spending only then is fine.
    const late = withLine({ post: 'Kørsel, afslutning', spec: '100 km/md. à 2,17 kr., 5 mdr.', monthly: { 28: 217, 29: 217, 30: 217, 31: 217, 32: 217 } });
    expect(at(late.f, 'eligibility/mileage-rate')).toEqual([]);
    // … but the same rate on a line that also spends in April 2022 (1,98) is above the rate of one month only: a warning.
    const edge = withLine({
      post: 'Kørsel, afslutning',
      spec: '100 km/md. à 2,17 kr., 6 mdr.',
      monthly: { 27: 217, 28: 217, 29: 217, 30: 217, 31: 217, 32: 217 },
    });
    expect(edge.f.filter((x) => x.rule === 'eligibility/mileage-rate').map((x) => [x.severity, x.row, x.expected])).toEqual([['warning', edge.row, 198]]);
  });

  it('mileage-rate over two lower rates: the rate quoted with its own months, the other months apart', () => {
    // 1,97 kr./km in every month: over 1,96 (2020) and 1,90 (2021), not over 1,98 (2022 to April) nor 2,17
    const { f, row } = withLine({ post: 'Kørsel, mentor', spec: '100 km/md. à 1,97 kr., 33 mdr.', monthly: 197 });
    const m = f.find((x) => x.rule === 'eligibility/mileage-rate');
    expect([m?.severity, m?.row, m?.expected]).toEqual(['warning', row, 190]);
    expect(argsOf(m)).toMatchObject({ months: ['2021-01–2021-12'], alsoOver: ['2020-01–2020-12'] });
  });

  it('mileage-rate with the state rates of 2025 (2,23) and 2026 (2,28) kr./km', () => {
    const base = findBuiltinPool('recovery-2019')!;
    const pool = {
      ...base,
      period: { start: '2025-01', end: '2026-12' },
      mileageRates: [
        { from: '2025-01-01', rate: 2.23, source: 'Skatterådet 2025' },
        { from: '2026-01-01', rate: 2.28, source: 'Skatterådet 2026' },
      ],
    };
    const run = (rate: string, months: Record<number, number>) => {
      const r = budgetWorkbook({
        start: '2025-01',
        end: '2026-12',
        stamdata: { Projektperiode: '01.01.2025 – 31.12.2026' },
        lines: [
          { post: 'Revision', spec: '2 erklæringer à 10.000 kr.', monthly: { 11: 10000, 23: 10000 } },
          { post: 'Kørsel', spec: `100 km/md. à ${rate} kr.`, monthly: months },
        ],
      });
      return check(r.wb, pool)
        .filter((x) => x.rule === 'eligibility/mileage-rate')
        .map((x) => [x.severity, x.sheet, x.row, x.expected]);
    };
    const both = Object.fromEntries(Array.from({ length: 24 }, (_, i) => [i, 228]));
    expect(run('2,28', both)).toEqual([['warning', 'Budget', 3, 223]]); // above 2025's rate, not 2026's
    expect(run('2,29', both)).toEqual([['error', 'Budget', 3, 228]]); // above both
    expect(run('2,23', both)).toEqual([]);
    expect(run('2,28', Object.fromEntries(Array.from({ length: 12 }, (_, i) => [i + 12, 228])))).toEqual([]); // 2026 only
    expect(run('2,25', Object.fromEntries(Array.from({ length: 12 }, (_, i) => [i, 225])))).toEqual([['error', 'Budget', 3, 223]]); // 2025 only
  });

  it('missing-audit (a warning) without a Revision post', () => {
    const r = budgetWorkbook({ lines: CLEAN_LINES.filter((l) => l.post !== 'Revision') });
    expect(
      check(r.wb)
        .filter((x) => x.rule === 'eligibility/missing-audit')
        .map((x) => x.severity),
    ).toEqual(['warning']);
  });

  it('unclassified-expense (info) for a post no category fits', () => {
    const { f, row } = withLine({ post: 'Gizmo-projekt', spec: '2 x 1.000 kr.', monthly: { 3: 2000 } });
    expect(f.filter((x) => x.rule === 'eligibility/unclassified-expense').map((x) => [x.severity, x.row])).toEqual([['info', row]]);
  });
});

describe('the example with defects', () => {
  it('reports each planted defect at its row', () => {
    const r = budgetWorkbook(herningWithDefects);
    const f = check(r.wb);
    const expectAt = (rule: string, post: string) => expect(at(f, rule), `${rule} at ${post}`).toContainEqual(['Budget', r.rowOf(post)]);
    expectAt('distribution/sum-mismatch', 'Løn projektleder');
    expectAt('itemisation/lump-sum-post', 'Løn til medarbejdere');
    expectAt('itemisation/lump-sum-post', 'Diverse');
    expectAt('eligibility/equipment-cap', 'Indkøb af bærbare computere');
    expectAt('eligibility/mileage-rate', 'Kørsel');
    expectAt('eligibility/ineligible-expense', 'Ombygning af mødelokale');
    expectAt('distribution/sum-mismatch', 'Kursus for personalet');
    expect(at(f, 'itemisation/unit-price-mismatch')).toEqual([]); // each typed total is one root cause
    expectAt('distribution/single-month', 'Løn koordinator');
    expect(at(f, 'eligibility/vat-included')).toEqual([['Stamdata', 6]]);
    expect(at(f, 'cap/requested-mismatch')).toEqual([['Stamdata', 4]]);
    expect(errors(f).length).toBeGreaterThan(8);
  });
});

describe('VAT stated in a title or header', () => {
  it('finds "inkl. moms" above the table when there is no Moms field, and not "ekskl. moms"', () => {
    const incl = budgetWorkbook({ lines: CLEAN_LINES, titleRows: 2, stamdata: false });
    incl.wb.sheets.find((s) => s.name === 'Budget')!.rows.set(2, [{ row: 2, col: 1, value: 'Alle beløb er inkl. moms' }]);
    expect(at(check(incl.wb), 'eligibility/vat-included')).toEqual([['Budget', 2]]);
    const excl = budgetWorkbook({ lines: CLEAN_LINES, titleRows: 2, stamdata: false });
    excl.wb.sheets.find((s) => s.name === 'Budget')!.rows.set(2, [{ row: 2, col: 1, value: 'Alle beløb er ekskl. moms' }]);
    expect(at(check(excl.wb), 'eligibility/vat-included')).toEqual([]);
  });
});
