// Combinations of the clean-budget generator (scripts/clean-combos.ts) kept as fixtures (fixtures/defs/clean-combos.ts):
// writer × pool × months/quarters × one sheet/year sheets/summary × sections × quantity columns × specification ×
// financing × typed totals. Each is clean (no finding at all, but a CSV's missing metadata); the near-miss with driving
// above the legal rate is reported at its row. Asserted by rule@sheet:row.
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanComboCases, cleanComboDefs } from '../fixtures/defs/clean-combos.js';
import { parseAmountText } from '../src/money.js';
import { hiddenFixtures } from './helpers/hidden-fixtures.js';

const { ensureBuilt, fixture } = hiddenFixtures(cleanComboDefs);

beforeAll(ensureBuilt, 600_000);

describe('clean combinations', () => {
  it.each(cleanComboCases.map(([name]) => name))('%s: no error, no warning but a CSV’s missing metadata', async (name) => {
    const f = await fixture(name);
    const def = cleanComboDefs.find((d) => d.name === name)!;
    expect(f.at.filter((x) => !(x.startsWith('structure/missing-metadata@') && !def.metadata))).toEqual([]);
    expect(f.expenses).toBe(Math.round(def.expenses! * 100));
  });

  it("near-miss: a program's CSV with 'ca. 2.000' in an amount cell: non-numeric at its row, the float sums still amounts", async () => {
    const f = await fixture('combo-csv-en-text-amount');
    const csv = 'combo-csv-en-text-amount';
    expect(f.at.filter((x) => !x.startsWith('structure/missing-metadata@'))).toEqual([
      `structure/non-numeric-amount@${csv}:${f.rowOf(csv, '2.1 Kørsel i egen bil')}`,
    ]);
  });

  it('near-miss: driving at 3,10 kr. pr. km is over the low rate, at its row', async () => {
    const f = await fixture('combo-ret-km-rate-near-miss');
    expect(f.at).toEqual([`eligibility/mileage-rate@Budget:${f.rowOf('Budget', 'Kørsel i egen bil')}`]);
  });
});

describe('amounts a program wrote in full', () => {
  it('reads more than three decimals after the one separator as the decimal part, rounded to øre', () => {
    expect(parseAmountText('20879.100000000013')).toEqual({ kind: 'number', ore: 2_087_910 });
    expect(parseAmountText('20879,100000000013')).toEqual({ kind: 'number', ore: 2_087_910 });
    expect(parseAmountText('-0.30000000000000004')).toEqual({ kind: 'number', ore: -30 });
    expect(parseAmountText('1234,5678 kr.')).toEqual({ kind: 'number', ore: 123_457 });
  });

  it('near-misses: three digits stay a thousands group, and text with more separators stays text', () => {
    expect(parseAmountText('12.345')).toEqual({ kind: 'number', ore: 1_234_500 });
    expect(parseAmountText('1.234,5678')).toEqual({ kind: 'text' });
    expect(parseAmountText('20.10.2024')).toEqual({ kind: 'text' });
    expect(parseAmountText('ca. 2.000')).toEqual({ kind: 'text' });
  });
});
