// itemisation/lump-sum-post: an undivided lump sum (overhead, administrationsbidrag, diverse, løn til medarbejdere,
// uforudsete udgifter …). One itemised as units × unit price where the vocabulary allows it is a warning.
import { budgetRule } from '../types.js';
import { lineAt, lineFacts } from '../../itemise/line-facts.js';

export default budgetRule({
  id: 'itemisation/lump-sum-post',
  severity: 'error',
  check: ({ budget, pool }) =>
    lineFacts(budget, pool)
      .filter((f) => f.lumpSum)
      .map((f) => ({
        rule: 'itemisation/lump-sum-post',
        ...lineAt(f.line),
        ...(f.lumpItemised ? { severity: 'warning' as const } : {}),
        actual: f.line.total,
        args: { term: f.lumpSum!, kind: f.lump?.id, itemised: !!f.lumpItemised },
      })),
});
