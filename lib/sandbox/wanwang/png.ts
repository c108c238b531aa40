import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";

/**
 * Tiny PNG images without an image library: an 8-bit greyscale encoder and two pictures
 * built on it — a QR-looking share code (finder squares plus modules seeded from the
 * querySn; a stand-in, not a scannable QR code) and a plain ID-card placeholder.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes `grey(x, y)` (0 black … 255 white) as a width × height greyscale PNG. */
export function encodeGreyPng(width: number, height: number, grey: (x: number, y: number) => number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // colour type: greyscale
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width + 1)] = 0; // filter: none
    for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = grey(x, y);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const MODULES = 25;
const QUIET = 4;
const SCALE = 4;

/** A 25-module QR-like picture, the same for the same seed. */
export function shareCodePng(seed: string): Buffer {
  const bits = createHash("sha256").update(seed).digest();
  const dark = (mx: number, my: number): boolean => {
    for (const [fx, fy] of [[0, 0], [MODULES - 7, 0], [0, MODULES - 7]]) {
      const [dx, dy] = [mx - fx, my - fy];
      if (dx >= -1 && dx <= 7 && dy >= -1 && dy <= 7) {
        const ring = Math.max(Math.abs(dx - 3), Math.abs(dy - 3));
        return ring !== 2 && ring <= 3; // 7×7 finder: dark edge, light ring, dark 3×3 centre
      }
    }
    const i = my * MODULES + mx;
    return ((bits[i % bits.length] >> (i % 8)) & 1) === 1;
  };
  const size = (MODULES + 2 * QUIET) * SCALE;
  return encodeGreyPng(size, size, (x, y) => {
    const [mx, my] = [Math.floor(x / SCALE) - QUIET, Math.floor(y / SCALE) - QUIET];
    const inside = mx >= 0 && my >= 0 && mx < MODULES && my < MODULES;
    return inside && dark(mx, my) ? 0 : 255;
  });
}

/** A grey ID-card-shaped placeholder (85.6 × 54 mm at 2 px/mm); the back is darker. */
export function licencePlaceholderPng(side: "front" | "back"): Buffer {
  const [width, height] = [171, 108];
  const fill = side === "front" ? 225 : 200;
  return encodeGreyPng(width, height, (x, y) => {
    const border = x < 3 || y < 3 || x >= width - 3 || y >= height - 3;
    // The front has a photo box on the right, where the portrait sits on a real card.
    const photo = side === "front" && x > 110 && x < 160 && y > 15 && y < 80;
    return border ? 120 : photo ? 160 : fill;
  });
}
