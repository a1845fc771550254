// Builds clean budgets from one base definition by varying, independently, the writer, the pool, months or quarters,
// one sheet or year sheets (± a summary sheet of cross-sheet formulas), sections and subtotals, quantity columns,
// specifications in text, a financing section, totals as formulas or typed values; a seeded sample of the product is
// written and can be checked in one batch per pool (the budgets say no Pulje when they are CSV):
//   node --import tsx scripts/clean-combos.ts [--out dir] [--n 300] [--seed 1]
// then: node bin/budgettjek.js check DIR/POOL --pool POOL --format json -o out.json
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { colLetters } from '../src/read/address.js';
import { buildAll } from '../fixtures/lib/budget.js';
import { monthRange } from '../fixtures/lib/months.js';
import type { FixtureDef, GCell, GridRow, GridSheet, MetadataDef, Writer } from '../fixtures/lib/types.js';
import {
  gridBudget,
  monthPeriods,
  quarterPeriods,
  withFinancing,
  type Built,
  type GLine,
  type GOpts,
  type GRowDef,
  type QuarterStyle,
} from '../fixtures/defs/grid.js';
import { rng } from '../test/helpers/mutate.js'; // mulberry32: a sample is the same on every run

export interface Combo {
  writer: Writer;
  pool: string;
  periods: 'month' | QuarterStyle;
  sheets: 'one' | 'years' | 'years+summary';
  sections: boolean;
  qty: 'none' | 'antal' | 'mixed';
  spec: boolean;
  financing: boolean;
  typed: boolean;
  metadata: boolean;
  /** Month headers as text ('jan 2025') or date cells (not in a CSV). */
  dates: boolean;
  /** The line total's header. */
  totalLabel: 'I alt' | 'Total' | 'Budget i alt';
  metaSheet: 'Stamdata' | 'Forside' | 'Oplysninger';
  /** Moms stated as 'inkl. moms' where the pool pays VAT and the applicant is not a municipality. */
  vatIncluded: boolean;
  /** Numbered posts and sections ('1.1 Projektleder', '1. Løn'). */
  numbered?: boolean;
  /** An Excel table (ListObject) over the lines, its totals row the I alt (XlsxWriter and openpyxl, no sections). */
  table?: boolean;
  /** More posts: a course for the staff, a laptop a year (equipment under the cap), advertising, a speaker's fee. */
  extras?: boolean;
  /** Salaries specified as '37 t/uge, 32.000 kr./md., N mdr.' instead of hours (in the text specification). */
  monthlySalary?: boolean;
  /** Own financing beside the grant: the requested amount is the expenses less it. */
  ownFinancing?: boolean;
  /** Driving of 333 km a month: amounts in øre. */
  oddKm?: boolean;
  /** A blank row before each section and before the I alt. */
  blankRows?: boolean;
  /** The total column right after the post, left of the specification and the periods. */
  totalFirst?: boolean;
  /** A title block above the header: the form's name, a blank row, an instruction paragraph merged over three rows
   * that names the columns ('Budgetpost', 'I alt'), a blank row: the header in row 7. */
  titleBlock?: boolean;
  /** A pension line under the salaries, specified as a percent of the project leader's salary ('12 % af løn til
   * projektleder'). */
  pension?: boolean;
  /** A near-miss: the driving line's first period holds this text instead of its amount. */
  textAmount?: string;
  /** A near-miss: driving priced at this rate (kr. pr. km) instead of the legal one. */
  kmRate?: number;
}

interface PoolInfo {
  from: string;
  to: string;
  monthOnly: boolean;
  applicant: string;
  pulje: string;
  period: string;
}

