// itemisation/lump-sum-post: an undivided lump sum (overhead, administrationsbidrag, diverse, løn til medarbejdere,
// uforudsete udgifter …). One itemised as units × unit price where the vocabulary allows it is a warning.
import { budgetRule } from '../types.js';
import { lineAt, lineFacts } from '../../itemise/line-facts.js';

/** The args of an itemisation/lump-sum-post finding. */
type Args = { term: string; kind?: string; itemised: boolean };

export default budgetRule<Args>()({
  id: 'itemisation/lump-sum-post',
  severity: 'error',
  check: ({ budget, pool }, finding) =>
    lineFacts(budget, pool)
      .filter((f) => f.lumpSum)
      .map((f) =>
        finding({
          ...lineAt(f.line),
          ...(f.lumpItemised ? { severity: 'warning' as const } : {}),
          actual: f.line.total,
          args: { term: f.lumpSum!, kind: f.lump?.id, itemised: !!f.lumpItemised },
        }),
      ),
});
