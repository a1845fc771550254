// The input/* rules: emitted by the reader when a file cannot be read; listed here for the catalogue.
import { emittedRule } from '../types.js';

/** What an input/* finding carries besides what it is about: the limit passed and what was found, the zip entry, the
 * error the reader met, and (reading an approved budget) what went wrong with it. */
export interface InputDetail {
  limit?: number;
  found?: number;
  entry?: string;
  /** A zip entry's compression method, when it is none a workbook uses. */
  method?: number;
  error?: string;
  detail?: string;
}

/** The args of every input/* finding: `what` the file is or what was wrong with it ("xls", "file-size", "corrupt-zip"). */
export type InputArgs = { what: string } & InputDetail;

export const rules = [
  emittedRule<InputArgs>()({ id: 'input/unreadable', severity: 'error', scope: 'input' }),
  emittedRule<InputArgs>()({ id: 'input/unsupported-format', severity: 'error', scope: 'input' }),
  emittedRule<InputArgs>()({ id: 'input/too-large', severity: 'error', scope: 'input' }),
  // read by its content, but named as another format: Excel refuses to open a CSV named .xlsx, and opens a workbook
  // named .csv as text
  emittedRule<{ what: 'csv-named-xlsx' | 'xlsx-named-csv'; named: string }>()({ id: 'input/misnamed', severity: 'warning', scope: 'input' }),
];
