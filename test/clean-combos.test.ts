// Combinations of the clean-budget generator (scripts/clean-combos.ts) kept as fixtures (fixtures/defs/clean-combos.ts):
// writer × pool × months/quarters × one sheet/year sheets/summary × sections × quantity columns × specification ×
// financing × typed totals. Each is clean (no finding at all, but a CSV's missing metadata); the near-miss with driving
// above the legal rate is reported at its row. Asserted by rule@sheet:row.
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanComboCases, cleanComboDefs } from '../fixtures/defs/clean-combos.js';
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

  it('near-miss: driving at 3,10 kr. pr. km is over the low rate, at its row', async () => {
    const f = await fixture('combo-ret-km-rate-near-miss');
    expect(f.at).toEqual([`eligibility/mileage-rate@Budget:${f.rowOf('Budget', 'Kørsel i egen bil')}`]);
  });
});
