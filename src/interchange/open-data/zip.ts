// A zip archive of the open-data files, written with node:zlib (deflate and CRC-32) and no
// package: the format needs only local headers, the compressed data and a central
// directory. UTF-8 names (flag bit 11); a fixed timestamp, so the same files give the same
// bytes. No zip64: an edition is a few megabytes, far below the 4 GiB and 65,535-entry limits.
import { crc32, deflateRawSync } from 'node:zlib';
import type { OpenDataFile } from './files.js';

const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const LIMIT = 0xffffffff;

/** `date` (YYYY-MM-DD) becomes every entry's modification date (default 1980-01-01, the format's earliest). */
export function zipFiles(files: readonly OpenDataFile[], date = '1980-01-01'): Uint8Array {
  if (files.length > 0xffff) throw new RangeError('a zip without zip64 holds at most 65,535 files');
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const dosDate = ((Math.max(year, 1980) - 1980) << 9) | (month << 5) | day;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.path, 'utf8');
    const data = deflateRawSync(file.bytes, { level: 9 });
    const crc = crc32(file.bytes);
    if (file.bytes.length > LIMIT || offset > LIMIT) throw new RangeError('a zip without zip64 holds at most 4 GiB');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(DEFLATE, 8);
    local.writeUInt16LE(0, 10); // time 00:00
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(file.bytes.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
    local.copy(central, 6, 4, 30); // version needed … name length: the same fields
    central.writeUInt16LE(0, 30); // extra length
    central.writeUInt16LE(0, 32); // comment length
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