const POOLS: Record<string, PoolInfo> = {
  'recovery-2019': {
    from: '2020-01',
    to: '2022-09',
    monthOnly: true,
    applicant: 'Odense Kommune',
    pulje: 'Social investeringspulje til recovery og rehabilitering',
    period: '01.01.2020 – 30.09.2022',
  },
  'puf-2024': { from: '2024-10', to: '2025-09', monthOnly: false, applicant: 'Foreningen Værestedet', pulje: 'PUF', period: '01.10.2024 – 30.09.2025' },
  'lokalplejehjem-2025': {
    from: '2025-01',
    to: '2026-12',
    monthOnly: false,
    applicant: 'Holstebro Kommune',
    pulje: 'Kommunernes etablering af lokalplejehjem',
    period: '01.01.2025 – 31.12.2026',
  },
  'familiehuse-2024': {
    from: '2024-11',
    to: '2028-12',
    monthOnly: false,
    applicant: 'Viborg Kommune',
    pulje: 'Udbredelse af familiehuse',
    period: '01.11.2024 – 31.12.2028',
  },
  'noedovernatning-2024': {
    from: '2025-01',
    to: '2026-12',
    monthOnly: false,
    applicant: 'Randers Kommune',
    pulje: 'Midlertidige nødovernatningstilbud',
    period: '01.01.2025 – 31.12.2026',
  },
  'retshjaelp-2025': {
    from: '2025-01',
    to: '2026-12',
    monthOnly: false,
    applicant: 'Gadejuristen',
    pulje: 'Retshjælp på gadeplan',
    period: '01.01.2025 – 31.12.2026',
  },
};

/** Pools that pay VAT, whose applicants here are not municipalities (a municipality gets VAT refunded). */
const VAT_POOLS = new Set(['puf-2024', 'retshjaelp-2025']);

const national = JSON.parse(readFileSync(new URL('../src/pools/national.json', import.meta.url), 'utf8')) as {
  mileageRates: Array<{ from: string; rate: number }>;
};

/** The lowest legal mileage rate in force at some time in the given years (the rate a budget may use all year). */
export function mileageRate(years: number[]): number {
  const rates: number[] = [];
  for (const y of years) {
    const before = national.mileageRates.filter((r) => r.from <= `${y}-01-01`).pop();
    if (before) rates.push(before.rate);
    for (const r of national.mileageRates) if (r.from.startsWith(String(y))) rates.push(r.rate);
  }
  return Math.min(...rates);
}

const months = (from: string, to: string): string[] => monthRange(from, to);

const fmt = (n: number) => n.toLocaleString('da-DK', { maximumFractionDigits: 2 });

