// The rows' census by table (src/rules/util.ts tableCensus): the same bits as amountFlags and the same months' sum as
// monthsSum for every row, and amountsUnreliable as the census's bits say.
import { describe, expect, it } from 'vitest';
import { buildBudget, prepare } from '../src/model/budget.js';
import { findBuiltinPool } from '../src/pools/index.js';
import { amountFlags, amountsUnreliable, M_ERROR, M_NEGATIVE, M_TEXT, M_UNKNOWN, monthsSum, tableCensus } from '../src/rules/util.js';
import { budgetWorkbook, CLEAN_LINES } from './helpers/budget.js';

const pool = findBuiltinPool('recovery-2019')!;

describe('tableCensus', () => {
  it("says each row's amountFlags bits and months' sum, and amountsUnreliable follows the bits", () => {
    const { wb } = budgetWorkbook({
      lines: [
        ...CLEAN_LINES,
        { post: 'Materialer', spec: '10 stk. à 500 kr.', monthly: { 0: 2500, 1: -500, 2: 3000 } },
        { post: 'Husleje', spec: '12 mdr. à 4.000 kr.', monthly: 4000 },
      ],
    });
    // a month typed as text and an error value among the amounts
    const sheet = wb.sheets.find((s) => s.name === 'Budget')!;
    const cells = [...sheet.rows.values()].flat().filter((c) => typeof c.value === 'number');
    cells[3].value = 'ca. 4000';
    cells[7].error = '#REF!';
    const budget = buildBudget(wb.path, prepare(wb), pool.period);
    let rows = 0;
    const bits = new Set<number>();
    for (const t of budget.tables) {
      const c = tableCensus(t);
      expect(tableCensus(t)).toBe(c);
      t.rows.forEach((r, i) => {
        expect(c.flags[i]).toBe(amountFlags(r));
        expect(c.monthsSum[i]).toBe(monthsSum(r));
        bits.add(c.flags[i] & (M_TEXT | M_ERROR | M_NEGATIVE));
        rows++;
      });
    }
    expect(rows).toBeGreaterThan(5);
    expect([...bits].some((b) => b & M_NEGATIVE)).toBe(true);
    for (const l of budget.lines) {
      expect(amountsUnreliable(l)).toBe(l.rows.some((r) => (amountFlags(r) & (M_TEXT | M_ERROR | M_UNKNOWN | M_NEGATIVE)) !== 0));
    }
    expect(budget.lines.some((l) => amountsUnreliable(l))).toBe(true);
  });
});
