// Writes the rule catalogue table into README.md between the catalogue markers (npm run docs).
import { readFileSync, writeFileSync } from 'node:fs';
import { catalogueMarkdown } from '../src/cli/commands/rules.js';

const START = '<!-- catalogue:start -->';
const END = '<!-- catalogue:end -->';

export function withCatalogue(readme: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error('README.md has no catalogue markers');
  return `${readme.slice(0, a + START.length)}\n${catalogueMarkdown()}${readme.slice(b)}`;
}

if (process.argv[1] && /catalogue\.ts$/.test(process.argv[1])) {
  const readme = readFileSync('README.md', 'utf8');
  writeFileSync('README.md', withCatalogue(readme));
  console.log('README.md catalogue updated');
}
