// Accounts files (regnskab): placeholder entry point until the accounts model lands; reports the kind only.
import type { Config } from '../config.js';
import type { PreparedWorkbook } from '../model/budget.js';
import type { PoolProfile } from '../pools/schema.js';
import type { RawWorkbook } from '../read/types.js';
import type { FileReport } from '../report/types.js';
import type { Lang } from '../types.js';
import type { CheckOptions } from '../check.js';

export async function checkAccountsFile(
  path: string,
  _workbook: RawWorkbook,
  _prepared: PreparedWorkbook,
  pool: PoolProfile,
  _options: CheckOptions,
  _config: Config,
  _lang: Lang,
): Promise<FileReport> {
  return { path, kind: 'accounts', pool: pool.id, totals: {}, findings: [] };
}
