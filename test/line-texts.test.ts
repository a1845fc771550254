// lineFacts' shared texts (src/itemise/line-facts.ts): lines of the same texts share one record, so what a rule
// derives from the texts alone (textFacts) is computed once per distinct texts, and lines of other texts never share.
import { describe, expect, it } from 'vitest';
import { lineFacts, textFacts, type LineTexts } from '../src/itemise/line-facts.js';
import { buildBudget, prepare } from '../src/model/budget.js';
import { findBuiltinPool } from '../src/pools/index.js';
import { budgetWorkbook, CLEAN_LINES } from './helpers/budget.js';

const pool = findBuiltinPool('recovery-2019')!;
const budgetOf = (lines = CLEAN_LINES) => {
  const { wb } = budgetWorkbook({ lines });
  return buildBudget(wb.path, prepare(wb), pool.period);
};

describe('lineFacts shares a line texts record per distinct texts', () => {
  it('gives lines of the same texts in two budgets one record, and textFacts computes once for them', () => {
    const a = lineFacts(budgetOf(), pool);
    const b = lineFacts(budgetOf(), pool);
    expect(a.map((f) => f.line.post)).toEqual(CLEAN_LINES.map((l) => l.post));
    a.forEach((f, i) => expect(b[i].texts).toBe(f.texts));
    let calls = 0;
    const of = (t: LineTexts) => (calls++, t.post.length);
    expect(a.map((f) => textFacts(f, of))).toEqual(b.map((f) => textFacts(f, of)));
    expect(calls).toBe(CLEAN_LINES.length);
  });

  it('keeps lines apart whose specification or note differs, and says their own texts', () => {
    const lines = [
      ...CLEAN_LINES,
      { ...CLEAN_LINES[1], post: 'Kørsel 2', spec: '400 km/md. à 1,90 kr., 33 mdr.' },
      { ...CLEAN_LINES[1], post: 'Kørsel 3', note: 'Note 2: kørsel til møder' },
    ];
    const facts = lineFacts(budgetOf(lines), pool);
    const texts = new Set(facts.map((f) => f.texts));
    expect(texts.size).toBe(facts.length);
    for (const f of facts) {
      expect(f.texts).toMatchObject({ post: f.line.post, spec: f.line.spec, note: f.line.note, section: f.line.section, category: f.line.category });
      expect(f.text).toBe(f.texts.text);
    }
    const again = lineFacts(budgetOf(lines), pool);
    again.forEach((f, i) => expect(f.texts).toBe(facts[i].texts));
  });

  it('reads a line the same under another pool, each pool with its own records', () => {
    const other = findBuiltinPool('puf-2024')!;
    const a = lineFacts(budgetOf(), pool);
    const b = lineFacts(budgetOf(), other);
    a.forEach((f, i) => expect(b[i].category).toEqual(f.category));
    a.forEach((f, i) => expect(b[i].texts).not.toBe(f.texts));
  });
});
