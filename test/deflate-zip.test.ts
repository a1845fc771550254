// deflateStoredZip (the xlsx report's compression): the same parts, deflated, with their CRCs; anything else unchanged.
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { unzip, zip } from '../fixtures/lib/zip.js';
import { deflateStoredZip } from '../src/report/formatters/deflate-zip.js';

describe('deflateStoredZip', () => {
  const parts = [
    { name: 'xl/', data: '' },
    { name: '[Content_Types].xml', data: '<Types>' + 'x'.repeat(5000) + '</Types>' },
    { name: 'xl/sharedStrings.xml', data: '<sst>Æble, øl & ål</sst>'.repeat(200) },
  ];
  it('deflates every stored part and keeps names, contents and order', () => {
    const stored = zip(parts.map((p) => ({ ...p, method: 0 as const })));
    const out = Buffer.from(deflateStoredZip(stored));
    expect(out.length).toBeLessThan(stored.length / 4);
    expect(unzip(out).map((e) => [e.name, e.data.toString('utf8')])).toEqual(parts.map((p) => [p.name, p.data]));
    // the local headers say deflate (8) for parts with content, stored (0) for the empty folder
    expect(out.readUInt16LE(8)).toBe(0);
    // every central entry's CRC-32 and size are those of its content
    let p = out.readUInt32LE(out.length - 22 + 16);
    for (const part of parts) {
      const data = Buffer.from(part.data, 'utf8');
      expect(out.readUInt32LE(p + 16)).toBe(crc32(data) >>> 0);
      expect(out.readUInt32LE(p + 24)).toBe(data.length);
      expect(out.readUInt16LE(p + 10)).toBe(data.length ? 8 : 0);
      p += 46 + out.readUInt16LE(p + 28);
    }
  });
  it('returns anything else unchanged', () => {
    const deflated = zip(parts);
    expect(deflateStoredZip(deflated)).toBe(deflated);
    const junk = new Uint8Array([1, 2, 3]);
    expect(deflateStoredZip(junk)).toBe(junk);
    const cut = zip(parts.map((p) => ({ ...p, method: 0 as const }))).subarray(0, 100);
    expect(deflateStoredZip(cut)).toBe(cut);
  });
});
