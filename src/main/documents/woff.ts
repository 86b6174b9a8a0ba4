/**
 * WOFF (version 1) to a plain OpenType font, in memory.
 *
 * The shipped fallback fonts come as WOFF files (the only form their registry packages hold besides WOFF2).
 * fontkit reads WOFF, but re-inflates a compressed table every time it is read: subsetting a Chinese font
 * inflated its 4 MB glyph table once per character, about 0.4 s each. Unpacked once here, the font reads like
 * any .ttf. WOFF2 is refused on purpose: its glyph table is transformed, and pdfkit copies that table's
 * bytes into the PDF as they are, so every character printed blank.
 */
import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF2_SIGNATURE = 0x774f4632; // 'wOF2'
const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_HEADER = 12;
const SFNT_ENTRY = 16;

export function isWoff(data: Uint8Array): boolean {
  return data.length >= 4 && readU32(data, 0) === WOFF_SIGNATURE;
}

export function isWoff2(data: Uint8Array): boolean {
  return data.length >= 4 && readU32(data, 0) === WOFF2_SIGNATURE;
}

interface Table {
  tag: number;
  checksum: number;
  data: Uint8Array;
}

/** The font inside a WOFF file, as the .ttf/.otf it was made from. Throws on a damaged file. */
export function woffToSfnt(woff: Uint8Array): Buffer {
  if (!isWoff(woff) || woff.length < WOFF_HEADER) throw new Error('Not a WOFF font file.');
  const flavor = readU32(woff, 4);
  const numTables = readU16(woff, 12);
  if (numTables === 0 || WOFF_HEADER + numTables * WOFF_ENTRY > woff.length) throw new Error('The WOFF table directory is damaged.');

  const tables: Table[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = WOFF_HEADER + i * WOFF_ENTRY;
    const tag = readU32(woff, at);
    const offset = readU32(woff, at + 4);
    const compLength = readU32(woff, at + 8);
    const origLength = readU32(woff, at + 12);
    const checksum = readU32(woff, at + 16);
    if (offset + compLength > woff.length || compLength > origLength) throw new Error('A WOFF table lies outside the file.');
    const stored = woff.subarray(offset, offset + compLength);
    // A table is stored deflated only when that made it smaller; otherwise as it is.
    const data = compLength < origLength ? inflateSync(stored) : stored;
    if (data.length !== origLength) throw new Error('A WOFF table did not unpack to its stated size.');
    tables.push({ tag, checksum, data });
  }

  // OpenType wants the table records sorted by tag, each table starting on a 4-byte boundary.
  tables.sort((a, b) => a.tag - b.tag);
  let size = SFNT_HEADER + numTables * SFNT_ENTRY;
  for (const table of tables) size += pad4(table.data.length);
  const out = Buffer.alloc(size);

  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);

  let offset = SFNT_HEADER + numTables * SFNT_ENTRY;
  tables.forEach((table, i) => {
    const at = SFNT_HEADER + i * SFNT_ENTRY;
    out.writeUInt32BE(table.tag, at);
    out.writeUInt32BE(table.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(table.data.length, at + 12);
    out.set(table.data, offset);
    offset += pad4(table.data.length);
  });
  return out;
}

function pad4(n: number): number {
  return (n + 3) & ~3;
}

function readU32(data: Uint8Array, at: number): number {
  return ((data[at]! << 24) | (data[at + 1]! << 16) | (data[at + 2]! << 8) | data[at + 3]!) >>> 0;
}

function readU16(data: Uint8Array, at: number): number {
  return (data[at]! << 8) | data[at + 1]!;
}
