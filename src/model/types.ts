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
  /** The text or error as found, for 'text' and 'error'; for 'number', the text of an amount typed as text ("12.500 kr."). */
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
  /** The month, or for a quarter column its first month. */
  month: Month;
  /** 3 for a quarter column ("1. kvt. 2022"); absent for a month. */
  span?: 3;
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

/** What a quantity column beside the post holds (labels.ts QuantityKind). */
export type QuantityKind =
  'units' | 'unit' | 'price' | 'hours' | 'hoursPerWeek' | 'weeks' | 'hourlyRate' | 'monthlySalary' | 'annualSalary' | 'share' | 'months' | 'km' | 'kmRate';

/** One quantity cell of a row: its number (when it is one) and its text as shown. */
export interface QuantityCell extends CellRef {
  kind: QuantityKind;
  /** The number (a count, hours, or kroner for prices and rates); undefined when the cell is not a number. */
  value?: number;
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
  /** A section heading that carries its section's subtotal (its SUMs cover the rows below it): a total, not a line. */
  headingTotal?: boolean;
  /** The row's non-empty quantity cells (Antal, Enhedspris, Timer, Timeløn, Km …), when the table has such columns. */
  quantities?: QuantityCell[];
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
  /** Quantity columns beside the post (Antal, Enhedspris, Timer, Timeløn, Km …). */
  quantityCols: Array<{ col: number; cell: string; kind: QuantityKind }>;
  /** Columns of each line's financing beside its total (Ansøgt fra puljen, Heraf egenfinansiering), where there is one. */
  financingCols?: Array<{ col: number; cell: string; kind: FinancingKind }>;
  /** Rows below the header, in sheet order; blank rows left out. */
  rows: BudgetRow[];
  /** Set on a summary sheet (Samlet budget, Budgetoversigt) over the year sheets: the sheets it sums. */
  summaryOf?: string[];
  /** The kroner one unit of the table's amounts stands for, where not 1: 1000 for a sheet stated in thousands of
   * kroner ("Budget (1.000 kr.)", "t.kr."); its amount cells are read in kroner already. */
  scale?: number;
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
  months: ReadonlyMap<Month, number>;
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
  /** An amount stated rounded ("1,4 mio. kr."): how far the amount meant may lie from the value (øre). */
  rounding?: number;
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
  /** Set where the line's amount is no known number (an error value such as #DIV/0!, a formula not computed, a text):
   * structure/formula-error or structure/non-numeric-amount reports it at its cell, and nothing summed with it is
   * known (`ore` counts it as 0). */
  unknown?: boolean;
}

export interface Budget {
  kind: 'budget';
  path: string;
  metadata: Metadata;
  tables: BudgetTable[];
  /** Summary sheets over the budget tables: a view of the same budget, never counted again (checked against the tables). */
  summaries: BudgetTable[];
  /** Visible sheets budget cells refer to that hold no budget table (a salary calculation, a rate table). */
  helperSheets: string[];
  /** Hidden sheets that budget cells take amounts from: the sheet and the first cell that refers to it. */
  hiddenSources: Array<CellRef & { source: string }>;
  /** Hidden sheets whose months are all the visible sheets' months: old copies of the budget, not counted. */
  hiddenCopies?: BudgetTable[];
  /** Expense line items combined over sheets, in order of first appearance. */
  lines: BudgetLine[];
  financing: FinancingLine[];
  /** The project period: from the workbook's metadata, else the pool's. */
  period?: Period & { source: 'metadata' | 'pool' };
  /** Sum of the lines' totals (øre). */
  expenses: number;
}
