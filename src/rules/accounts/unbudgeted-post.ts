// accounts/unbudgeted-post: an accounts post that is not in the approved budget (or, alone, spending with no budget).
import type { RawFinding } from '../../types.js';
import { accountsRule, approvedIndex, newPostNeedsApproval, pair } from './util.js';

export default accountsRule({
  id: 'accounts/unbudgeted-post',
  severity: 'error',
  check: ({ accounts, approved, pool }) => {
    const out: RawFinding[] = [];
    const index = approved ? approvedIndex(approved) : undefined;
    for (const p of accounts.posts) {
      const spent = p.actual?.status === 'number' ? p.actual.ore! : 0;
      if (index) {
        if (pair(p, index) || !newPostNeedsApproval(pool, spent)) continue; // a pool may let small new posts pass
        out.push({ rule: 'accounts/unbudgeted-post', sheet: p.sheet, row: p.row, cell: p.postCell, post: p.post, actual: spent, args: { against: 'approved' } });
      } else if (spent !== 0 && newPostNeedsApproval(pool, spent) && (p.budget?.status === 'blank' || (p.budget?.status === 'number' && p.budget.ore === 0))) {
        out.push({ rule: 'accounts/unbudgeted-post', sheet: p.sheet, row: p.row, cell: p.postCell, post: p.post, actual: spent, args: { against: 'column' } });
      }
    }
    return out;
  },
});
