// The flow goes one way (read → model → rules → engine → report → cli): no import cycle anywhere in src/, counting
// type-only, re-export, side-effect and dynamic imports as well — a cycle is how a pure core grows back into the CLI.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.ts$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** The import graph of src/: file → the files it imports (relative imports, .js resolved to the .ts source). */
function importGraph(root = 'src'): Map<string, string[]> {
  const files = sources(root);
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const deps = new Set<string>();
    for (const m of readFileSync(f, 'utf8').matchAll(IMPORT)) {
      const target = relative('.', resolve(dirname(f), m[1])).replace(/\.js$/, '.ts');
      if (known.has(target)) deps.add(target);
    }
    graph.set(f, [...deps]);
  }
  return graph;
}

/** Strongly connected components of more than one file, or a file importing itself (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('the import graph of src/', () => {
  it('finds a cycle where there is one (type-only and dynamic imports count)', () => {
    const g = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cycles(g)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    const text = `import type { X } from './x.js';\nconst y = await import('../y.js');\nexport { z } from "./z.js";\nimport './side.js';`;
    expect([...text.matchAll(IMPORT)].map((m) => m[1])).toEqual(['./x.js', '../y.js', './z.js', './side.js']);
  });

  it('has no import cycle', () => {
    const g = importGraph();
    expect(g.size).toBeGreaterThan(100);
    expect(cycles(g)).toEqual([]);
  });

  it('keeps the report formats off the rules (shared analysis lives in model/ or itemise/)', () => {
    const g = importGraph();
    const wrong = [...g].flatMap(([f, deps]) => (f.startsWith('src/report/') ? deps.filter((d) => d.startsWith('src/rules/')).map((d) => `${f} → ${d}`) : []));
    expect(wrong).toEqual([]);
  });

  it('keeps each rule family off the others: shared analysis lives in model/ or itemise/', () => {
    const g = importGraph();
    const family = (f: string) => /^src\/rules\/([^/]+)\//.exec(f)?.[1];
    // a rule may read another rule's findings (ruleFindings, to defer to it): that rule, registered in its family's index
    const registered = new Set([...g].filter(([f]) => /^src\/rules\/[^/]+\/index\.ts$/.test(f)).flatMap(([, deps]) => deps));
    const wrong = [...g].flatMap(([f, deps]) => {
      const mine = family(f);
      if (!mine) return [];
      return deps.filter((d) => family(d) && family(d) !== mine && !registered.has(d)).map((d) => `${f} → ${d}`);
    });
    expect(registered.size).toBeGreaterThan(40);
    expect(wrong).toEqual([]);
  });
});
