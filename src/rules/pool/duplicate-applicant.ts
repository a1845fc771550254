// pool/duplicate-applicant: the same CVR number in several files of one batch.
import { batchRule } from '../types.js';
import { compareText } from '../../order.js';

/** The args of a pool/duplicate-applicant finding: the CVR, the files that state it, the applicant's name. */
type Args = { cvr: string; files: string[]; applicant?: string; oneGrantPerApplicant?: boolean };

export default batchRule<Args>()({
  id: 'pool/duplicate-applicant',
  severity: 'warning',
  check: ({ files, pools }, finding) => {
    const byCvr = new Map<string, string[]>();
    for (const f of files) {
      if (f.kind !== 'budget' || !f.cvr || !/^\d{8}$/.test(f.cvr)) continue;
      byCvr.set(f.cvr, [...(byCvr.get(f.cvr) ?? []), f.path]);
    }
    const out: ReturnType<typeof finding>[] = [];
    for (const [cvr, paths] of [...byCvr].sort((a, b) => compareText(a[0], b[0]))) {
      if (paths.length < 2) continue;
      const applicant = files.find((f) => f.cvr === cvr && f.applicant)?.applicant;
      // A pool that gives one grant per applicant (Familiehuse, Lokalplejehjem) says so in the finding.
      const oneGrant = files.some((f) => f.cvr === cvr && f.pool !== undefined && pools.get(f.pool)?.applicants.oneGrantPerApplicant);
      out.push(
        finding({
          args: { cvr, files: paths, applicant, ...(oneGrant ? { oneGrantPerApplicant: true } : {}) },
          actual: paths.length,
          unit: 'count',
        }),
      );
    }
    return out;
  },
});
