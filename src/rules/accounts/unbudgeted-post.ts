// accounts/unbudgeted-post: an accounts post that is not in the approved budget (or, alone, spending with no budget).
import { accountsRule, approvedIndex, isUnbudgeted, newPostNeedsApproval } from './util.js';

/** The args of an accounts/unbudgeted-post finding. */
type Args = { against: 'approved' | 'column' };

export default accountsRule<Args>()({
  id: 'accounts/unbudgeted-post',
  severity: 'error',
  check: ({ accounts, approved, pool }, finding) => {
    const out: ReturnType<typeof finding>[] = [];
    const index = approved ? approvedIndex(approved, accounts, pool) : undefined;
    for (const p of accounts.posts) {
      if (!isUnbudgeted(p, index)) continue;
      const spent = p.actual?.status === 'number' ? p.actual.ore! : 0;
      if (spent === 0 && p.actual?.status !== 'text') continue; // nothing spent on it: no new post, nothing to approve
      if (!newPostNeedsApproval(pool, spent)) continue; // a pool may let small new posts pass
      out.push(
        finding({
          sheet: p.sheet,
          row: p.row,
          cell: p.postCell,
          post: p.post,
          actual: spent,
          args: { against: index ? 'approved' : 'column' },
        }),
      );
    }
    return out;
  },
});