/** One budget sheet over the months from..to (a whole budget, or one year of it). */
function budgetSheet(c: Combo, name: string, from: string, to: string, title: string, wholeMonths: number): Built {
  const ms = months(from, to);
  const years = [...new Set(ms.map((m) => Number(m.slice(0, 4))))];
  // quarters from the one the period starts in (a project from November has the fourth quarter)
  const qFrom = `${from.slice(0, 4)}-${String(Math.floor((Number(from.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}`;
  const periods: GOpts['periods'] = c.periods === 'month' ? monthPeriods(from, to, c.dates ? 'date' : 'text') : quarterPeriods(qFrom, to, c.periods);
  const keys = periods.map((p) => p.key);
  const perPeriod = c.periods === 'month' ? 1 : 3; // months in a period (the pools' periods start on a quarter)
  const rate = c.kmRate ?? mileageRate(years);
  const unitCols: Record<'salary' | 'km' | 'other', [string, string]> =
    c.qty === 'mixed'
      ? { salary: ['Timer', 'Timeløn'], km: ['Km', 'Kr. pr. km'], other: ['Antal', 'Enhedspris'] }
      : { salary: ['Antal', 'Enhedspris'], km: ['Antal', 'Enhedspris'], other: ['Antal', 'Enhedspris'] };
  const line = (post: string, kind: keyof typeof unitCols, unitsPerMonth: number, price: number, unit: string, note?: string): GLine => {
    const each = Math.round(unitsPerMonth * perPeriod * price * 100) / 100;
    const amounts: Record<string, GCell> = Object.fromEntries(keys.map((k) => [k, each]));
    const total = Math.round(each * keys.length * 100) / 100;
    const units = unitsPerMonth * perPeriod * keys.length;
    const l: GLine = { post, amounts };
    if (c.spec) l.spec = `${fmt(units)} ${unit} à ${fmt(price)} kr.`;
    if (c.qty !== 'none') {
      const [a, b] = unitCols[kind];
      l.qty = { [a]: units, [b]: price };
    }
    // the note rule looks at the post over the whole budget (all year sheets)
    if (unitsPerMonth * price * wholeMonths > 100_000) l.note = note ?? `Note: ${post.toLowerCase()} i hele projektperioden.`;
    if (c.typed) l.total = total;
    return l;
  };
  const salary = [
    line('Projektleder', 'salary', 100, 320, 'timer', 'Note 1: projektleder 100 timer om måneden.'),
    line('Frivilligkoordinator', 'salary', 40, 250, 'timer', 'Note 2: koordinator af de frivillige, 40 timer om måneden.'),
  ];
  if (c.monthlySalary && c.qty === 'none') {
    // 100 timer a month is 23 t/uge at 32.000 kr./md.; 40 timer 9,25 t/uge at 10.000 kr./md.
    const ms_ = perPeriod * keys.length;
    salary[0].spec = `23 t/uge, 32.000 kr./md., ${ms_} mdr.`;
    salary[1].spec = `9,25 t/uge, 10.000 kr./md., ${ms_} mdr.`;
  }
  const drift = [
    line('Kørsel i egen bil', 'km', c.oddKm ? 333 : 300, rate, 'km'),
    line('Husleje', 'other', 1, 6_000, 'mdr.', 'Note 3: lokale til aktiviteterne.'),
    line('Forplejning ved møder', 'other', 2, 300, 'møder'),
    line('Materialer', 'other', 1, 1_000, 'mdr.'),
  ];
  if (c.textAmount) drift[0].amounts[keys[0]] = c.textAmount;
  if (c.extras) {
    drift.push(line('Annoncering', 'other', 1, 500, 'annoncer'));
    const firstKeys = years.map((y) => keys.find((k) => k.startsWith(String(y)))!);
    const yearly = (post: string, price: number, unit: string): GLine => {
      const l: GLine = { post, amounts: Object.fromEntries(firstKeys.map((k) => [k, price])) };
      if (c.spec) l.spec = `${years.length} ${unit} à ${fmt(price)} kr.`;
      if (c.qty !== 'none') l.qty = { Antal: years.length, Enhedspris: price };
      if (c.typed) l.total = price * years.length;
      return l;
    };
    drift.push(
      yearly('Kursus for projektmedarbejdere', 8_000, 'kurser'),
      yearly('Bærbar computer', 6_000, 'stk.'),
      yearly('Honorar til oplægsholder', 4_000, 'oplæg'),
    );
  }
  if (c.pension) {
    const each = Math.round(Number(salary[0].amounts[keys[0]]) * 0.12 * 100) / 100;
    const pension: GLine = { post: 'Pension, projektleder', amounts: Object.fromEntries(keys.map((k) => [k, each])) };
    if (c.spec) pension.spec = '12 % af løn til projektleder';
    else pension.post = 'Pension 12 % af løn til projektleder';
    if (each * wholeMonths > 100_000) pension.note = 'Note: arbejdsgivers pensionsbidrag efter overenskomsten.';
    if (c.typed) pension.total = Math.round(each * keys.length * 100) / 100;
    salary.push(pension);
  }
  if (c.numbered) {
    salary.forEach((l, i) => (l.post = `1.${i + 1} ${l.post}`));
    drift.forEach((l, i) => (l.post = `2.${i + 1} ${l.post}`));
  }
  // the audit: one statement a year, in each year's last period
  const lastKeys = years.map((y) => keys.filter((k) => k.startsWith(String(y))).pop()!);
  const revision: GLine = { post: c.numbered ? '3. Revision' : 'Revision', amounts: Object.fromEntries(lastKeys.map((k) => [k, 15_000])) };
  if (c.spec) revision.spec = `${years.length} ${years.length === 1 ? 'erklæring' : 'erklæringer'} à 15.000 kr.`;
  if (c.qty !== 'none') revision.qty = { Antal: years.length, Enhedspris: 15_000 };
  if (c.typed) revision.total = 15_000 * years.length;
  const qtyCols = c.qty === 'none' ? undefined : c.qty === 'mixed' ? ['Timer', 'Timeløn', 'Km', 'Kr. pr. km', 'Antal', 'Enhedspris'] : ['Antal', 'Enhedspris'];
  const blank: GRowDef[] = c.blankRows && !c.table ? [{ blank: true }] : [];
  const rows: GRowDef[] = c.sections
    ? [
        { section: c.numbered ? '1. Løn' : 'Løn' },
        ...salary,
        { subtotal: 'Løn i alt', scope: 'section' },
        ...blank,
        { section: c.numbered ? '2. Drift' : 'Drift' },
        ...drift,
        { subtotal: 'Drift i alt', scope: 'section' },
        ...blank,
        revision,
        ...blank,
        { subtotal: 'I alt', scope: 'all' },
      ]
    : [...salary, ...drift, revision, ...blank, { subtotal: 'I alt', scope: 'all' }];
  const opts: GOpts = {
    name,
    title: c.titleBlock ? [title, '', INSTRUCTION, '', '', ''] : [title],
    totalFirst: c.totalFirst,
    totalLabel: c.totalLabel,
    specLabel: c.spec ? 'Specifikation' : undefined,
    noteLabel: 'Budgetnote',
    qty: qtyCols,
    periods,
    rows,
    table: c.table ? name.replace(/\W/g, '') + 'Tabel' : undefined,
    tableTotals: c.table,
  };
  const b = gridBudget(opts);
  if (c.titleBlock) b.sheet.merges = [...(b.sheet.merges ?? []), 'A3:H5'];
  if (c.typed) typeSubtotals(b);
  return b;
}

