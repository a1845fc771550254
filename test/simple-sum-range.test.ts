// rules/util's simpleSumRange reads the usual "SUM(B5:M5)" off its characters for inconsistent-formula: wherever it
// answers, it must give exactly the one range sumRanges parses, and leave every other formula to sumRanges.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sumRanges } from '../src/model/formula.js';
import { simpleSumRange, type SimpleRange } from '../src/rules/util.js';

const out: SimpleRange = { r1: -1, c1: -1, r2: -1, c2: -1 };

/** simpleSumRange's range, or undefined where it leaves the formula to sumRanges. */
const simple = (f: string) => (simpleSumRange(f, out) ? { sheet: undefined, ...out } : undefined);

describe('simpleSumRange', () => {
  it('reads the usual forms as sumRanges does', () => {
    for (const f of [
      'SUM(B5:M5)',
      '=SUM(B5:M5)',
      'SUM($B$5:$M$5)',
      'SUM(M5:B5)',
      'SUM(B20:B5)',
      'SUM(B5)',
      'SUM(XFD1048576:A1)',
      'SUM(A0:A0)',
      'SUM(AB012:C3)',
    ])
      expect(simple(f), f).toEqual(sumRanges(f)![0]);
    expect(sumRanges('SUM(M5:B5)')).toHaveLength(1);
  });

  it('leaves any other formula to sumRanges', () => {
    for (const f of [
      'sum(B5:M5)',
      'SUM(b5:m5)',
      'SUM(B5: M5)',
      ' SUM(B5:M5)',
      'SUM(B5:M5)+1',
      'SUM(B5:M5,B7)',
      "SUM('Ark 1'!B5:M5)",
      'SUM(Ark1!B5:M5)',
      'SUM(ABCD5)',
      'SUM(B1234567890)',
      'SUM(B5:)',
      'SUM()',
      '==SUM(B5)',
      'SUM(B5:M5',
      'SUM($$B5)',
      'B5+M5',
      '',
    ])
      expect(simple(f), f).toBeUndefined();
  });

  it('agrees with sumRanges on generated formulas wherever it answers', () => {
    // each part mostly of the usual form, sometimes not: the formulas reach both answers
    const usual = <T>(ok: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) => fc.oneof({ arbitrary: ok, weight: 6 }, { arbitrary: odd, weight: 1 });
    const letters = usual(fc.stringMatching(/^[A-Z]{1,3}$/), fc.stringMatching(/^[A-Za-z]{0,5}$/));
    const digits = usual(fc.stringMatching(/^[0-9]{1,7}$/), fc.stringMatching(/^[0-9]{0,12}$/));
    const dollar = usual(fc.constantFrom('', '$'), fc.constantFrom('$$', ' ', '!'));
    const ref = fc.tuple(dollar, letters, dollar, digits).map((p) => p.join(''));
    const formula = fc
      .tuple(
        usual(fc.constantFrom('', '='), fc.constantFrom('==', ' =', ' ')),
        usual(fc.constant('SUM('), fc.constantFrom('sum(', 'SUM (', 'SUMX(', "SUM('Ark 1'!", 'SUM(Ark1!')),
        ref,
        usual(fc.constantFrom('', ':'), fc.constantFrom(': ', ',', ';', '::')),
        ref,
        usual(fc.constant(')'), fc.constantFrom('', ') ', ')+1', '))')),
      )
      .map((p) => p.join(''));
    let answered = 0;
    fc.assert(
      fc.property(formula, (f) => {
        const s = simple(f);
        if (s === undefined) return true;
        answered++;
        const r = sumRanges(f);
        return r !== undefined && r.length === 1 && JSON.stringify(r[0]) === JSON.stringify(s) && r[0].sheet === undefined;
      }),
      { numRuns: 20_000, seed: 19 },
    );
    expect(answered).toBeGreaterThan(200); // the generated formulas reach the forms it answers for
  });

  it('answers for the generated forms it is meant for', () => {
    let answered = 0;
    for (let r = 1; r < 2_000; r += 7) if (simple(`=SUM($B$${r}:M${r + 3})`) && simple(`SUM(A${r}:ZZ${r})`)) answered++;
    expect(answered).toBe(Math.ceil(1_999 / 7));
  });
});
