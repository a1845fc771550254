// A compact clean budget (recovery-2019 layout) as a raw workbook, laid out from its fixture definition
// (fixtures/defs/common.ts compactBudget) by the fixtures' own layout, and a runner that checks it with the budget rules.
import { finalise, runRules, sortFindings } from '../../src/check.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { buildBudget, prepare } from '../../src/model/budget.js';
import { findBuiltinPool } from '../../src/pools/index.js';
import type { PoolProfile } from '../../src/pools/schema.js';
import type { RawWorkbook } from '../../src/read/types.js';
import { RULES } from '../../src/rules/index.js';
import type { Finding } from '../../src/types.js';
import { rawSheet, type SheetSpec } from './raw.js';
import { compactBudget, type CompactBudget, type CompactLine } from '../../fixtures/defs/common.js';
import { layout } from '../../fixtures/lib/layout.js';
import { rawWorkbookOf } from '../../fixtures/lib/raw.js';

/** A line of the compact budget (fixtures/defs/common.ts): kroner every month, or by month index. */
export type LineSpec = CompactLine;

export interface BudgetSpec extends CompactBudget {
  /** More sheets, cell by cell, after the Budget sheet. */
  extraSheets?: SheetSpec[];
}

/** The compact budget as a raw workbook (formulas without cached results, as a file that was never recalculated), and
 * the row of each line; the header is at row 1 + titleRows. */
export function budgetWorkbook(spec: BudgetSpec): { wb: RawWorkbook; rowOf: (post: string) => number; headerRow: number; totalRow?: number } {
  const l = layout(compactBudget(spec));
  const wb = rawWorkbookOf(l, { results: false, formats: false });
  wb.sheets.push(...(spec.extraSheets ?? []).map(rawSheet));
  // the last line of a post, as the spec lists them
  const at = (post: string) => l.rows.get(`${post}@Budget`)?.row;
  return {
    wb,
    rowOf: (post) => {
      const r = at(post);
      if (!r) throw new Error(`no line ${post}`);
      return r;
    },
    headerRow: l.tables.get('Budget')!.header,
    totalRow: spec.totalRow !== false ? at('I alt') : undefined,
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
