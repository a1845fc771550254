// Pools of today: the current SBST pools, national data as defaults, profile parameters, and profiles for other funders.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFile, checkFiles } from '../src/check.js';
import { builtinPools, findBuiltinPool, NATIONAL, parsePoolProfile, storedProfile, type PoolProfile } from '../src/pools/index.js';
import { loadPool } from '../src/pools/load.js';
import { poolProfileSchema } from '../src/pools/schema.js';
import { instructions } from '../src/template/budget.js';
import type { FileReport } from '../src/report/types.js';
import { accountsWorkbook, type AccountsSpec } from './helpers/accounts.js';
import { budgetWorkbook, check, CLEAN_LINES, ids, type BudgetSpec, type LineSpec } from './helpers/budget.js';
import { writeXlsx } from './helpers/xlsx.js';

const dir = mkdtempSync(join(tmpdir(), 'bt-pools-today-'));
const BIN = resolve('bin/budgettjek.js');
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const at = (findings: Array<{ rule: string; sheet?: string; row?: number }>, rule: string) =>
  findings.filter((f) => f.rule === rule).map((f) => [f.sheet, f.row]);

/** A user's profile: only the fields the issue names, and whatever else a test adds. */
const profile = (extra: Record<string, unknown> = {}) =>
  parsePoolProfile(
    {
      id: 'egen',
      name: 'Egen pulje',
      funds: 10_000_000,
      period: { start: '2020-01', end: '2022-09' },
      applicants: { type: 'municipality' },
      sources: [{ id: 'X', title: 'Eget opslag' }],
      ...extra,
    },
    '(test)',
  );

const example = (name: string) => resolve('examples/pools', name);

