// Mutations of valid workbooks for property tests and the fuzzer: truncation, byte flips, XML edits, bad values.
import { unzip, zip } from './zip.js';

/** A tiny deterministic PRNG (mulberry32), so a seed reproduces a mutant. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const XML_EDITS: Array<(xml: string, r: () => number) => string> = [
  // delete a slice
  (x, r) => {
    const a = Math.floor(r() * x.length);
    return x.slice(0, a) + x.slice(a + 1 + Math.floor(r() * 200));
  },
  // extreme numbers and NaN in values
  (x, r) =>
    x.replace(
      /<v>[^<]*<\/v>/,
      ['<v>1e308</v>', '<v>-1e308</v>', '<v>NaN</v>', '<v>Infinity</v>', '<v>1e-320</v>', '<v></v>', '<v>99999999999999999999999</v>'][Math.floor(r() * 7)],
    ),
  // broken references in formulas
  (x, r) =>
    x.replace(
      /<f>[^<]*<\/f>/,
      ['<f>#REF!+1</f>', '<f>SUM(</f>', '<f>Ark9!A1</f>', '<f>A1:A</f>', '<f>SUM(A1:XFD1048576)</f>', '<f>1/0</f>'][Math.floor(r() * 6)],
    ),
  // invalid UTF-8
  (x) => x.replace(/<t[^>]*>/, (m) => m + '\u00ff\u00fe'),
  // deep nesting
  (x, r) => x.replace('<sheetData>', '<sheetData>' + '<x>'.repeat(50 + Math.floor(r() * 500)) + '</x>'.repeat(50)),
  // a huge row number / column
  (x, r) => x.replace(/r="[A-Z]+(\d+)"/, r() < 0.5 ? 'r="A1048576"' : 'r="XFD1"'),
  // attribute garbage
  (x) => x.replace(/ t="s"/, ' t="zz"').replace(/ s="\d+"/, ' s="99999"'),
  // duplicate cells
  (x) => x.replace(/(<c [^>]*>.*?<\/c>)/, '$1$1'),
  // a merged range over a million rows and every column
  (x) => x.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1000001"/></mergeCells>'),
  // a formula referring to itself or to a long way down, a date serial of year 275.000
  (x, r) =>
    x
      .replace(/<f>[^<]*<\/f>/, ['<f>A1+B2</f>', '<f>SUM(A1:XFD1000)</f>', '<f>B3*C3+D3</f>'][Math.floor(r() * 3)])
      .replace(/<v>\d+<\/v>/, r() < 0.5 ? '<v>99999999</v>' : '<v>2958465</v>'),
  // many cell formats sharing one long number format
  (x, r) =>
    x
      .replace(/<cellXfs count="\d+">/, () => `<cellXfs count="9"><xf numFmtId="${164 + Math.floor(r() * 3)}"/>` + '<xf numFmtId="164"/>'.repeat(20_000))
      .replace(/<numFmts[^>]*>/, (m) => `${m}<numFmt numFmtId="164" formatCode="${'0'.repeat(20_000)}yyyy"/>`),
];

export type Mutation = 'truncate' | 'flip' | 'xml' | 'entry-drop' | 'shared-strings';

/** One mutant of a valid .xlsx, chosen by the PRNG. */
export function mutate(xlsx: Buffer, r: () => number): { bytes: Buffer; how: string } {
  const pick = r();
  if (pick < 0.2) {
    const n = Math.floor(r() * xlsx.length);
    return { bytes: xlsx.subarray(0, n), how: `truncate at ${n}` };
  }
  if (pick < 0.4) {
    const b = Buffer.from(xlsx);
    const flips = 1 + Math.floor(r() * 8);
    for (let i = 0; i < flips; i++) b[Math.floor(r() * b.length)] ^= 1 << Math.floor(r() * 8);
    return { bytes: b, how: `${flips} byte flips` };
  }
  const parts = unzip(xlsx);
  const names = [...parts.keys()];
  if (pick < 0.5) {
    const victim = names[Math.floor(r() * names.length)];
    parts.delete(victim);
    return { bytes: zip([...parts].map(([name, data]) => ({ name, data }))), how: `drop ${victim}` };
  }
  const xmlNames = names.filter(
    (n) => n.endsWith('.xml') && (n.includes('worksheets') || n.includes('sharedStrings') || n.includes('workbook') || n.endsWith('styles.xml')),
  );
  const target = xmlNames[Math.floor(r() * xmlNames.length)] ?? names[0];
  const edit = Math.floor(r() * XML_EDITS.length);
  let text = parts.get(target)!.toString('latin1');
  text = XML_EDITS[edit](text, r);
  parts.set(target, Buffer.from(text, 'latin1'));
  return { bytes: zip([...parts].map(([name, data]) => ({ name, data }))), how: `xml edit ${edit} in ${target}` };
}
