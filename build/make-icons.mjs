// Draws the app icon (a white key-and-arrow mark on Azure blue) and writes build/icon.png (256 px)
// and build/icon.ico (PNG-compressed entries at 16-256 px). No image library: a raw RGBA raster,
// deflated into a PNG by node:zlib. Run `node build/make-icons.mjs` after changing the drawing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

const BLUE = [0, 120, 212, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];

/** Colour of pixel (x, y) in a unit square: rounded tile, a key ring, a shaft and an arrow head. */
const shade = (x, y) => {
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return CLEAR;
  const ring = Math.hypot(x - 0.32, y - 0.5);
  if (ring < 0.15 && ring > 0.08) return WHITE;
  if (y > 0.46 && y < 0.54 && x > 0.46 && x < 0.72) return WHITE;
  if (x >= 0.68 && x < 0.84 && Math.abs(y - 0.5) < (0.84 - x) * 0.9) return WHITE;
  return BLUE;
};

const png = (size) => {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const c = shade((x + 0.5) / size, (y + 0.5) / size);
      raw.set(c, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
};

const ico = (sizes) => {
  const images = sizes.map(png);
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((size, i) => {
    const e = 6 + 16 * i;
    header[e] = size % 256; // 0 means 256
    header[e + 1] = size % 256;
    header.writeUInt16LE(1, e + 4); // planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(images[i].length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += images[i].length;
  });
  return Buffer.concat([header, ...images]);
};

const dir = import.meta.dirname;
writeFileSync(join(dir, 'icon.png'), png(256));
writeFileSync(join(dir, 'icon.ico'), ico([16, 24, 32, 48, 64, 128, 256]));
