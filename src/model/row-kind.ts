// The row classifier: what kind of line a table row is (an expense, financing, a subtotal, a section heading, a
// repeated header, nothing), from its cells alone and what the rows above it established. Pure: no grid, no side effect.
import type { CellValue } from '../read/types.js';
import { hasMoney, nonBlank } from './amount.js';
import { sumRanges } from './formula.js';
import { postFacts } from './labels.js';
import { parseMonthHeader } from './months.js';
import type { AmountCell, RowKind } from './types.js';

/** The cells of one row under a table's header, as the column map places them. */
export interface RowCells {
  row: number;
  /** The post column's text ('' when empty). */
  post: string;
  /** The specification column's text, if any. */
  spec?: string;
  /** One per month column of the table, blanks included, and the raw values of those cells in the same order. */
  months: readonly AmountCell[];
  monthValues: readonly CellValue[];
  total?: AmountCell;
  yearTotals: readonly AmountCell[];
}

/** What the rows above establish for the next one. */
export interface RowState {
  /** The nearest section heading above. */
  section?: string;
  /** Below a financing heading (or past the expense lines, at a financing post). */
  financing: boolean;
  /** An expense line has been seen. */
  items: boolean;
  /** A total row has come after the last expense line (the expenses are summed up). */
  afterTotal?: boolean;
}

export const FIRST_ROW: RowState = { financing: false, items: false };

export type RowClass =
  /** No post and nothing but zeros (an empty input row of a form, its SUM giving 0): no line. */
  | { kind: 'empty' }
  /** The months again: a repeated header, or the next block's header below this table. */
  | { kind: 'month-header' }
  | {
      kind: RowKind;
      /** The post, or the specification where the post column is empty. */
      post: string;
      /** The section the row belongs to (none for a section heading itself). */
      section?: string;
      /** A section heading carrying its section's subtotal (its SUMs cover the rows below it). */
      headingTotal: boolean;
    };

const negative = (a: AmountCell | undefined) => a?.status === 'number' && (a.ore ?? 0) < 0;

/** A number other than 0, a text, an error or an unknown formula: more than an empty form cell. */
const meaningful = (a: AmountCell | undefined) => !!a && a.status !== 'blank' && !(a.status === 'number' && a.ore === 0);

/** Classifies one row given the state the rows above it left; returns the class and the state for the next row. */
export function classifyBudgetRow(cells: RowCells, state: RowState): { row: RowClass; state: RowState } {
  const { months, total, yearTotals } = cells;
  let post = cells.post;
  if (!post && !months.some(meaningful) && !meaningful(total) && !yearTotals.some(meaningful)) return { row: { kind: 'empty' }, state };
  if (!post && cells.spec) post = cells.spec;
  // A repeated header row (months again) is not a line.
  // Two of its texts at least must read as months (a header also has "I alt" or a post label where another block's
  // months sit): a line whose amounts are all typed as unreadable text ("kr, 42.000,00") is a line
  // (structure/non-numeric-amount), not a header to skip.
  if (
    months.length > 1 &&
    months.every((m) => m.status === 'text' || m.status === 'blank') &&
    months.filter((m) => m.status === 'text').length >= 2 &&
    months.filter((m, i) => m.status === 'text' && parseMonthHeader(cells.monthValues[i] ?? null) !== undefined).length >= 2
  )
    return { row: { kind: 'month-header' }, state };
  const anyAmount = months.some(nonBlank) || nonBlank(total) || yearTotals.some(nonBlank);
  let { section, financing } = state;
  let kind: RowKind;
  const headingTotal = !!post && coversRowsBelow(cells.row, months, total, yearTotals);
  // what the post says, looked up once (isFinancingHeading, isTotalPost, financingKind)
  const facts = headingTotal ? undefined : postFacts(post);
  if (!facts) {
    // "1. Løn" with =SUM of the rows under it: the section's heading and its subtotal, not a line of its own
    kind = 'total';
    section = post;
  } else if (facts.financingHeading && !months.some(hasMoney) && !hasMoney(total)) {
    financing = true;
    section = post;
    kind = 'section';
  } else if (!anyAmount) {
    kind = 'section';
    section = post;
  } else if (facts.total) {
    kind = financing ? 'financing-total' : 'total';
    if (financing && /udgift|expense/i.test(post)) kind = 'total';
  } else if (financing || facts.financing) {
    // a financing post after the expense lines starts the financing part, even without a heading; but not one of
    // negative amounts among the expenses, before their total ("Indtægter: deltagerbetaling" at -2.000 kr. a month):
    // that is income put in as a negative expense, a line (distribution/negative-amount), which the total below sums
    if (!financing && facts.financing && state.items && (state.afterTotal || !(months.some(negative) || negative(total)))) financing = true;
    kind = financing ? 'financing' : 'item';
  } else {
    kind = 'item';
  }
  return {
    row: { kind, post, section: kind === 'section' ? undefined : section, headingTotal },
    state: { section, financing, items: state.items || kind === 'item', afterTotal: kind === 'item' ? false : state.afterTotal || kind === 'total' },
  };
}

/** Every non-blank amount of the row (its months, total and year totals, in that order) is a SUM down its own column
 * over rows strictly below it (at least one such). The three parts are read in place, not copied into one array. */
function coversRowsBelow(row: number, months: readonly AmountCell[], total: AmountCell | undefined, yearTotals: readonly AmountCell[]): boolean {
  let any = false;
  for (let part = 0; part < 3; part++) {
    const cells = part === 0 ? months : part === 1 ? (total ? [total] : NONE) : yearTotals;
    for (let i = 0; i < cells.length; i++) {
      const a = cells[i];
      if (a.status === 'blank') continue;
      const ranges = a.formula && /^\s*=?\s*SUM\(/i.test(a.formula) ? sumRanges(a.formula) : undefined;
      if (!ranges || !ranges.every((x) => !x.sheet && x.c1 === a.col && x.c2 === a.col && x.r1 > row)) return false;
      any = true;
    }
  }
  return any;
}

const NONE: readonly AmountCell[] = [];
