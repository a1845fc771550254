// accounts/unbudgeted-post: an accounts post that is not in the approved budget (or, alone, spending with no budget).
import type { RawFinding } from '../../types.js';
import { accountsRule, approvedIndex, isUnbudgeted, newPostNeedsApproval } from './util.js';

export default accountsRule({
  id: 'accounts/unbudgeted-post',
  severity: 'error',
  check: ({ accounts, approved, pool }) => {
    const out: RawFinding[] = [];
    const index = approved ? approvedIndex(approved) : undefined;
    for (const p of accounts.posts) {
      if (!isUnbudgeted(p, index)) continue;
      const spent = p.actual?.status === 'number' ? p.actual.ore! : 0;
      if (!newPostNeedsApproval(pool, spent)) continue; // a pool may let small new posts pass
      out.push({
        rule: 'accounts/unbudgeted-post',
        sheet: p.sheet,
        row: p.row,
        cell: p.postCell,
        post: p.post,
        actual: spent,
        args: { against: index ? 'approved' : 'column' },
      });
    }
    return out;
  },
});
