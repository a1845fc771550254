// A pile of budgets whose cell text is hostile (formula-looking, script-looking, terminal escapes, prototype keys,
// huge, broken Unicode), checked through the CLI in every format: nothing crashes, nothing runs, nothing escapes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../src/read/index.js';
import { budgetWorkbook, CLEAN_LINES } from './helpers/budget.js';
import { parseXml } from './helpers/xml.js';
import { writeXlsx } from './helpers/xlsx.js';

const BIN = resolve('bin/budgettjek.js');
const dir = mkdtempSync(join(tmpdir(), 'bt-hostile-pile-'));
const pile = join(dir, 'bunke');

const POSTS = [
  '=HYPERLINK("http://x","klik")',
  '+SUM(A1:A9)',
  '-2+3',
  "@cmd|' /C calc'!A0",
  '=1+1',
  '\t=1',
  ' =cmd',
  '<script>window.__pwned=1</script>',
  '<img src=x onerror=alert(1)>',
  '"quotes" & <tags> ]]>',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'Løn\x1b[2J\x1b]0;title\x07',
  'Kørsel\u202Enoitcelfer\u202C',
  'lone \uD800 surrogate',
  'x'.repeat(5000),
];

beforeAll(async () => {
  mkdirSync(pile, { recursive: true });
  for (let i = 0; i < 3; i++) {
    const lines = [
      ...CLEAN_LINES,
      ...POSTS.slice(i * 6, i * 6 + 6).map((post, k) => ({ post, spec: k % 2 ? `2 x ${post}` : post, note: post, monthly: { [k + 1]: 1000 } })),
    ];
    await writeXlsx(budgetWorkbook({ lines, stamdata: { Ansøger: POSTS[i * 5], CVR: '29189404', Projekttitel: POSTS[7] } }).wb, join(pile, `budget-${i}.xlsx`));
  }
});

function run(format: string) {
  const r = spawnSync(process.execPath, [BIN, 'check', pile, '--pool', 'recovery-2019', '--format', format, '--fail-on', 'never'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('a pile of budgets with hostile cell text', () => {
  it('is read as text: every hostile post is a budget line, never a formula', async () => {
    const r = await readWorkbook(join(pile, 'budget-0.xlsx'));
    expect(r.ok).toBe(true);
    const texts = r.ok
      ? [...r.workbook.sheets.find((s) => s.name === 'Budget')!.rows.values()]
          .flat()
          .filter((c) => typeof c.value === 'string')
          .map((c) => c.value)
      : [];
    for (const p of POSTS.slice(0, 6)) expect(texts).toContain(p);
  });

  it('json: every file checked, no crash, no internal failure', () => {
    const r = run('json');
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.files).toHaveLength(3);
    for (const f of doc.files) {
      expect(f.kind).toBe('budget');
      expect(f.findings.filter((x: { rule: string }) => x.rule.startsWith('internal/') || x.rule.startsWith('input/'))).toEqual([]);
    }
    const posts = doc.files.flatMap((f: { findings: Array<{ post?: string }> }) => f.findings.map((x) => x.post)).filter(Boolean);
    expect(posts).toContain('__proto__');
    expect(posts).toContain('=HYPERLINK("http://x","klik")');
  });

  it('text: no control sequence reaches the terminal', () => {
    const r = run('text');
    expect(r.code, r.err).toBe(0);
    expect(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]/.test(r.out)).toBe(false);
    expect(r.out).toContain('=HYPERLINK("http://x","klik")');
  });

  it('csv: no cell can run as a formula', () => {
    const r = run('csv');
    expect(r.code, r.err).toBe(0);
    const fields = r.out
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .flatMap((line) => line.split(';'))
      .map((f) => f.replace(/^"|"$/g, ''));
    expect(fields.filter((f) => /^\s*[=+\-@\t\r]/.test(f))).toEqual([]);
    expect(r.out).toContain(`'=HYPERLINK(""http://x"",""klik"")`);
  });

  it('html: escaped, no markup from the data, no script', () => {
    const r = run('html');
    expect(r.code, r.err).toBe(0);
    expect(/<script|<img/i.test(r.out)).toBe(false);
    expect(r.out).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(r.out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // no text can turn itself around on the page
    expect(/[\u202a-\u202e\u2066-\u2069]/.test(r.out)).toBe(false);
  });

  it('junit and sarif: well-formed documents that hold the hostile text as text', () => {
    const junit = run('junit');
    expect(junit.code, junit.err).toBe(0);
    expect(parseXml(junit.out).name).toBe('testsuites');
    const sarif = run('sarif');
    expect(sarif.code, sarif.err).toBe(0);
    const doc = JSON.parse(sarif.out);
    expect(doc.version).toBe('2.1.0');
    expect(JSON.stringify(doc)).toContain('<script>window.__pwned=1</script>');
  });

  it('an unknown pool that quotes workbook text carries no control sequence to the terminal', () => {
    const csv = join(dir, 'pulje.csv');
    writeFileSync(csv, 'Pulje;X\x1b[2J\x1b[HFAKE OK\x07\nBudgetpost;januar 2020;I alt\nRevision;100;100\n');
    const r = spawnSync(process.execPath, [BIN, 'check', csv, '--no-color'], { encoding: 'utf8' });
    expect(r.status).toBe(1); // structure/unknown-pool: a finding of the file, not a usage error
    expect(r.stdout).toContain('structure/unknown-pool');
    expect(r.stdout).toContain('FAKE OK');
    expect(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(r.stdout + r.stderr)).toBe(false);
  });

  it('annotate: the copies hold the hostile text as text, no formula in the findings sheet', async () => {
    const out = join(dir, 'kommenteret');
    const r = spawnSync(process.execPath, [BIN, 'check', pile, '--pool', 'recovery-2019', '--annotate', out, '--format', 'json', '--fail-on', 'never'], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    for (let i = 0; i < 3; i++) {
      const copy = await readWorkbook(join(out, `budget-${i}.xlsx`));
      expect(copy.ok).toBe(true);
      if (!copy.ok) continue;
      const sheet = copy.workbook.sheets.find((s) => s.name === 'budgettjek')!;
      const cells = [...sheet.rows.values()].flat();
      expect(cells.length).toBeGreaterThan(9);
      expect(cells.filter((c) => c.formula)).toEqual([]);
    }
    expect(readFileSync(join(pile, 'budget-0.xlsx')).length).toBeGreaterThan(0);
  });
});
