// itemisation/lump-sum-post: an undivided lump sum (overhead, administrationsbidrag, diverse, løn til medarbejdere, uforudsete udgifter …).
import { budgetRule } from '../types.js';
import { lineAt, lineFacts } from './analyse.js';

export default budgetRule({
  id: 'itemisation/lump-sum-post',
  severity: 'error',
  check: ({ budget, pool }) =>
    lineFacts(budget, pool)
      .filter((f) => f.lumpSum)
      .map((f) => ({ rule: 'itemisation/lump-sum-post', ...lineAt(f.line), actual: f.line.total, args: { term: f.lumpSum! } })),
});
