import zlib from "node:zlib";

/**
 * A minimal ZIP reader (PKWARE APPNOTE 6.3) for UPLOAD_CHECKFILE on the twin: the end record,
 * the central directory, each entry's local header; stored or deflate; CRC-32 checked. Anything
 * else (encrypted entries, ZIP64, a split archive, sizes that do not add up) is refused with a
 * ZipError, so a bad upload never half-reads. Limits keep a hostile archive (a "zip bomb") from
 * taking the sandbox down: inflation stops at the size the directory declares.
 */
export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipError";
  }
}

export type UnzippedEntry = { name: string; data: Buffer };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function unzip(zip: Buffer, limits: { maxEntries: number; maxBytes: number } = { maxEntries: 64, maxBytes: 256 * 1024 * 1024 }): UnzippedEntry[] {
  const end = findEndRecord(zip);
  const count = zip.readUInt16LE(end + 10);
  const dirSize = zip.readUInt32LE(end + 12);
  const dirOffset = zip.readUInt32LE(end + 16);
  if (zip.readUInt16LE(end + 4) !== 0 || zip.readUInt16LE(end + 8) !== count) throw new ZipError("split archives are not supported");
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipError("ZIP64 is not supported");
  if (count > limits.maxEntries) throw new ZipError(`more than ${limits.maxEntries} entries`);
  if (dirOffset + dirSize > end) throw new ZipError("the central directory lies outside the archive");
  const entries: UnzippedEntry[] = [];
  let total = 0;
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    need(zip, p, 46);
    if (zip.readUInt32LE(p) !== CENTRAL) throw new ZipError("a central directory entry is damaged");
    const flags = zip.readUInt16LE(p + 8);
    const method = zip.readUInt16LE(p + 10);
    const crc = zip.readUInt32LE(p + 16);
    const packedSize = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const localOffset = zip.readUInt32LE(p + 42);
    need(zip, p + 46, nameLength);
    const name = zip.subarray(p + 46, p + 46 + nameLength).toString("utf8");
    p += 46 + nameLength + extraLength + commentLength;
    if (flags & 0x1) throw new ZipError(`${name}: encrypted entries are not supported`);
    if (method !== 0 && method !== 8) throw new ZipError(`${name}: compression method ${method} is not supported`);
    total += size;
    if (total > limits.maxBytes) throw new ZipError(`the files are larger than ${limits.maxBytes} bytes`);
    need(zip, localOffset, 30);
    if (zip.readUInt32LE(localOffset) !== LOCAL) throw new ZipError(`${name}: the local header is damaged`);
    const start = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    need(zip, start, packedSize);
    const packed = zip.subarray(start, start + packedSize);
    let data: Buffer;
    try {
      data = method === 0 ? Buffer.from(packed) : zlib.inflateRawSync(packed, { maxOutputLength: Math.max(size, 1) });
    } catch {
      throw new ZipError(`${name}: the compressed data is damaged`);
    }
    if (data.length !== size) throw new ZipError(`${name}: ${data.length} bytes where the directory says ${size}`);
    if ((zlib.crc32(data) >>> 0) !== crc) throw new ZipError(`${name}: CRC-32 does not match`);
    entries.push({ name, data });
  }
  return entries;
}

function findEndRecord(zip: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  for (let p = zip.length - 22; p >= Math.max(0, zip.length - 22 - 0xffff); p--) {
    if (zip.readUInt32LE(p) === EOCD && p + 22 + zip.readUInt16LE(p + 20) === zip.length) return p;
  }
  throw new ZipError("not a ZIP archive (no end record)");
}

function need(zip: Buffer, offset: number, length: number) {
  if (offset < 0 || offset + length > zip.length) throw new ZipError("the archive is truncated");
}
