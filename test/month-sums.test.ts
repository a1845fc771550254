// A line's sums per month (MonthSums) read as the Map they replace: insertion order, sums, lookups in any order.
import { describe, expect, it } from 'vitest';
import { MonthSums } from '../src/model/month-sums.js';

describe('MonthSums', () => {
  it('adds into months in first-seen order and reads back like a Map', () => {
    const s = new MonthSums();
    const m = new Map<string, number>();
    const adds: Array<[string, number]> = [
      ['2021-03', 5],
      ['2021-01', 2],
      ['2021-03', 7],
      ['2020-12', -4],
      ['2021-01', 1],
    ];
    for (const [k, v] of adds) {
      s.add(k, v);
      m.set(k, (m.get(k) ?? 0) + v);
    }
    expect([...s]).toEqual([...m]);
    expect([...s.keys()]).toEqual([...m.keys()]);
    expect([...s.values()]).toEqual([...m.values()]);
    expect(s.size).toBe(3);
    // lookups backwards and forwards (the cursor wraps around)
    for (const k of ['2020-12', '2021-03', '2021-01', '2020-12', '2021-03']) expect(s.get(k)).toBe(m.get(k));
    expect(s.get('2022-01')).toBeUndefined();
    expect(s.has('2021-01')).toBe(true);
    expect(s.has('2019-01')).toBe(false);
    const seen: Array<[string, number]> = [];
    s.forEach((v, k) => seen.push([k, v]));
    expect(seen).toEqual([...m]);
    expect(new Map(s)).toEqual(m);
  });

  it('keeps months added in order, then out of order, as a Map does', () => {
    const s = new MonthSums();
    const m = new Map<string, number>();
    const months = ['2020-01', '2020-02', '2020-03', '2020-02', '2020-04', '2019-12', '2020-03', '2019-12', '2020-05'];
    months.forEach((k, i) => {
      s.add(k, i + 1);
      m.set(k, (m.get(k) ?? 0) + i + 1);
      for (const q of ['2019-12', '2020-01', '2020-03', '2020-05', '2021-01']) expect(s.get(q)).toBe(m.get(q));
    });
    expect([...s]).toEqual([...m]);
  });

  it('is empty until something is added', () => {
    const s = new MonthSums();
    expect(s.size).toBe(0);
    expect([...s]).toEqual([]);
    expect(s.get('2020-01')).toBeUndefined();
  });
});
