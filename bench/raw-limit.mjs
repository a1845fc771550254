// The raw limit of reading a pile: read each file, inflate its worksheet XML parts (a CSV: decode it) and scan the
// text once for its tags, nothing else. No parsing, no model, no rules: what no checker of these files can beat.
//   node bench/raw-limit.mjs <dir or files…>
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

const { pileFiles } = createRequire(import.meta.url)('./files.cjs');

const files = pileFiles(process.argv.slice(2));
let tags = 0;
for (const f of files) {
  const b = readFileSync(f);
  if (!f.endsWith('.xlsx')) {
    const text = b.toString('utf8');
    for (let i = text.indexOf(';'); i >= 0; i = text.indexOf(';', i + 1)) tags++;
    continue;
  }
  let eocd = b.length - 22;
  while (eocd >= 0 && b.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  for (let k = 0; k < count; k++) {
    const method = b.readUInt16LE(p + 10);
    const compSize = b.readUInt32LE(p + 20);
    const nameLen = b.readUInt16LE(p + 28);
    const skip = nameLen + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
    const name = b.toString('utf8', p + 46, p + 46 + nameLen);
    const local = b.readUInt32LE(p + 42);
    p += 46 + skip;
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const data = b.subarray(start, start + compSize);
    const xml = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) tags++;
  }
}
if (tags < 0) console.log(tags); // keeps the scan from being optimised away
