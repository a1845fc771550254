// Whether a formula draws, directly or through other formulas, on given cells: how a rule tells a cell that only
// repeats another finding's cause (a SUM over a subtotal that is wrong, an error carried on by =I7+I12) from one with a
// cause of its own, so that one cause is one finding.
import { formulaPlan } from '../model/formula.js';
import { rewrite3d, rewriteStructured, tableIndex, type TableIndex } from '../model/structured.js';
import { parseA1 } from '../read/address.js';
import type { RawSheet, RawWorkbook } from '../read/types.js';

/** A cell's key in the sets dependsOn is given: its sheet's name as the workbook spells it, its row and column. */
export const cellKey = (sheet: string, row: number, col: number) => `${sheet}!${row}:${col}`;

/** The cell a finding points at (its key and column), where it names a sheet and a cell. */
export function findingCell(f: { sheet?: string; cell?: string }): { key: string; col: number } | undefined {
  const p = f.cell && f.sheet ? parseA1(f.cell) : undefined;
  return p && { key: cellKey(f.sheet!, p.row, p.col), col: p.col };
}

/** The keys of the cells findings point at (those with a sheet and a cell). */
export function foundCells(findings: Iterable<{ sheet?: string; cell?: string }>): Set<string> {
  const out = new Set<string>();
  for (const f of findings) {
    const c = findingCell(f);
    if (c) out.add(c.key);
  }
  return out;
}

/** The formula of the cell at (row, col) of the sheet so named, if it holds one. */
export function formulaAt(wb: RawWorkbook, sheet: string, row: number, col: number): string | undefined {
  return sheetNamed(wb, sheet)
    ?.rows.get(row)
    ?.find((c) => c.col === col)?.formula;
}

/** Cells read through before the answer is no (a range over a whole column of a large sheet stops there). */
const MAX_CELLS = 20_000;

const sheetsByName = new WeakMap<RawWorkbook, Map<string, RawSheet>>();
/** A workbook's tables (for structured references) and its sheets' names in order (for 3D references), made once. */
const refContext = new WeakMap<RawWorkbook, { tables: TableIndex | undefined; names: string[] }>();

/** The formula's references as A1 ones: an Excel table's structured references ("Tabel1[[#This Row],[I alt]]",
 * SUBTOTAL(109, [K1 2025])) and 3D references placed as the evaluator places them; as written where they cannot be. */
function a1Formula(wb: RawWorkbook, sheet: string, row: number, formula: string): string {
  let c = refContext.get(wb);
  if (!c) refContext.set(wb, (c = { tables: tableIndex(wb.sheets), names: wb.sheets.map((s) => s.name) }));
  const f = formula.includes('[') || /SUBTOTAL/i.test(formula) ? (rewriteStructured(formula, sheet, row, c.tables) ?? formula) : formula;
  return rewrite3d(f, c.names) ?? f;
}

export function sheetNamed(wb: RawWorkbook, name: string): RawSheet | undefined {
  let byName = sheetsByName.get(wb);
  if (!byName) sheetsByName.set(wb, (byName = new Map(wb.sheets.map((s) => [s.name.toLowerCase(), s]))));
  return byName.get(name.toLowerCase());
}

/**
 * Whether `formula` (in a cell of sheet `sheet`, row `row`) refers to one of `targets` (cellKey), directly or through the formulas
 * of the cells it refers to (ranges, other sheets, structured and 3D references followed). A defined name is not
 * followed (the answer is then no, and the finding stays).
 */
export function dependsOn(wb: RawWorkbook, sheet: string, row: number, formula: string, targets: ReadonlySet<string>): boolean {
  if (!targets.size) return false;
  const seen = new Set<string>();
  const queue: Array<{ sheet: RawSheet; row: number; formula: string }> = [];
  const start = sheetNamed(wb, sheet);
  if (!start) return false;
  queue.push({ sheet: start, row, formula });
  while (queue.length) {
    const { sheet: st, row: at, formula: f } = queue.pop()!;
    for (const ref of formulaPlan(a1Formula(wb, st.name, at, f)).refs) {
      const target = ref.sheet === undefined ? st : sheetNamed(wb, ref.sheet);
      if (!target) continue;
      const hi = Math.min(ref.r2, target.maxRow);
      for (let r = ref.r1; r <= hi; r++) {
        const cells = target.rows.get(r); // a target is a cell with a value: a row without cells holds none
        if (!cells) continue;
        for (let i = 0; i < cells.length; i++) {
          const d = cells[i];
          if (d.col < ref.c1 || d.col > ref.c2) continue;
          const key = cellKey(target.name, r, d.col);
          if (seen.has(key)) continue;
          if (targets.has(key)) return true;
          seen.add(key);
          if (seen.size > MAX_CELLS) return false;
          if (d.formula) queue.push({ sheet: target, row: r, formula: d.formula });
        }
      }
    }
  }
  return false;
}
