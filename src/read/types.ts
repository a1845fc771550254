// Raw workbook cells as read from .xlsx/.xlsm/.csv, independent of exceljs: value, formula, hidden state, position.

export type CellValue = string | number | boolean | Date | null;

export interface RawCell {
  row: number; // 1-based
  col: number; // 1-based
  // no A1 address per cell (millions of strings in a large workbook): a1(row, col) where one is needed
  /**
   * The cell's value: a typed value, or a formula's cached result (null when the file holds none).
   * Merged-away cells (not the top-left of a merge) are not present at all.
   */
  value: CellValue;
  /** Formula text without the leading "=", when the cell holds a formula. */
  formula?: string;
  /** True when the cell holds a formula whose cached result was absent in the file. */
  noCachedResult?: boolean;
  /** Error value such as "#DIV/0!", as a typed error or a formula's cached error. */
  error?: string;
  /** Number format code, when not General. */
  numFmt?: string;
}

export interface RawSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Rows by 1-based index; each row's cells sorted by column. Sparse. */
  rows: Map<number, RawCell[]>;
  maxRow: number;
  maxCol: number;
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
  /** Merged ranges as A1:B2. */
  merges: string[];
  /** Excel tables (ListObjects) on the sheet, for structured references ("Tabel1[I alt]"). */
  tables?: RawTable[];
  /** Comments (notes) on cells, in the order the file lists them; absent when the sheet has none. */
  comments?: RawComment[];
}

/** A comment (note) on a cell: its text as a reader sees it (a threaded comment's own words, no author's name). */
export interface RawComment {
  row: number;
  col: number;
  text: string;
}

export interface RawTable {
  /** The table's name as formulas use it (displayName). */
  name: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  /** Header rows (0 or 1) and totals rows at the range's ends. */
  headerRows: number;
  totalsRows: number;
  /** Column names, left to right. */
  columns: string[];
}

export interface RawWorkbook {
  path: string;
  format: 'xlsx' | 'csv';
  sheets: RawSheet[];
  /** The extension the file is named with ('xlsx', 'csv'), when its content is the other format (read by content). */
  misnamed?: string;
}
