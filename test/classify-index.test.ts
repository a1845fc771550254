// The classifier's word index (PatternIndex) finds exactly what running every vocabulary pattern finds: the same terms,
// in the same order, and the same lump sums, over every vocabulary entry (with variants) and every text of the fixtures.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTermsUncached, lumpSumUncached } from '../src/itemise/classify.js';
import { CATEGORIES, GENERIC_WORDS, LUMP_SUMS } from '../src/itemise/vocabulary.js';
import { findBuiltinPool, builtinPools } from '../src/pools/index.js';
import { readWorkbook } from '../src/read/index.js';
import { lines } from '../bench/pile.js';
import { rng } from './helpers/mutate.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(xlsx|xlsm|csv)$/i.test(n) ? [p] : [];
  });
}

/** Every vocabulary pattern as text, bare and in the forms posts write it in. */
function vocabularyTexts(): string[] {
  const patterns = [
    ...CATEGORIES.flatMap((c) => [...c.terms, ...(c.not ?? []), c.da, c.en]),
    ...LUMP_SUMS.flatMap((l) => [...l.terms, ...(l.weak ?? []), ...(l.not ?? [])]),
    ...GENERIC_WORDS,
  ];
  const out: string[] = [];
  for (const p of patterns) {
    const parts = p.replace(/^\^|\$$/g, '').split(' + ');
    const bare = parts.map((x) => x.replace(/^\*|\*$/g, '')).join(' ');
    const reversed = [...parts]
      .reverse()
      .map((x) => x.replace(/^\*|\*$/g, ''))
      .join(' til ');
    out.push(p, bare, reversed, `${bare}er`, `pro${bare}`, `udgifter til ${bare}`, `ekskl. ${bare}`, `1. ${bare.toUpperCase()}`, `${bare}, diverse`);
    out.push(`${bare} i alt`, `andre ${bare}`, `${bare}-${bare}`, `(${bare})`, `${bare} 7 %`, bare.slice(0, 3), bare.slice(1));
  }
  return out;
}

async function fixtureTexts(): Promise<string[]> {
  const out = new Set<string>();
  for (const f of files('fixtures')) {
    const r = await readWorkbook(f, { maxCells: 200_000 });
    if (!r.ok) continue;
    for (const s of r.workbook.sheets) for (const cells of s.rows.values()) for (const c of cells) if (typeof c.value === 'string') out.add(c.value);
  }
  const r = rng(7);
  for (const l of lines(r, 200)) out.add(l.post).add(l.spec ?? '');
  return [...out];
}

describe('the classifier index', () => {
  it('finds the same terms as every pattern run in turn', async () => {
    const texts = [...vocabularyTexts(), ...(await fixtureTexts())];
    expect(texts.length).toBeGreaterThan(3000);
    let found = 0;
    for (const t of texts) {
      const fast = findTermsUncached(t);
      const all = findTermsUncached(t, true);
      found += all.length;
      expect(
        fast.map((h) => [h.def.id, h.term, h.index, h.text]),
        t,
      ).toEqual(all.map((h) => [h.def.id, h.term, h.index, h.text]));
    }
    expect(found).toBeGreaterThan(1000);
  });

  it('finds the same lump sums as every pattern run in turn, with and without pool terms', async () => {
    const texts = [...vocabularyTexts(), ...(await fixtureTexts())];
    const poolTerms = [[], ...builtinPools().map((p) => p.lumpSumTerms ?? []), findBuiltinPool('recovery-2019')!.lumpSumTerms];
    let found = 0;
    for (const t of texts) {
      for (const terms of poolTerms) {
        const all = lumpSumUncached(t, terms, true);
        if (all) found++;
        expect(lumpSumUncached(t, terms), t).toEqual(all);
      }
    }
    expect(found).toBeGreaterThan(200);
  });
});
