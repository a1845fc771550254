import { describe, expect, it } from 'vitest';
import { builtinPools, matchPool, storedProfile } from '../src/pools/index.js';
import { loadPool } from '../src/pools/load.js';
import { UsageError } from '../src/errors.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

describe('pool profiles', () => {
  it('keeps the three seed pools with the figures of SPEC §1', () => {
    const pools = Object.fromEntries(builtinPools().map((p) => [p.id, p]));
    for (const id of ['15m-2013', 'isolerede-2013', 'recovery-2019']) expect(pools[id]).toBeDefined();
    expect(pools['recovery-2019'].funds).toBe(13_000_000);
    expect(pools['recovery-2019'].period).toEqual({ start: '2020-01', end: '2022-09' });
    expect(pools['recovery-2019'].applicants.type).toBe('municipality');
    expect(pools['recovery-2019'].vatEligible).toBe(false);
    expect(pools['15m-2013'].funds).toBe(49_000_000);
    expect(pools['15m-2013'].annualCap).toBe(15_000_000);
    expect(pools['isolerede-2013'].funds).toBe(8_000_000);
    for (const p of builtinPools()) expect(p.sources.length).toBeGreaterThan(0);
  });

  it('stores the built-in profiles complete: the schema accepts them unchanged', async () => {
    const { poolProfileSchema } = await import('../src/pools/schema.js');
    for (const p of builtinPools()) expect(poolProfileSchema.parse(storedProfile(p))).toEqual(storedProfile(p));
  });

  it('matches the workbook Pulje field by id, name or alias', () => {
    expect(matchPool('recovery-2019')?.id).toBe('recovery-2019');
    expect(matchPool('Social investeringspulje til recovery og rehabilitering')?.id).toBe('recovery-2019');
    expect(matchPool('15M-puljen')?.id).toBe('15m-2013');
    expect(matchPool('Noget helt andet')).toBeUndefined();
  });

  it('rejects an invalid profile file naming the bad field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bt-pool-'));
    const file = join(dir, 'bad.json');
    const good = builtinPools()[0];
    writeFileSync(file, JSON.stringify({ ...good, funds: 'many' }));
    await expect(loadPool(file)).rejects.toThrow(UsageError);
    await expect(loadPool(file)).rejects.toThrow(/funds/);
    const yfile = join(dir, 'ok.yaml');
    writeFileSync(
      yfile,
      `id: my-pool\nname: Min pulje\nfunds: 1000000\nperiod: { start: 2024-01, end: 2024-12 }\napplicants: { type: any }\nvatEligible: true\nsources: [{ id: X, title: Own }]\n`,
    );
    expect((await loadPool(yfile)).thresholds.equipmentPerYear).toBe(50000);
  });
});
