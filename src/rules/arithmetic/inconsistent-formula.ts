// arithmetic/inconsistent-formula: a total formula whose range breaks its neighbours' pattern (warning).
import type { AmountCell } from '../../model/types.js';
import { budgetRule } from '../types.js';
import { formulaRanges, simpleSumRange, totalDisagrees, type SimpleRange } from '../util.js';
import { totalGroups } from './patterns.js';
import totalMismatch from './total-mismatch.js';
import { ruleFindings } from '../run.js';

/** The formula's ranges relative to its own cell: rows relative in a total column, columns relative in a total row. */
function signature(a: AmountCell, kind: 'column' | 'row'): string | undefined {
  if (!a.formula) return undefined;
  const ranges = formulaRanges(a.formula);
  if (!ranges) return undefined;
  return ranges
    .map((r) =>
      kind === 'column'
        ? `${r.sheet ?? ''}c${r.c1}-${r.c2}:r${r.r1 - a.row}-${r.r2 - a.row}`
        : `${r.sheet ?? ''}c${r.c1 - a.col}-${r.c2 - a.col}:r${r.r1}-${r.r2}`,
    )
    .join(',');
}

/**
 * Whether the group's cells that have a signature all have the same one (or fewer than three have one): then the group
 * breaks no pattern. Told by comparing each cell's ranges with the first one's, shifted by the distance between the two
 * cells, instead of writing a signature string per cell (the usual group is uniform: the signatures, their objects and
 * counts: the rule allocated 32 → 6 MB on the 600-file pile, --jobs 1, of the rules' 155 MB). Equal ranges make equal signatures, so
 * a group this says yes to is one signature() would find no finding in; anything else goes through signature().
 */
function uniform(cells: AmountCell[], kind: 'column' | 'row'): boolean {
  let first: ReadonlyArray<{ sheet?: string } & SimpleRange> | undefined;
  let at: AmountCell | undefined;
  for (const a of cells) {
    if (!a.formula) continue;
    // the usual "SUM(B5:M5)" read off its characters (simpleSumRange), any other formula through formulaRanges
    const simple = simpleSumRange(a.formula, SIMPLE);
    const ranges = simple ? ONE : formulaRanges(a.formula);
    if (!ranges) continue;
    if (!first || !at) {
      first = simple ? [{ sheet: undefined, ...SIMPLE }] : ranges;
      at = a;
      continue;
    }
    if (ranges.length !== first.length) return false;
    const dr = kind === 'column' ? a.row - at.row : 0;
    const dc = kind === 'row' ? a.col - at.col : 0;
    for (let i = 0; i < ranges.length; i++) {
      const r = ranges[i];
      const q = first[i];
      if ((r.sheet ?? '') !== (q.sheet ?? '') || r.c1 - dc !== q.c1 || r.c2 - dc !== q.c2 || r.r1 - dr !== q.r1 || r.r2 - dr !== q.r2) return false;
    }
  }
  return true;
}

/** simpleSumRange's answer for the cell at hand, and it as a list of ranges without a sheet. */
const SIMPLE: { sheet?: string } & SimpleRange = { sheet: undefined, r1: 0, c1: 0, r2: 0, c2: 0 };
const ONE = [SIMPLE];

/** The args of an arithmetic/inconsistent-formula finding. */
type Args = { formula: string; example: string };

export default budgetRule<Args>()({
  id: 'arithmetic/inconsistent-formula',
  severity: 'warning',
  check: (ctx, finding) => {
    const { budget, pool } = ctx;
    const out: ReturnType<typeof finding>[] = [];
    // A total the broken formula makes wrong is arithmetic/total-mismatch's one finding at that cell.
    let wrong: Set<string> | undefined;
    const totalWrong = (a: AmountCell) => (wrong ??= new Set(ruleFindings(totalMismatch, ctx).map((f) => `${f.sheet}!${f.cell}`))).has(`${a.sheet}!${a.cell}`);
    for (const t of budget.tables) {
      for (const g of totalGroups(t)) {
        if (uniform(g.cells, g.kind)) continue;
        const sigs = g.cells.map((a) => ({ a, sig: signature(a, g.kind) })).filter((x): x is { a: AmountCell; sig: string } => !!x.sig);
        if (sigs.length < 3) continue;
        const counts = new Map<string, number>();
        for (const s of sigs) counts.set(s.sig, (counts.get(s.sig) ?? 0) + 1);
        const [top, topCount] = [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0];
        if (topCount < 2 || topCount * 2 <= sigs.length) continue;
        const example = sigs.find((s) => s.sig === top)!.a;
        for (const s of sigs) {
          if (s.sig === top) continue;
          const row = t.rows.find((r) => r.row === s.a.row);
          // A line total the broken formula makes wrong is distribution/sum-mismatch's one finding (it names the formula).
          if (g.kind === 'column' && row && s.a === row.total && totalDisagrees(row, pool)) continue;
          if (totalWrong(s.a)) continue;
          const post = row?.post;
          out.push(
            finding({
              sheet: s.a.sheet,
              row: s.a.row,
              cell: s.a.cell,
              post: post || undefined,
              args: { formula: s.a.formula ?? '', example: `${example.cell}: =${example.formula}` },
            }),
          );
        }
      }
    }
    return out;
  },
});
