import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareText } from '../src/order.js';
import { RULES } from '../src/rules/index.js';

describe('compareText', () => {
  const sign = (n: number) => Math.sign(n);
  it('orders as localeCompare does (property), plain ASCII ids and any other text alike', () => {
    const plain = fc.string({ unit: fc.constantFrom(...'abcxyz019 -./'), maxLength: 8 });
    const any = fc.string({ unit: fc.constantFrom(...'abAZæøåÅé 1-./_,:'), maxLength: 6 });
    fc.assert(
      fc.property(fc.oneof(plain, any), fc.oneof(plain, any), (a, b) => {
        expect(sign(compareText(a, b))).toBe(sign(a.localeCompare(b)));
      }),
      { numRuns: 5000, seed: 19 },
    );
  });

  it('keeps the rule registry in the order localeCompare gives', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
  });
});
