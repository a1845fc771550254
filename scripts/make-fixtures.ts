// Generates every fixture from its readable definition (fixtures/defs/) into fixtures/generated/, and the shipped
// examples into fixtures/examples/: node --import tsx scripts/make-fixtures.ts [--out dir] [--examples dir|--no-examples]
import { buildAll, type Built } from '../fixtures/lib/budget.js';
import { fixtureDefs } from '../fixtures/defs/index.js';
import { exampleDefs } from '../fixtures/defs/shipped.js';

export const DEFAULT_OUT = 'fixtures/generated';
export const EXAMPLES_DIR = 'fixtures/examples';

/** Builds every definition (the examples too, so the test checks them) into outDir. */
export async function makeFixtures(outDir = DEFAULT_OUT): Promise<Built[]> {
  return buildAll([...fixtureDefs, ...exampleDefs], outDir);
}

/** Writes the shipped examples (committed; the README's first command runs on one). */
export async function makeExamples(dir = EXAMPLES_DIR): Promise<Built[]> {
  return buildAll(exampleDefs, dir);
}

async function main(argv: string[]): Promise<void> {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const built = await makeFixtures(arg('--out') ?? DEFAULT_OUT);
  if (!argv.includes('--no-examples')) built.push(...(await makeExamples(arg('--examples') ?? EXAMPLES_DIR)));
  for (const b of built) console.log(`${b.path}  ${b.def.description}`);
}

if (process.argv[1] && /make-fixtures\.ts$/.test(process.argv[1])) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