beforeAll(() => {
  if (!existsSync(resolve('dist/cli.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
});

describe('the current SBST pools (SPEC §1 "Pools of today")', () => {
  const p = (id: string) => findBuiltinPool(id)!;

  it('are built in beside the three seed pools: eight in all', () => {
    expect(builtinPools().map((x) => x.id)).toEqual([
      '15m-2013',
      'familiehuse-2024',
      'isolerede-2013',
      'lokalplejehjem-2025',
      'noedovernatning-2024',
      'puf-2024',
      'recovery-2019',
      'retshjaelp-2025',
    ]);
    const lines = run(['pools']).out.trim().split('\n');
    expect(lines).toHaveLength(1 + 8);
  });

  it('carry the figures of SPEC §1', () => {
    expect(p('puf-2024')).toMatchObject({
      funds: 51_300_000,
      period: { start: '2024-10', end: '2025-09' },
      granularity: 'quarter',
      applicants: { type: 'association' },
      vatEligible: true,
    });
    expect(p('puf-2024').financeLawAccount).toContain('§ 15.71.47.10');
    expect(p('lokalplejehjem-2025')).toMatchObject({
      funds: 30_900_000,
      applicants: { type: 'municipality', maxPerApplicant: 4_000_000, oneGrantPerApplicant: true },
      vatEligible: false,
    });
    expect(p('lokalplejehjem-2025').period).toBeUndefined();
    expect(p('familiehuse-2024')).toMatchObject({
      funds: 91_500_000,
      period: { start: '2024-11', end: '2028-12' },
      applicants: { type: 'municipality', oneGrantPerApplicant: true },
    });
    expect(p('noedovernatning-2024')).toMatchObject({ funds: 11_058_000, applicants: { type: 'any' } });
    expect(p('retshjaelp-2025')).toMatchObject({ funds: 4_753_000, applicants: { type: 'organisation' }, financeLawAccount: '§ 15.75.02.11' });
    for (const id of ['puf-2024', 'lokalplejehjem-2025', 'familiehuse-2024', 'noedovernatning-2024', 'retshjaelp-2025']) {
      expect(p(id).granularity, id).toBe('quarter');
      expect(p(id).overhead, id).toBe('none');
      expect(p(id).thresholds).toMatchObject({ deviationPercent: 10, deviationAmount: 100_000, equipmentKeepWithoutApproval: 10_000 });
    }
  });

  it('tie every figure to a source, and say in notes what the sources do not give', () => {
    for (const pool of builtinPools()) {
      const covered = (field: string) => pool.sources.some((s) => s.covers.some((c) => c === field || c.startsWith(`${field} `) || c.startsWith(`${field}:`)));
      expect(covered('funds'), `${pool.id} funds`).toBe(true);
      expect(covered('applicants'), `${pool.id} applicants`).toBe(true);
      if (pool.period) expect(covered('period'), `${pool.id} period`).toBe(true);
      else
        expect(
          pool.notes.some((n) => /projektperiode/i.test(n)),
          `${pool.id} notes the unknown period`,
        ).toBe(true);
      if (pool.granularity === 'quarter') expect(covered('granularity'), `${pool.id} granularity`).toBe(true);
      if (pool.applicants.maxPerApplicant !== undefined) expect(covered('applicants.maxPerApplicant')).toBe(true);
      if (pool.applicants.oneGrantPerApplicant) expect(covered('applicants.oneGrantPerApplicant'), `${pool.id} one grant`).toBe(true);
      if (pool.financeLawAccount) expect(covered('financeLawAccount'), `${pool.id} financeLawAccount`).toBe(true);
      for (const r of pool.mileageRates) expect(r.source.length).toBeGreaterThan(5);
    }
  });

  it("the budget form's instructions cite each pool's own sources by title, never a bare id", () => {
    for (const pool of builtinPools().filter((x) => x.period)) {
      for (const lang of ['da', 'en'] as const) {
        for (const [, source] of instructions(pool, lang).slice(1))
          expect(
            pool.sources.map((x) => x.title),
            `${pool.id}: ${source}`,
          ).toContain(source);
      }
    }
  });

  it('pools show prints each figure with its source', () => {
    const r = run(['pools', 'show', 'puf-2024']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Midler: 51\.300\.000 kr\. \[P2\]/);
    expect(r.out).toMatch(/Projektperiode: 2024-10 – 2025-09 \[P2\]/);
    expect(r.out).toMatch(/kvartaler.*\[P2, H8\]/);
    expect(r.out).toMatch(/2026-01-01 2,28 kr\.\/km — .*K1/);
    const l = run(['pools', 'show', 'lokalplejehjem-2025', '--lang', 'en']).out;
    expect(l).toMatch(/Most per applicant: 4,000,000 kr\. \[L3\]/); // amounts the English way in English
    expect(l).toMatch(/Project period: unknown/);
  });

  it('the quarterly pools accept a monthly budget, like a monthly pool (quarter columns: see the layouts issue)', async () => {
    const quarterly = await profile({ granularity: 'quarter' });
    const monthly = await profile({ granularity: 'month' });
    const { wb } = budgetWorkbook({ lines: CLEAN_LINES });
    expect(ids(check(wb, quarterly))).toEqual([]);
    expect(ids(check(wb, monthly))).toEqual([]);
  });

  it('lokalplejehjem-2025: more than 4,0 mio. kr. for one municipality is cap/application-limit', () => {
    const pool = findBuiltinPool('lokalplejehjem-2025')!;
    const spec = (monthly: number): BudgetSpec => ({
      lines: [{ post: 'Løn projektleder', spec: '37 t/uge, 45.000 kr./md., 33 mdr.', monthly, note: 'Note 1' }, CLEAN_LINES[2]],
    });
    const big = budgetWorkbook(spec(140_000)); // 4.653.000 kr.
    expect(at(check(big.wb, pool), 'cap/application-limit')).toEqual([['Stamdata', 4]]);
    const ok = budgetWorkbook(spec(100_000)); // 3.333.000 kr.
    expect(at(check(ok.wb, pool), 'cap/application-limit')).toEqual([]);
  });
});

describe('one grant per applicant', () => {
  it('the same CVR twice is pool/duplicate-applicant either way; under familiehuse-2024 it says the pool gives one grant each', async () => {
    const paths = [0, 1].map((i) => join(dir, `familiehus-${i}.xlsx`));
    const start = { start: '2025-01', end: '2026-12', stamdata: { Projektperiode: '01.01.2025 – 31.12.2026' } };
    for (const p of paths) await writeXlsx(budgetWorkbook({ ...start, lines: [CLEAN_LINES[0], CLEAN_LINES[2]] }).wb, p);
    const one = await checkFiles(paths, { pool: 'familiehuse-2024', jobs: 1 });
    expect(one.findings.find((f) => f.rule === 'pool/duplicate-applicant')?.args).toMatchObject({ cvr: '29189404', oneGrantPerApplicant: true });
    const any = await checkFiles(paths, { pool: 'recovery-2019', jobs: 1 });
    const dup = any.findings.find((f) => f.rule === 'pool/duplicate-applicant');
    expect(dup).toBeDefined();
    expect(dup?.args?.oneGrantPerApplicant).toBeUndefined();
  });
});

describe('national data: the defaults of every profile', () => {
  it("a user profile without km rates or lists gets the state rates 2017–2026 and SBST's lists", async () => {
    const p = await profile();
    expect(p.mileageRates).toEqual(NATIONAL.mileageRates);
    expect(p.mileageRates.find((r) => r.from === '2025-01-01')?.rate).toBe(2.23);
    expect(p.mileageRates.find((r) => r.from === '2026-01-01')?.rate).toBe(2.28);
    expect(p.mileageRates[0].from).toBe('2017-01-01');
    expect(p.ineligibleCategories).toEqual(expect.arrayContaining(['property', 'construction', 'bonus', 'vat', 'unforeseen']));
    expect(p.lumpSumTerms).toContain('uforudsete udgifter');
    expect(p.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['X', 'K1', 'S2']));
    expect(storedProfile(p).mileageRates).toBeUndefined();
  });

  it('a profile that sets its own rates or lists keeps them', async () => {
    const p = await profile({ mileageRates: [{ from: '2020-01-01', rate: 3.5, source: 'Fondens egen takst' }], ineligibleCategories: ['deficit'] });
    expect(p.mileageRates).toEqual([{ from: '2020-01-01', rate: 3.5, source: 'Fondens egen takst' }]);
    expect(p.ineligibleCategories).toEqual(['deficit']);
    const lines: LineSpec[] = [...CLEAN_LINES, { post: 'Kørsel til møder', spec: '100 km/md. à 3,50 kr., 33 mdr.', monthly: 350 }];
    expect(at(check(budgetWorkbook({ lines }).wb, p), 'eligibility/mileage-rate')).toEqual([]);
  });

  it('via the CLI, a YAML profile with only id, name, funds, period, applicants and sources flags 3,50 kr./km and an ineligible expense', async () => {
    const yaml = join(dir, 'kun-det-noedvendige.yaml');
    writeFileSync(
      yaml,
      'id: kun-det-noedvendige\nname: Kun det nødvendige\nfunds: 5000000\nperiod: { start: 2020-01, end: 2022-09 }\napplicants: { type: organisation }\nsources: [{ id: X, title: Eget opslag }]\n',
    );
    const r = budgetWorkbook({
      lines: [
        ...CLEAN_LINES,
        { post: 'Kørsel til møder', spec: '100 km/md. à 3,50 kr., 33 mdr.', monthly: 350 },
        { post: 'Køb af fast ejendom', spec: '1 lejlighed à 330.000 kr.', monthly: 10_000 },
      ],
    });
    const file = join(dir, 'national.xlsx');
    await writeXlsx(r.wb, file);
    const out = run(['check', '--pool', yaml, '--format', 'json', file]);
    expect(out.code).toBe(1);
    const findings = JSON.parse(out.out).files[0].findings as Array<{ rule: string; sheet: string; row: number }>;
    expect(at(findings, 'eligibility/mileage-rate')).toEqual([['Budget', r.rowOf('Kørsel til møder')]]);
    expect(at(findings, 'eligibility/ineligible-expense')).toEqual([['Budget', r.rowOf('Køb af fast ejendom')]]);
  });
});

describe('profiles round-trip and validate', () => {
  it('pools show ID --format json prints a profile that loads again with --pool FILE, for every built-in pool', async () => {
    for (const p of builtinPools()) {
      const r = run(['pools', 'show', p.id, '--format', 'json']);
      expect(r.code).toBe(0);
      const file = join(dir, `${p.id}.json`);
      writeFileSync(file, r.out);
      expect(await loadPool(file)).toEqual(p);
      expect(JSON.parse(r.out)).toEqual(storedProfile(p));
    }
  });

  it("pools show FILE validates a user's profile and shows it; an invalid one is exit 2 naming the field", () => {
    const ok = run(['pools', 'show', example('deff-overhead.yaml')]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Overhead: højst 20 % af lønudgifterne \[DEFF\]/);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'id: bad\nname: Bad\napplicants: { type: forening }\nsources: [{ id: X, title: Y }]\noverhead: { percent: 120, base: salaries }\n');
    const r = run(['pools', 'show', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/applicants\.type/);
    expect(run(['pools', 'show', 'no-such-pool']).code).toBe(2);
  });

  it('pools init writes a commented skeleton naming every field; as written it names what to fill in, filled in it loads with the national data', async () => {
    const file = join(dir, 'min-pulje.yaml');
    expect(run(['pools', 'init', '-o', file]).code).toBe(0);
    const text = readFileSync(file, 'utf8');
    const keys = (shape: Record<string, unknown>) => Object.keys(shape);
    const s = poolProfileSchema.shape;
    const nested = (z: unknown) => {
      let t = z as { def?: { innerType?: unknown; type?: string; shape?: unknown }; shape?: Record<string, unknown> };
      while (t.def?.innerType) t = t.def.innerType as typeof t;
      return t.shape ? keys(t.shape) : [];
    };
    for (const k of [...keys(s), ...nested(s.applicants), ...nested(s.thresholds), ...nested(s.deviation)])
      expect(text, k).toMatch(new RegExp(`^#?\\s*${k}:`, 'm'));
    expect(text).toMatch(/^id: min-pulje/m);
    expect(run(['pools', 'init', '-o', file]).code).toBe(2); // never overwrites without --force
    const asWritten = run(['pools', 'show', file]);
    expect(asWritten.code).toBe(2);
    for (const field of ['name', 'applicants.type', 'sources']) expect(asWritten.err).toContain(field);
    writeFileSync(
      file,
      text
        .replace(/^name:/m, 'name: Min pulje')
        .replace(/^ {2}type:/m, '  type: association')
        .replace(/^sources:/m, 'sources: [{ id: F1, title: Fondens opslag }]'),
    );
    expect(run(['pools', 'show', file]).code).toBe(0);
    const p = await loadPool(file);
    expect(p).toMatchObject({ id: 'min-pulje', vatEligible: true, granularity: 'month', overhead: 'none' });
    expect(p.mileageRates).toEqual(NATIONAL.mileageRates);
  });
});

describe('the worked examples under examples/pools', () => {
  let amp: PoolProfile;
  let deff: PoolProfile;
  beforeAll(async () => {
    amp = await loadPool(example('arbejdsmiljoepuljen.yaml'));
    deff = await loadPool(example('deff-overhead.yaml'));
  });

  const salary = (monthly: number): LineSpec => ({
    post: 'Løn projektleder',
    spec: `8 t/uge, ${monthly.toLocaleString('da-DK')} kr./md., 33 mdr.`,
    monthly,
    note: 'Note 1: projektleder',
  });
  const audit = CLEAN_LINES[2];

  it('Arbejdsmiljøpuljen: a budget asking 80 % passes; asking the whole cost is cap/co-financing (and passes an SBST pool)', () => {
    const lines = [salary(10_000), audit]; // 363.000 kr.
    const expenses = 363_000;
    const asked = expenses * 0.8;
    const part = budgetWorkbook({
      lines,
      financing: [
        ['Ansøgt tilskud', asked],
        ['Egenfinansiering', expenses - asked],
      ],
      stamdata: { 'Ansøgt beløb': asked },
    });
    expect(ids(check(part.wb, amp))).toEqual([]);
    const whole = budgetWorkbook({ lines });
    expect(at(check(whole.wb, amp), 'cap/co-financing')).toEqual([['Budget', whole.rowOf('Ansøgt tilskud')]]);
    expect(check(whole.wb, amp).find((f) => f.rule === 'cap/co-financing')).toMatchObject({ expected: Math.floor(expenses * 80), actual: expenses * 100 });
    expect(ids(check(whole.wb))).toEqual([]);
  });

  it('Arbejdsmiljøpuljen: more than 500.000 kr. asked is cap/application-limit; stated without a financing section, 80 % is not a requested-mismatch', () => {
    const big = budgetWorkbook({ lines: [salary(20_000), audit], financing: false, stamdata: { 'Ansøgt beløb': 600_000 } }); // 693.000 kr.
    const f = check(big.wb, amp);
    expect(at(f, 'cap/application-limit')).toEqual([['Stamdata', 4]]);
    expect(at(f, 'cap/requested-mismatch')).toEqual([]);
    expect(at(f, 'cap/co-financing')).toEqual([['Stamdata', 4]]); // 600.000 > 80 % of 693.000
  });

  it('DEFF: overhead of 20 % of salaries passes; 25 % is eligibility/overhead-limit; under SBST overhead is a lump sum', () => {
    const oh = (monthly: number): LineSpec => ({
      post: 'Overhead',
      spec: 'Indirekte omkostninger af lønsummen',
      monthly,
      note: 'Note 2: husleje, IT og ledelse',
    });
    const ok = budgetWorkbook({ lines: [salary(20_000), oh(4_000), audit] });
    expect(ids(check(ok.wb, deff))).toEqual([]);
    const over = budgetWorkbook({ lines: [salary(20_000), oh(5_000), audit] });
    expect(at(check(over.wb, deff), 'eligibility/overhead-limit')).toEqual([['Budget', over.rowOf('Overhead')]]);
    expect(check(over.wb, deff).find((f) => f.rule === 'eligibility/overhead-limit')).toMatchObject({ expected: 660_000 * 20, actual: 165_000 * 100 });
    const sbst = check(ok.wb, findBuiltinPool('recovery-2019')!);
    expect(at(sbst, 'itemisation/lump-sum-post')).toEqual([['Budget', ok.rowOf('Overhead')]]);
    expect(at(sbst, 'eligibility/overhead-limit')).toEqual([]);
  });

  it('README shows both examples', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain('examples/pools/arbejdsmiljoepuljen.yaml');
    expect(readme).toContain('examples/pools/deff-overhead.yaml');
  });
});

describe('one budget, two profiles: each parameter decides', () => {
  it('co-financing: an own share under the minimum percent is cap/co-financing at the own-financing line', async () => {
    const expenses = 1_549_350;
    const spec = (own: number): BudgetSpec => ({
      lines: CLEAN_LINES,
      financing: [
        ['Ansøgt tilskud', expenses - own],
        ['Egenfinansiering', own],
      ],
      stamdata: { 'Ansøgt beløb': expenses - own },
    });
    const strict = await profile({ coFinancing: { minOwnSharePercent: 20 } });
    const low = budgetWorkbook(spec(154_935));
    expect(at(check(low.wb, strict), 'cap/co-financing')).toEqual([['Budget', low.rowOf('Egenfinansiering')]]);
    expect(ids(check(low.wb, await profile()))).toEqual([]);
    const enough = budgetWorkbook(spec(309_870));
    expect(at(check(enough.wb, strict), 'cap/co-financing')).toEqual([]);
  });

  it("funds: where the grant covers part of the costs, the pool's funds bound the grant asked for, not the expenses", async () => {
    const expenses = 1_549_350;
    const { wb } = budgetWorkbook({
      lines: CLEAN_LINES,
      financing: [
        ['Ansøgt tilskud', expenses * 0.8],
        ['Egenfinansiering', expenses * 0.2],
      ],
      stamdata: { 'Ansøgt beløb': expenses * 0.8 },
    });
    expect(at(check(wb, await profile({ funds: 1_400_000 })), 'cap/pool-exceeded')).toHaveLength(1);
    expect(ids(check(wb, await profile({ funds: 1_400_000, coFinancing: { subsidyPercent: 80 } })))).toEqual([]);
  });

  it('VAT: a budget stated incl. moms is eligibility/vat-included for a municipality, not for an association', async () => {
    const { wb } = budgetWorkbook({ lines: CLEAN_LINES, stamdata: { Moms: 'inkl. moms' } });
    const municipality = await profile({ applicants: { type: 'municipality' } });
    const association = await profile({ applicants: { type: 'association' } });
    expect(municipality.vatEligible).toBe(false);
    expect(association.vatEligible).toBe(true);
    expect(at(check(wb, municipality), 'eligibility/vat-included')).toEqual([['Stamdata', 6]]);
    expect(ids(check(wb, association))).toEqual([]);
  });
});

describe("accounts follow the profile's deviation rule", () => {
  let n = 0;
  const approved = join(dir, 'godkendt.xlsx');
  async function accounts(spec: AccountsSpec, pool: string, budget?: string): Promise<{ report: FileReport; rowOf: (p: string) => number }> {
    const a = accountsWorkbook(spec);
    const p = join(dir, `regnskab-${n++}.xlsx`);
    await writeXlsx(a.wb, p);
    return { report: await checkFile(p, { pool, budget }), rowOf: a.rowOf };
  }
  const poolFile = (name: string, extra: Record<string, unknown>) => {
    const f = join(dir, `${name}.json`);
    writeFileSync(f, JSON.stringify({ ...storedProfile(findBuiltinPool('recovery-2019')!), id: name, ...extra }));
    return f;
  };
  beforeAll(async () => {
    await writeXlsx(budgetWorkbook({ lines: CLEAN_LINES }).wb, approved);
  });

  it('10 % vs 20 %: a post 15 % over needs approval under SBST, not under Arbejdsmiljøpuljen', async () => {
    const posts = [
      { post: 'Løn projektleder', budget: 1_485_000, actual: 1_485_000 },
      { post: 'Kørsel', budget: 31_350, actual: 36_050, explanation: 'Flere besøg end planlagt' },
      { post: 'Revision', budget: 33_000, actual: 33_000 },
    ];
    const sbst = await accounts({ posts }, 'recovery-2019');
    expect(at(sbst.report.findings, 'accounts/deviation-needs-approval')).toEqual([['Regnskab', sbst.rowOf('Kørsel')]]);
    const amp = await accounts({ posts }, example('arbejdsmiljoepuljen.yaml'));
    expect(amp.report.findings.filter((f) => f.rule.startsWith('accounts/deviation') || f.rule === 'accounts/missing-explanation')).toEqual([]);
  });

  it('an amount limit of null: a post 5 % but 150.000 kr. over needs approval under SBST only', async () => {
    const posts = [
      { post: 'Løn projektleder', budget: 3_000_000, actual: 3_150_000, explanation: 'Overenskomstregulering' },
      { post: 'Revision', budget: 33_000, actual: 33_000 },
    ];
    const sbst = await accounts({ posts }, 'recovery-2019');
    expect(at(sbst.report.findings, 'accounts/deviation-needs-approval')).toEqual([['Regnskab', sbst.rowOf('Løn projektleder')]]);
    const amp = await accounts({ posts }, example('arbejdsmiljoepuljen.yaml'));
    expect(at(amp.report.findings, 'accounts/deviation-needs-approval')).toEqual([]);
  });

  it('per post vs per main line: posts that even out within "1. Løn" pass per main line; the other main line is reported once', async () => {
    const posts = [
      { post: '1. Løn', budget: undefined, actual: undefined },
      { post: 'Projektleder', budget: 500_000, actual: 560_000, explanation: 'Flere timer' },
      { post: 'Projektmedarbejder', budget: 400_000, actual: 345_000, explanation: 'Færre timer' },
      { post: '2. Aktiviteter', budget: undefined, actual: undefined },
      { post: 'Kurser', budget: 50_000, actual: 80_000, explanation: 'Flere kurser' },
      { post: 'Materialer', budget: 20_000, actual: 20_000 },
    ];
    const perPost = await accounts({ posts }, poolFile('per-post', {}));
    expect(at(perPost.report.findings, 'accounts/deviation-needs-approval')).toEqual([
      ['Regnskab', perPost.rowOf('Projektleder')],
      ['Regnskab', perPost.rowOf('Projektmedarbejder')],
      ['Regnskab', perPost.rowOf('Kurser')],
    ]);
    const perMain = await accounts({ posts }, poolFile('per-main-line', { deviation: { per: 'main-line' } }));
    expect(at(perMain.report.findings, 'accounts/deviation-needs-approval')).toEqual([['Regnskab', perMain.rowOf('Kurser')]]);
    expect(perMain.report.findings.find((f) => f.rule === 'accounts/deviation-needs-approval')).toMatchObject({ expected: 7_000_000, actual: 10_000_000 });
  });

  it('salary lines: a 1 % change to a salary post needs approval only where every salary change does', async () => {
    const posts = [
      { post: 'Løn projektleder', budget: 1_485_000, actual: 1_470_000, explanation: 'Lidt færre timer' },
      { post: 'Revision', budget: 33_000, actual: 33_000 },
    ];
    const sbst = await accounts({ posts }, 'recovery-2019');
    expect(at(sbst.report.findings, 'accounts/deviation-needs-approval')).toEqual([]);
    const dh = await accounts({ posts }, poolFile('dh-like', { deviation: { salaryLineChanges: true } }));
    expect(at(dh.report.findings, 'accounts/deviation-needs-approval')).toEqual([['Regnskab', dh.rowOf('Løn projektleder')]]);
  });

  it('new posts: a small post outside the approved budget needs approval under SBST, not where only large ones do', async () => {
    const posts = [
      { post: 'Løn projektleder', budget: 1_485_000, actual: 1_485_000 },
      { post: 'Kørsel', budget: 31_350, actual: 31_350 },
      { post: 'Revision', budget: 33_000, actual: 33_000 },
      { post: 'Julefrokost', budget: undefined, actual: 8_000 },
    ];
    const sbst = await accounts({ posts }, 'recovery-2019', approved);
    expect(at(sbst.report.findings, 'accounts/unbudgeted-post')).toEqual([['Regnskab', sbst.rowOf('Julefrokost')]]);
    const lax = poolFile('lax-new-posts', { deviation: { newPosts: false } });
    const small = await accounts({ posts }, lax, approved);
    expect(at(small.report.findings, 'accounts/unbudgeted-post')).toEqual([]);
    const alone = await accounts({ posts }, lax);
    expect(at(alone.report.findings, 'accounts/unbudgeted-post')).toEqual([]);
    const big = await accounts({ posts: [...posts.slice(0, 3), { post: 'Nyt IT-system', budget: undefined, actual: 150_000 }] }, lax, approved);
    expect(at(big.report.findings, 'accounts/unbudgeted-post')).toEqual([['Regnskab', big.rowOf('Nyt IT-system')]]);
  });

  // The approved budget: Løn projektleder 1.485.000, Kørsel 31.350, Revision 33.000 kr. (CLEAN_LINES).
  const missing = (report: FileReport) => report.findings.filter((f) => f.rule === 'accounts/deviation-needs-approval' && f.args?.reason === 'missing-post');

  it('an approved post left out of the accounts is a deviation of all of it, at the header, found once', async () => {
    const posts = [
      { post: 'Løn projektleder', budget: 1_485_000, actual: 1_485_000 },
      { post: 'Kørsel', budget: 31_350, actual: 31_350 },
    ];
    const a = await accounts({ posts }, 'recovery-2019', approved);
    expect(missing(a.report).map((f) => [f.sheet, f.row, f.cell, f.post, f.expected, f.actual])).toEqual([['Regnskab', 2, 'A2', 'Revision', 3_300_000, 0]]);
    expect(at(a.report.findings, 'accounts/deviation-needs-approval')).toHaveLength(1);
    expect(at(a.report.findings, 'accounts/missing-explanation')).toEqual([]); // no row to explain it on: one finding
    // per main line: Revision is under no section of the approved budget, so it is its own main line, left out
    const perMain = await accounts(
      { posts: [{ post: '1. Løn', budget: undefined, actual: undefined }, ...posts] },
      poolFile('per-main-line-missing', { deviation: { per: 'main-line' } }),
      approved,
    );
    expect(missing(perMain.report).map((f) => f.post)).toEqual(['Revision']);
  });

  it('near-miss: a post in the accounts with 0 kr. is its own row (two findings there), not a missing post', async () => {
    const posts = [
      { post: 'Løn projektleder', budget: 1_485_000, actual: 1_485_000 },
      { post: 'Kørsel', budget: 31_350, actual: 31_350 },
      { post: 'Revision', budget: 33_000, actual: 0 },
    ];
    const a = await accounts({ posts }, 'recovery-2019', approved);
    expect(missing(a.report)).toEqual([]);
    expect(at(a.report.findings, 'accounts/deviation-needs-approval')).toEqual([['Regnskab', a.rowOf('Revision')]]);
  });

  it('near-miss: accounts in a structure of their own (no post pairs) get unbudgeted-post, not a missing post for every line', async () => {
    const posts = [
      { post: 'Personale', budget: 1_485_000, actual: 1_485_000 },
      { post: 'Transport', budget: 31_350, actual: 31_350 },
      { post: 'Revisor', budget: 33_000, actual: 33_000 },
    ];
    const a = await accounts({ posts }, 'recovery-2019', approved);
    expect(missing(a.report)).toEqual([]);
    expect(at(a.report.findings, 'accounts/unbudgeted-post')).toHaveLength(3);
  });

  it('near-miss: an approved post renamed in the accounts with another budget is accounts/unbudgeted-post alone', async () => {
    const posts = [
      { post: 'Løn projektleder', budget: 1_485_000, actual: 1_485_000 },
      { post: 'Kørsel', budget: 31_350, actual: 31_350 },
      { post: 'Revisionsydelser', budget: 40_000, actual: 33_000 },
    ];
    const a = await accounts({ posts }, 'recovery-2019', approved);
    expect(missing(a.report)).toEqual([]);
    expect(at(a.report.findings, 'accounts/unbudgeted-post')).toEqual([['Regnskab', a.rowOf('Revisionsydelser')]]);
  });
});
