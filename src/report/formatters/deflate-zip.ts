// Compresses a zip whose entries are stored (exceljs writing with compression STORE) with Node's native deflate:
// exceljs's own deflate (pako, in JavaScript, compiled cold in every run) was the largest part of writing a report
// workbook. Anything but a well-formed zip of stored entries is returned unchanged.
import { deflateRawSync } from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function deflateStoredZip(zip: Uint8Array): Uint8Array {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return zip;
  const count = buf.readUInt16LE(eocd + 10);
  let cd = buf.readUInt32LE(eocd + 16);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (let k = 0; k < count; k++) {
    if (cd + 46 > buf.length || buf.readUInt32LE(cd) !== CENTRAL) return zip;
    const method = buf.readUInt16LE(cd + 10);
    const csize = buf.readUInt32LE(cd + 20);
    const usize = buf.readUInt32LE(cd + 24);
    const nlen = buf.readUInt16LE(cd + 28);
    const skip = nlen + buf.readUInt16LE(cd + 30) + buf.readUInt16LE(cd + 32);
    const lho = buf.readUInt32LE(cd + 42);
    if (method !== 0 || csize !== usize || lho + 30 > buf.length || buf.readUInt32LE(lho) !== LOCAL) return zip;
    const start = lho + 30 + buf.readUInt16LE(lho + 26) + buf.readUInt16LE(lho + 28);
    if (start + csize > buf.length) return zip;
    const name = buf.subarray(cd + 46, cd + 46 + nlen);
    const method8 = usize > 0; // folders and empty parts stay stored
    const data = method8 ? deflateRawSync(buf.subarray(start, start + csize)) : Buffer.alloc(0);
    const flags = buf.readUInt16LE(cd + 8) & ~0x0008; // the sizes are in the local header: no data descriptor
    const head = Buffer.alloc(30);
    head.writeUInt32LE(LOCAL, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(flags, 6);
    head.writeUInt16LE(method8 ? 8 : 0, 8);
    buf.copy(head, 10, cd + 12, cd + 20); // time, date, CRC-32 of the uncompressed data
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(usize, 22);
    head.writeUInt16LE(nlen, 26);
    head.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    buf.copy(central, 4, cd + 4, cd + 6); // version made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method8 ? 8 : 0, 10);
    buf.copy(central, 12, cd + 12, cd + 20);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(usize, 24);
    central.writeUInt16LE(nlen, 28);
    buf.copy(central, 36, cd + 36, cd + 42); // internal and external attributes
    central.writeUInt32LE(offset, 42);
    locals.push(head, name, data);
    centrals.push(central, name);
    offset += 30 + nlen + data.length;
    cd += 46 + skip;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}
