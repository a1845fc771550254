// Category labels for the template's drop-down: the pool's eligible categories, in the template's language.
import { categoryLabel } from '../itemise/index.js';
import type { PoolProfile } from '../pools/schema.js';

export function eligibleLabels(pool: PoolProfile, lang: 'da' | 'en'): string[] {
  return pool.eligibleCategories.map((id) => categoryLabel(id, lang));
}
