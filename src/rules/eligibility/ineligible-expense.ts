// eligibility/ineligible-expense: property, construction, deficit, living costs, volunteers' general training, abroad, bonus, VAT for a municipality.
import { ineligibleTerms } from '../../itemise/index.js';
import { lineAt, lineFacts, textFacts, type LineTexts } from '../../itemise/line-facts.js';

/** The ineligible categories the line's post or specification names (once per distinct texts: textFacts). */
const named = (t: LineTexts) => ineligibleTerms(t.post, t.spec);
import { budgetRule } from '../types.js';

/** The args of an eligibility/ineligible-expense finding. */
type Args = { category: string; matched: string };

export default budgetRule<Args>()({
  id: 'eligibility/ineligible-expense',
  severity: 'error',
  check: ({ budget, pool }, finding) => {
    const banned = new Set(pool.ineligibleCategories);
    if (pool.vatEligible) banned.delete('vat');
    const out: ReturnType<typeof finding>[] = [];
    for (const f of lineFacts(budget, pool)) {
      if (f.lumpSum || f.line.total === 0) continue; // a lump sum ("uforudsete udgifter") is reported as such
      const terms = textFacts(f, named);
      const cat = f.category;
      const explicit = cat?.confidence === 'explicit' && banned.has(cat.category) ? cat : undefined;
      if (!terms.length && !explicit) continue; // most lines: no array filtered out of nothing
      const hits = terms.filter((h) => banned.has(h.category));
      if (explicit && !hits.some((h) => h.category === explicit.category)) {
        hits.unshift({ category: explicit.category, matched: explicit.matched, from: 'post' });
      }
      if (!hits.length) continue;
      out.push(
        finding({
          ...lineAt(f.line, hits[0].from === 'spec' ? 'spec' : 'post'),
          actual: f.line.total,
          args: { category: hits[0].category, matched: hits[0].matched },
        }),
      );
    }
    return out;
  },
});
