/**
 * Test fixture builder: a real zip bomb shaped like an xlsx (its sheet XML inflates to about
 * `bytes` from a few MB). One 8 MiB piece of sheet rows is deflated once with a full flush
 * (byte-aligned, no back-references before it) and repeated: concatenated deflate blocks form one
 * valid stream. `declare` lets the headers state another size (a lying header). CRCs are not set.
 */
import { constants, deflateRawSync } from "node:zlib";

interface Entry {
  name: string;
  method: 0 | 8;
  data: Buffer;
  size: number;
}

function zip(entries: Entry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(e.method, 10);
    cd.writeUInt32LE(e.data.length, 20);
    cd.writeUInt32LE(e.size >>> 0, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    parts.push(local, name, e.data);
    central.push(cd, name);
    offset += 30 + name.length + e.data.length;
  }
  const cdBytes = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cdBytes.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, cdBytes, eocd]));
}

/** An xlsx-shaped zip whose sheet inflates to about `bytes` (declared as `declare`). */
export function xlsxBomb(bytes: number, declare = bytes): Uint8Array {
  const PIECE = 8 * 1024 * 1024;
  const piece = Buffer.alloc(PIECE, '<row r="1"><c r="A1" t="inlineStr"><is><t>预算</t></is></c></row>');
  const block = deflateRawSync(piece, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const n = Math.max(1, Math.ceil(bytes / PIECE));
  const data = Buffer.concat([...Array.from({ length: n }, () => block), Buffer.from([0x03, 0x00])]);
  const types = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Types/>');
  return zip([
    { name: "[Content_Types].xml", method: 0, data: types, size: types.length },
    { name: "xl/worksheets/sheet1.xml", method: 8, data, size: declare },
  ]);
}
