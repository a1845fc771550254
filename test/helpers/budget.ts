// A compact clean budget (recovery-2019 layout) as a raw workbook, and a runner that checks it with the budget rules.
import { finalise, runRules, sortFindings } from '../../src/check.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { buildBudget, prepare } from '../../src/model/budget.js';
import { findBuiltinPool } from '../../src/pools/index.js';
import type { PoolProfile } from '../../src/pools/schema.js';
import { colLetters } from '../../src/read/address.js';
import type { RawWorkbook } from '../../src/read/types.js';
import { RULES } from '../../src/rules/index.js';
import type { Finding } from '../../src/types.js';
import { monthTexts, rawWorkbook, type CellSpec, type SheetSpec } from './raw.js';

export interface LineSpec {
  post: string;
  spec?: string;
  note?: string;
  /** Kroner per month, for every month of the range (or a map of month index → kroner). */
  monthly: number | Record<number, number>;
  total?: 'formula' | number | CellSpec;
}

export interface BudgetSpec {
  start?: string;
  end?: string;
  stamdata?: Record<string, CellSpec> | false;
  lines: LineSpec[];
  /** Add "I alt" row with SUM formulas (default true). */
  totalRow?: boolean;
  financing?: Array<[string, number]> | 'auto' | false;
  extraSheets?: SheetSpec[];
  titleRows?: number;
}

/** Rows of the "Budget" sheet; header at row 1 + titleRows. Returns the workbook and the row of each line. */
export function budgetWorkbook(spec: BudgetSpec): { wb: RawWorkbook; rowOf: (post: string) => number; headerRow: number; totalRow?: number } {
  const start = spec.start ?? '2020-01';
  const end = spec.end ?? '2022-09';
  const months = monthTexts(start, end);
  const n = months.length;
  const firstMonthCol = 3;
  const totalCol = firstMonthCol + n;
  const L = (c: number) => colLetters(c);
  const rows: CellSpec[][] = [];
  for (let i = 0; i < (spec.titleRows ?? 0); i++) rows.push([i === 0 ? 'Budget' : undefined]);
  rows.push(['Budgetpost', 'Specifikation', ...months, 'I alt', 'Budgetnote']);
  const headerRow = rows.length;
  const rowIdx = new Map<string, number>();
  let expenses = 0;
  for (const line of spec.lines) {
    const r = rows.length + 1;
    const amounts: CellSpec[] = [];
    let lineSum = 0;
    for (let i = 0; i < n; i++) {
      const v = typeof line.monthly === 'number' ? line.monthly : line.monthly[i];
      amounts.push(v === undefined ? undefined : v);
      if (typeof v === 'number') lineSum += v;
    }
    // Stamdata and financing follow the line's total column, as the applicant sees it.
    expenses += typeof line.total === 'number' ? line.total : lineSum;
    const total: CellSpec =
      line.total === undefined || line.total === 'formula' ? { f: `SUM(${L(firstMonthCol)}${r}:${L(totalCol - 1)}${r})` } : (line.total as CellSpec);
    rows.push([line.post, line.spec, ...amounts, total, line.note]);
    rowIdx.set(line.post, r);
  }
  let totalRow: number | undefined;
  if (spec.totalRow !== false) {
    const r = rows.length + 1;
    const first = headerRow + 1;
    const last = r - 1;
    rows.push(['I alt', undefined, ...Array.from({ length: n + 1 }, (_, i) => ({ f: `SUM(${L(firstMonthCol + i)}${first}:${L(firstMonthCol + i)}${last})` }))]);
    totalRow = r;
  }
  const fin = spec.financing === undefined || spec.financing === 'auto' ? [['Ansøgt tilskud', expenses] as [string, number]] : spec.financing || [];
  if (fin.length) {
    rows.push([]);
    rows.push(['Finansiering']);
    for (const [label, amount] of fin) {
      const r = rows.length + 1;
      rows.push([label, ...Array(n + 1).fill(undefined), amount]);
      rowIdx.set(label, r);
    }
  }
  const stamdata: Record<string, CellSpec> =
    spec.stamdata === false
      ? {}
      : {
          Ansøger: 'Roskilde Kommune',
          CVR: '29189404',
          Pulje: 'recovery-2019',
          'Ansøgt beløb': expenses,
          Projektperiode: '01.01.2020 – 30.09.2022',
          Moms: 'ekskl. moms',
          ...spec.stamdata,
        };
  const sheets: SheetSpec[] = [];
  if (spec.stamdata !== false) sheets.push({ name: 'Stamdata', rows: Object.entries(stamdata).map(([k, v]) => [k, v]) });
  sheets.push({ name: 'Budget', rows }, ...(spec.extraSheets ?? []));
  return {
    wb: rawWorkbook(...sheets),
    rowOf: (post) => {
      const r = rowIdx.get(post);
      if (!r) throw new Error(`no line ${post}`);
      return r;
    },
    headerRow,
    totalRow,
  };
}

/** A clean, fully specified budget of a few posts, 33 months. */
export const CLEAN_LINES: LineSpec[] = [
  { post: 'Løn projektleder', spec: '37 t/uge, 45.000 kr./md., 33 mdr.', monthly: 45000, note: 'Note 1: projektleder på fuld tid' },
  { post: 'Kørsel', spec: '500 km/md. à 1,90 kr., 33 mdr.', monthly: 950 },
  { post: 'Revision', spec: '3 erklæringer à 11.000 kr.', monthly: { 11: 11000, 23: 11000, 32: 11000 } },
];

export function check(wb: RawWorkbook, pool: PoolProfile = findBuiltinPool('recovery-2019')!): Finding[] {
  const prepared = prepare(wb);
  const budget = buildBudget(wb.path, prepared, pool.period);
  const raw = runRules(
    RULES.filter((r) => r.scope === 'budget'),
    { kind: 'budget', workbook: wb, budget, pool },
  );
  return sortFindings(finalise(raw, DEFAULT_CONFIG, 'da'), wb);
}

export function ids(findings: Finding[]): string[] {
  return findings.map((f) => `${f.rule}@${f.sheet ?? ''}:${f.row ?? ''}`);
}

export function errors(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error');
}
