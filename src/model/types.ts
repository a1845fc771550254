// The budget model: validated data built from raw cells, independent of exceljs. Money in øre, months as "YYYY-MM".

/** A calendar month as "YYYY-MM". */
export type Month = string;

export interface CellRef {
  sheet: string;
  row: number;
  col: number;
  /** A1 address without the sheet. */
  cell: string;
}

export type AmountStatus =
  | 'number' // a number, a typed amount or a formula whose value is known
  | 'blank' // empty, or "-"
  | 'text' // text that is not an amount ("ca. 5000", "se note")
  | 'error' // #DIV/0!, #REF!, … typed or as a formula result
  | 'unknown'; // a formula whose value could be neither read nor recomputed

export interface AmountCell extends CellRef {
  status: AmountStatus;
  /** Whole øre; set when status is 'number' (and 0 for 'blank'). */
  ore?: number;
  /** The text or error as found, for 'text' and 'error'. */
  raw?: string;
  formula?: string;
  /** True when the value was recomputed from the formula rather than read from the file's cache. */
  recomputed?: boolean;
  /** True when the value is a typed number (no formula). */
  typed?: boolean;
  /** Row or column of the cell is hidden. */
  hidden: boolean;
}

export interface MonthColumn {
  col: number;
  month: Month;
  /** Header cell address. */
  cell: string;
  hidden: boolean;
}

export interface TotalColumn {
  col: number;
  cell: string;
  /** Set for a per-year subtotal column ("I alt 2020"). */
  year?: number;
  hidden: boolean;
}

export type RowKind = 'item' | 'section' | 'total' | 'financing' | 'financing-total';

export interface TextCell extends CellRef {
  text: string;
}

export interface BudgetRow {
  sheet: string;
  row: number;
  kind: RowKind;
  post: string;
  postCell: string;
  spec?: TextCell;
  category?: TextCell;
  note?: TextCell;
  /** The nearest section heading above this row on the sheet (e.g. "1. Løn"). */
  section?: string;
  /** The row is hidden (or the whole sheet is). */
  hidden: boolean;
  /** One entry per month column of the table, blanks included. */
  months: Array<AmountCell & { month: Month }>;
  /** The table's total column cell of this row. */
  total?: AmountCell;
  /** Per-year subtotal cells of this row. */
  yearTotals: Array<AmountCell & { year: number }>;
}

export interface BudgetTable {
  sheet: string;
  sheetHidden: boolean;
  headerRow: number;
  postCol: number;
  specCol?: number;
  categoryCol?: number;
  noteCol?: number;
  monthCols: MonthColumn[];
  totalCol?: TotalColumn;
  yearTotalCols: TotalColumn[];
  /** Rows below the header, in sheet order; blank rows left out. */
  rows: BudgetRow[];
}

/** One budget post, combined over the year sheets it appears on. */
export interface BudgetLine {
  /** Normalised post text (+ specification) used to combine rows across sheets. */
  key: string;
  post: string;
  spec?: string;
  category?: string;
  note?: string;
  section?: string;
  /** The sheet rows this line is made of (first one is the line's location). */
  rows: BudgetRow[];
  /** Sum per month (øre), months with a non-zero amount only. */
  months: Map<Month, number>;
  /** Sum of known month amounts (øre). */
  monthsTotal: number;
  /** The line's total: sum of its rows' total cells where known, else of its months (øre). */
  total: number;
}

export interface Field<T> {
  value: T;
  sheet: string;
  row: number;
  cell: string;
  raw: string;
}

export interface Period {
  start: Month;
  end: Month;
}

export interface Metadata {
  /** The sheet the label/value pairs were mostly read from. */
  sheet?: string;
  applicant?: Field<string>;
  cvr?: Field<string>;
  title?: Field<string>;
  pool?: Field<string>;
  requested?: Field<number>;
  granted?: Field<number>;
  period?: Field<Period>;
  vat?: Field<'incl' | 'excl'>;
  /** Label cells whose value could not be understood (e.g. a period "snart"). */
  unparsed: Array<Field<string> & { field: string }>;
  /** Fields whose label is there with an empty value (a form not yet filled in). */
  blank: string[];
}

export type FinancingKind = 'requested' | 'own' | 'co' | 'other' | 'unknown';

export interface FinancingLine extends CellRef {
  post: string;
  kind: FinancingKind;
  ore: number;
}

export interface Budget {
  kind: 'budget';
  path: string;
  metadata: Metadata;
  tables: BudgetTable[];
  /** Expense line items combined over sheets, in order of first appearance. */
  lines: BudgetLine[];
  financing: FinancingLine[];
  /** The project period: from the workbook's metadata, else the pool's. */
  period?: Period & { source: 'metadata' | 'pool' };
  /** Sum of the lines' totals (øre). */
  expenses: number;
}
