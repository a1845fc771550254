// Per-line understanding shared by the itemisation and eligibility rules, computed once per budget.
import { classify, isLumpSum, lumpSumOf, parseUnitPrice, type Classification, type LumpSumHit, type UnitPrice } from '../../itemise/index.js';
import type { Budget, BudgetLine } from '../../model/types.js';
import { OVERHEAD_TERMS, type PoolProfile } from '../../pools/schema.js';

export interface LineFacts {
  line: BudgetLine;
  /** The lump-sum term the post is ("diverse", "løn til medarbejdere"), if it is one. */
  lumpSum?: string;
  /** The overhead term the post starts with, where the pool allows overhead (then it is not a lump sum). */
  overhead?: string;
  lump?: LumpSumHit;
  /** A lump sum the line itemises as units × unit price ("Diverse materialer: 20 stk. à 150 kr."): at most a warning,
   * and its arithmetic is checked like any line's. */
  lumpItemised?: boolean;
  category?: Classification;
  /** Units × unit price understood from the specification, else the post, else the note. */
  unitPrice?: UnitPrice & { from: 'spec' | 'post' | 'note' };
  /** All the line's words: post, specification and note. */
  text: string;
}

const cache = new WeakMap<Budget, WeakMap<PoolProfile, LineFacts[]>>();

export function lineFacts(budget: Budget, pool: PoolProfile): LineFacts[] {
  let byPool = cache.get(budget);
  if (!byPool) cache.set(budget, (byPool = new WeakMap()));
  const hit = byPool.get(pool);
  if (hit) return hit;
  const facts = budget.lines.map((line) => {
    const overhead = pool.overhead === 'none' ? undefined : isLumpSum(line.post, pool.overhead.terms ?? OVERHEAD_TERMS);
    const lump = overhead ? undefined : lumpSumOf(line.post, pool.lumpSumTerms); // allowed overhead is no lump sum
    const category = classify(line.post, line.spec, line.category);
    let unitPrice: LineFacts['unitPrice'];
    for (const [from, text] of [['spec', line.spec], ['post', line.post], ['note', line.note]] as const) {
      const u = text ? parseUnitPrice(text) : undefined;
      if (u) {
        unitPrice = { ...u, from };
        break;
      }
    }
    return { line, lumpSum: lump?.term, lump, lumpItemised: !!lump?.itemisable && !!unitPrice, overhead, category, unitPrice, text: [line.post, line.spec, line.note].filter(Boolean).join(' · ') };
  });
  byPool.set(pool, facts);
  return facts;
}

/** Where a line finding points: the first row of the line, at the given cell kind. */
export function lineAt(line: BudgetLine, what: 'post' | 'spec' | 'total' = 'post') {
  const row = line.rows[0];
  const cell = what === 'spec' ? row.spec?.cell ?? row.postCell : what === 'total' ? row.total?.cell ?? row.postCell : row.postCell;
  return { sheet: row.sheet, row: row.row, cell, post: line.post };
}
