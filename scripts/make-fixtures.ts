// Generates the shipped example workbooks from their readable definitions (fixtures/defs/examples.ts): npm run fixtures.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { herningWithDefects, roskilde } from '../fixtures/defs/examples.js';
import { budgetWorkbook } from '../test/helpers/budget.js';
import { writeXlsx } from '../test/helpers/xlsx.js';

export async function makeExamples(dir = 'fixtures/examples'): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const out: Array<[string, Parameters<typeof budgetWorkbook>[0]]> = [
    ['roskilde-budget.xlsx', roskilde],
    ['herning-budget-med-fejl.xlsx', herningWithDefects],
  ];
  const written: string[] = [];
  for (const [name, spec] of out) {
    const path = join(dir, name);
    await writeXlsx(budgetWorkbook(spec).wb, path, { fixedDate: true });
    written.push(path);
  }
  return written;
}

if (process.argv[1] && /make-fixtures\.ts$/.test(process.argv[1])) {
  const dir = process.argv[2] ?? 'fixtures/examples';
  makeExamples(dir).then((files) => console.log(files.join('\n')));
}