const INSTRUCTION =
  'Vejledning: Skriv én budgetpost pr. linje i kolonnen Budgetpost, og fordel beløbet på perioderne. Kolonnen I alt er ' +
  'postens samlede beløb. Løn angives som timer × timeløn; øvrige poster som antal × enhedspris. Beløb i kr.';

/** Replaces the subtotal formulas by their values, as a budget typed by hand (the values are right). */
function typeSubtotals(b: Built): void {
  for (const r of b.sheet.grid) {
    if (Array.isArray(r) || !r.id || b.rowOf.has(r.id) || r.id === 'header') continue;
    r.cells = r.cells.map((x) => (x && typeof x === 'object' && 'f' in x ? Math.round(Number(x.v) * 100) / 100 : x));
  }
}

/** 'Budgetoversigt': a line per post, a column per year taken from the year sheet's total cell, I alt by formulas. */
function overview(c: Combo, years: Built[], ys: number[]): Built {
  const ids = [...years[0].rowOf.keys()];
  const grid: GridRow[] = [{ cells: ['Budgetoversigt'] }, { id: 'header', cells: ['Budgetpost', ...ys, 'I alt'] }];
  const T = colLetters(ys.length + 2);
  const rowOf = new Map<string, number>();
  const lineTotals = new Map<string, number>();
  const colTotals = ys.map(() => 0);
  for (const id of ids) {
    const r = grid.length + 1;
    const vs = years.map((y) => y.lineTotals.get(id) ?? 0);
    vs.forEach((v, i) => (colTotals[i] += v));
    const sum = Math.round(vs.reduce((a, b) => a + b, 0) * 100) / 100;
    const cells: GCell[] = [
      id,
      ...years.map((y, i) => (c.typed ? vs[i] : { f: `'${y.sheet.name}'!${colLetters(y.colOf.get('total')!)}${y.rowOf.get(id)}`, v: vs[i] })),
      c.typed ? sum : { f: `SUM(B${r}:${colLetters(ys.length + 1)}${r})`, v: sum },
    ];
    grid.push({ id: `${id}@summary`, cells });
    rowOf.set(`${id}@summary`, r);
    lineTotals.set(id, sum);
  }
  const first = 3;
  const last = grid.length;
  const total = Math.round(colTotals.reduce((a, b) => a + b, 0) * 100) / 100;
  const tcells: GCell[] = ['I alt'];
  ys.forEach((_, i) => {
    const L = colLetters(i + 2);
    const v = Math.round(colTotals[i] * 100) / 100;
    tcells.push(c.typed ? v : { f: `SUM(${L}${first}:${L}${last})`, v });
  });
  tcells.push(c.typed ? total : { f: `SUM(${T}${first}:${T}${last})`, v: total });
  grid.push({ id: 'I alt@summary', cells: tcells });
  const colOf = new Map<string, number>([['total', ys.length + 2]]);
  const sheet: GridSheet = { name: 'Budgetoversigt', grid, header: 2, columns: Object.fromEntries(colOf) };
  return { sheet, header: 2, rowOf, colOf, expenses: total, lineTotals, yearTotals: new Map() };
}

