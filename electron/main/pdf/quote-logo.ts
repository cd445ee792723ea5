/**
 * Reads the company logo for the proposal header. A logo is decoration: any
 * problem with the file prints the proposal without it and says why, instead
 * of failing the quote.
 *
 * PNGs are checked here in full (chunks, zlib stream, scanline filters)
 * because pdfkit decodes PNGs with transparency or interlacing in an
 * asynchronous zlib callback that throws on bad data — an exception no caller
 * can catch, which would take the whole main process down. JPEGs are copied
 * into the PDF undecoded, but pdfkit takes their size from the frame header
 * without checking it, and a zero or missing size would put NaN into the page.
 */
import { readFileSync, statSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

export type LogoResult = { ok: true; bytes: Buffer } | { ok: false; warning: string };

const MAX_LOGO_BYTES = 20 * 1024 * 1024;
const MAX_LOGO_PIXELS = 40_000_000;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function readLogo(path: string): LogoResult {
  const skip = (why: string): LogoResult => ({ ok: false, warning: `Logo ${why}: ${path}; printed without a logo.` });
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return skip('is not a file');
    if (stat.size > MAX_LOGO_BYTES) return skip('is larger than 20 MB');
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return skip(code === 'ENOENT' ? 'file not found' : `file could not be read (${code ?? 'error'})`);
  }
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    const problem = pngProblem(bytes);
    return problem ? skip(`is not a usable PNG (${problem})`) : { ok: true, bytes };
  }
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    const problem = jpegProblem(bytes);
    return problem ? skip(`is not a usable JPEG (${problem})`) : { ok: true, bytes };
  }
  return skip('is neither a PNG nor a JPEG image');
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
/** Adam7 passes: x0, y0, dx, dy. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** Why pdfkit could not decode this PNG, or null when it can. */
function pngProblem(png: Buffer): string | null {
  let offset = 8;
  let header: { width: number; height: number; depth: number; colorType: number; interlace: number } | null = null;
  let hasPalette = false;
  const data: Buffer[] = [];
  while (offset + 12 <= png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (body.length !== length) return 'truncated chunk';
    if (type === 'IHDR') {
      if (length < 13) return 'short header';
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8]!, colorType: body[9]!, interlace: body[12]! };
    } else if (type === 'PLTE') hasPalette = true;
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  if (!header) return 'no header';
  const { width, height, depth, colorType, interlace } = header;
  const channels = CHANNELS[colorType];
  if (channels === undefined || !DEPTHS[colorType]?.includes(depth)) return 'unsupported colour type';
  if (colorType === 3 && !hasPalette) return 'palette missing';
  if (width === 0 || height === 0 || width * height > MAX_LOGO_PIXELS) return 'image size out of range';
  if (interlace > 1) return 'unknown interlace method';
  if (!data.length) return 'no image data';
  let pixels: Buffer;
  try {
    pixels = inflateSync(Buffer.concat(data));
  } catch {
    return 'corrupt image data';
  }
  const bitsPerPixel = channels * depth;
  const passes = interlace === 1 ? ADAM7.map(([x0, y0, dx, dy]) => [Math.ceil((width - x0) / dx), Math.ceil((height - y0) / dy)] as const) : [[width, height] as const];
  let at = 0;
  for (const [w, h] of passes) {
    if (w <= 0 || h <= 0) continue;
    const rowBytes = Math.ceil((w * bitsPerPixel) / 8);
    for (let row = 0; row < h; row++) {
      const filter = pixels[at];
      if (filter === undefined) return 'image data too short';
      if (filter > 4) return 'invalid scanline filter';
      at += 1 + rowBytes;
    }
  }
  return at > pixels.length ? 'image data too short' : null;
}

/** pdfkit's start-of-frame markers (baseline, progressive, lossless, arithmetic). */
const JPEG_FRAME_MARKERS = new Set([0xffc0, 0xffc1, 0xffc2, 0xffc3, 0xffc5, 0xffc6, 0xffc7, 0xffc8, 0xffc9, 0xffca, 0xffcb, 0xffcc, 0xffcd, 0xffce, 0xffcf]);

/** Walks the segments the way pdfkit does and checks the frame header it will read. */
function jpegProblem(jpeg: Buffer): string | null {
  let pos = 2;
  while (pos + 4 <= jpeg.length) {
    while (pos < jpeg.length && jpeg[pos] !== 0xff) pos++;
    if (pos + 4 > jpeg.length) break;
    const marker = jpeg.readUInt16BE(pos);
    pos += 2;
    if (JPEG_FRAME_MARKERS.has(marker)) {
      if (pos + 8 > jpeg.length) return 'truncated frame header';
      const height = jpeg.readUInt16BE(pos + 3);
      const width = jpeg.readUInt16BE(pos + 5);
      const channels = jpeg[pos + 7]!;
      if (width === 0 || height === 0) return 'no image size';
      if (width * height > MAX_LOGO_PIXELS) return 'image size out of range';
      return [1, 3, 4].includes(channels) ? null : 'unsupported colour components';
    }
    pos += jpeg.readUInt16BE(pos);
  }
  return 'no frame header';
}
