/**
 * Draws the app icons (a white tiffin box on the app's colour) as PNGs into public/icons/.
 * Run once per new app: `node --import tsx scripts/makeIcons.ts outlet c2410c`.
 * Plain drawing so no image tool is needed; the shape stays inside the maskable safe zone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

type Rgb = readonly [number, number, number];

function insideRoundedRect(x: number, y: number, left: number, top: number, right: number, bottom: number, radius: number): boolean {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function pixel(u: number, v: number): 'box' | 'band' | 'background' {
  const box = insideRoundedRect(u, v, 0.28, 0.36, 0.72, 0.76, 0.06);
  const handle = insideRoundedRect(u, v, 0.4, 0.22, 0.6, 0.4, 0.05) && !insideRoundedRect(u, v, 0.44, 0.26, 0.56, 0.4, 0.02);
  const band = box && ((v > 0.48 && v < 0.51) || (v > 0.62 && v < 0.65));
  if (band) return 'band';
  return box || handle ? 'box' : 'background';
}

function png(size: number, color: Rgb): Buffer {
  const rows: Buffer[] = [];
  const palette: Record<ReturnType<typeof pixel>, Rgb> = { box: [255, 255, 255], band: color, background: color };
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const [r, g, b] = palette[pixel((x + 0.5) / size, (y + 0.5) / size)];
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

const [app = 'outlet', hex = 'c2410c'] = process.argv.slice(2);
const color: Rgb = [parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16)];
const dir = new URL('../public/icons/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const size of [192, 512]) writeFileSync(new URL(`${app}-${size}.png`, dir), png(size, color));
console.log(`wrote public/icons/${app}-192.png and ${app}-512.png`);
