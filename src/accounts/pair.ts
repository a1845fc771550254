// Accounts in batch: the approved budgets of a folder (--budget godkendte/), and for each accounts file the one
// that belongs to it, by CVR, then by applicant name, then by file name.
import { basename, extname } from 'node:path';
import { prepare, isAccountsSheet } from '../model/budget.js';
import { readWorkbook, type Limits } from '../read/index.js';
import type { InputRuleId, RawFinding } from '../types.js';

/** An approved budget as the pairing knows it: plain data, so it crosses to worker threads. */
export interface ApprovedBudgetRef {
  path: string;
  cvr?: string;
  applicant?: string;
}

export type Pairing = { path: string; by: 'cvr' | 'applicant' | 'file-name' } | { path?: undefined; ambiguous: string[] };

/** Reads the metadata of every budget among files (accounts workbooks and unreadable files are left out). */
export async function indexApprovedBudgets(
  files: string[],
  limits?: Partial<Limits>,
  unread?: (path: string, finding: RawFinding<InputRuleId>) => void,
): Promise<ApprovedBudgetRef[]> {
  const out: ApprovedBudgetRef[] = [];
  for (const path of files) {
    const read = await readWorkbook(path, limits);
    if (!read.ok) {
      unread?.(path, read.finding); // told, so an accounts file it was meant for is not just "unpaired"
      continue;
    }
    try {
      const prepared = prepare(read.workbook);
      if (read.workbook.sheets.some((s) => isAccountsSheet(prepared.grid, s))) continue;
      const m = prepared.metadata;
      out.push({ path, ...(m.cvr?.value ? { cvr: m.cvr.value } : {}), ...(m.applicant?.value ? { applicant: m.applicant.value } : {}) });
    } catch {
      // a workbook the model cannot be built from is no approved budget
    }
  }
  return out;
}

const cvrKey = (s: string | undefined) => (s ? s.replace(/\D/g, '') : '');
const nameKey = (s: string | undefined) =>
  (s ?? '')
    .toLocaleLowerCase('da')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Words that say what a file is rather than whose it is: "roskilde-regnskab-2021" and "Roskilde godkendt budget" meet at "roskilde 2021"/"roskilde". */
const ROLE_WORDS = new Set([
  'regnskab',
  'regnskaber',
  'slutregnskab',
  'delregnskab',
  'budget',
  'budgetter',
  'budgetskema',
  'godkendt',
  'godkendte',
  'approved',
  'accounts',
  'endelig',
  'endeligt',
  'final',
  'revideret',
  'v1',
  'v2',
  'v3',
]);

function fileKey(path: string): string {
  const stem = basename(path, extname(path));
  return nameKey(stem)
    .split(' ')
    .filter((w) => w && !ROLE_WORDS.has(w))
    .join(' ');
}

/** Narrows candidates by one key; an empty key or no match leaves the stage undecided. */
function narrow(cands: ApprovedBudgetRef[], key: (b: ApprovedBudgetRef) => string, want: string): ApprovedBudgetRef[] | undefined {
  if (!want) return undefined;
  const hit = cands.filter((b) => key(b) === want);
  return hit.length ? hit : undefined;
}

/**
 * The approved budget of an accounts file: the budgets with its CVR, of those (or of all, when no CVR matches) the ones
 * with its applicant name, then its file name. One left: paired. Several left: ambiguous. None: no approved budget.
 */
export function pairApprovedBudget(accounts: { path: string; cvr?: string; applicant?: string }, budgets: ApprovedBudgetRef[]): Pairing | undefined {
  // A budget with another valid CVR belongs to another applicant, whatever its name or file name says.
  const own = cvrKey(accounts.cvr);
  let cands = own.length === 8 ? budgets.filter((b) => cvrKey(b.cvr).length !== 8 || cvrKey(b.cvr) === own) : budgets;
  let by: 'cvr' | 'applicant' | 'file-name' | undefined;
  const stages: Array<['cvr' | 'applicant' | 'file-name', (b: ApprovedBudgetRef) => string, string]> = [
    ['cvr', (b) => cvrKey(b.cvr), own.length === 8 ? own : ''],
    ['applicant', (b) => nameKey(b.applicant), nameKey(accounts.applicant)],
    ['file-name', (b) => fileKey(b.path), fileKey(accounts.path)],
  ];
  for (const [stage, key, want] of stages) {
    const hit = narrow(cands, key, want);
    if (!hit) continue;
    by ??= stage;
    cands = hit;
    if (cands.length === 1) return { path: cands[0].path, by };
  }
  if (!by) return undefined;
  return { ambiguous: cands.map((b) => b.path).sort() };
}