export function comboDef(c: Combo, name: string): FixtureDef {
  const p = POOLS[c.pool];
  const ms = months(p.from, p.to);
  const ys = [...new Set(ms.map((m) => Number(m.slice(0, 4))))];
  let sheets: Built[];
  let main: Built | undefined;
  if (c.sheets === 'one') {
    main = budgetSheet(c, 'Budget', p.from, p.to, 'Budget', ms.length);
    sheets = [main];
  } else {
    const yearSheets = ys.map((y) => {
      const f = ms.find((m) => m.startsWith(String(y)))!;
      const t = ms.filter((m) => m.startsWith(String(y))).pop()!;
      return budgetSheet(c, `Budget ${y}`, f, t, `Budget ${y}`, ms.length);
    });
    if (c.sheets === 'years+summary') {
      main = overview(c, yearSheets, ys);
      sheets = [main, ...yearSheets];
    } else sheets = yearSheets;
  }
  const expenses = Math.round(sheets.filter((s) => s.sheet.name !== 'Budgetoversigt').reduce((s, b) => s + b.expenses, 0) * 100) / 100;
  const own = c.financing && main && c.ownFinancing ? 50_000 : 0;
  // the grant asked for (and the applicant's own share) in the total column, their sum the expenses
  if (c.financing && main) withFinancing(main, [['Tilskud fra puljen', expenses - own], ...(own ? [['Egenfinansiering', own] as [string, number]] : [])]);
  const metadata: MetadataDef | undefined = c.metadata
    ? {
        sheetName: c.metaSheet,
        fields: [
          ['Ansøger', p.applicant],
          ['CVR', String(44_800_000 + (hash(name) % 90_000))],
          ['Projekttitel', 'Fællesskab og støtte'],
          ['Pulje', p.pulje],
          ['Ansøgt beløb', Math.round((expenses - own) * 100) / 100],
          ['Projektperiode', p.period],
          ['Moms', c.vatIncluded ? 'inkl. moms' : 'ekskl. moms'],
        ],
      }
    : undefined;
  // Excel, LibreOffice and Gnumeric save what a cell shows (2 decimals); a program's CSV (csv-en, as Python's csv
  // module writes) keeps a sum of floats in full ('20879.100000000013').
  if (c.writer !== 'csv-en') for (const b of sheets) roundCells(b);
  return {
    name,
    description: JSON.stringify(c),
    pool: c.pool,
    writer: c.writer,
    metadata,
    expenses,
    sheets: sheets.map((s) => s.sheet),
    expect: [],
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Rounds every number and formula result of a sheet to øre. */
function roundCells(b: Built): void {
  for (const r of b.sheet.grid) {
    const cells = Array.isArray(r) ? r : r.cells;
    cells.forEach((x, i) => {
      if (typeof x === 'number') cells[i] = round2(x);
      else if (x && typeof x === 'object' && 'f' in x && typeof x.v === 'number') cells[i] = { ...x, v: round2(x.v) };
    });
  }
}

function hash(s: string): number {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

export function sample(n: number, seed: number): Combo[] {
  const r = rng(seed);
  // the layouts added later drawn from a stream of their own, so that a seed's other choices stay what they were
  const r2 = rng(seed + 0x9e3779b9);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const out: Combo[] = [];
  const seen = new Set<string>();
  for (let i = 0; out.length < n && i < n * 20; i++) {
    const writer = pick(['xlsxwriter', 'openpyxl', 'gnumeric', 'libreoffice', 'csv-1252', 'csv-utf8', 'csv-utf16', 'csv-en', 'csv-utf8-bom'] as const);
    const pool = pick(Object.keys(POOLS));
    const csv = writer.startsWith('csv');
    const c: Combo = {
      writer,
      pool,
      periods: POOLS[pool].monthOnly ? 'month' : pick(['month', 'kvt', 'K', 'Q', 'kvartal', 'months'] as const),
      sheets: csv ? 'one' : pick(['one', 'years', 'years+summary'] as const),
      sections: r() < 0.5,
      qty: pick(['none', 'antal', 'mixed'] as const),
      spec: r() < 0.5,
      financing: r() < 0.5,
      typed: r() < 0.5,
      metadata: !csv,
      dates: !csv && r() < 0.3,
      totalLabel: pick(['I alt', 'Total', 'Budget i alt'] as const),
      metaSheet: pick(['Stamdata', 'Forside', 'Oplysninger'] as const),
      vatIncluded: VAT_POOLS.has(pool) && r() < 0.5,
      numbered: r() < 0.4,
      table: (writer === 'xlsxwriter' || writer === 'openpyxl') && r() < 0.4,
      extras: r() < 0.5,
      monthlySalary: r() < 0.5,
      ownFinancing: r() < 0.5,
      oddKm: r() < 0.3,
      blankRows: r() < 0.3,
      totalFirst: r2() < 0.3,
      titleBlock: r2() < 0.3,
      pension: r2() < 0.3,
    };
    if (c.table) {
      c.sections = false;
      c.dates = false;
    }
    if (c.sheets === 'years') c.financing = false;
    if (!c.financing) c.ownFinancing = false;
    // a budget with neither a specification nor quantity columns is not clean (no unit prices, salary unspecified)
    if (c.qty === 'none') c.spec = true;
    if (c.qty !== 'none' || !c.spec) c.monthlySalary = false;
    const key = JSON.stringify(c);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

async function main(argv: string[]): Promise<void> {
  const arg = (k: string, d: string) => (argv.includes(k) ? argv[argv.indexOf(k) + 1] : d);
  const out = arg('--out', '/tmp/clean-combos');
  const combos = sample(Number(arg('--n', '300')), Number(arg('--seed', '1')));
  const byPool = new Map<string, FixtureDef[]>();
  combos.forEach((c, i) => {
    const d = comboDef(c, `combo-${String(i).padStart(3, '0')}`);
    byPool.set(c.pool, [...(byPool.get(c.pool) ?? []), d]);
  });
  for (const [pool, defs] of byPool) {
    await buildAll(defs, join(out, pool));
    console.log(`${pool}: ${defs.length}`);
  }
}

if (process.argv[1] && /clean-combos\.ts$/.test(process.argv[1])) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  });
}
