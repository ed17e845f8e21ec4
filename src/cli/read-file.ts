/**
 * Reads a manifest file as UTF-8 text, safely: never blocks on a named pipe, never reads past a
 * size limit (so `/dev/zero` or a huge file cannot exhaust memory), and says what a file is when
 * it is not UTF-8 (UTF-16 or UTF-32 with a byte order mark, Latin-1, binary) instead of turning
 * its bytes into replacement characters.
 */
import { isUtf8 } from 'buffer';
import * as fs from 'fs';
import { fileKind, fileSystemErrorText } from './walk';

/** The default limit of `--max-file-size`: 64 MiB per file. */
export const DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024;

/** A size for messages: `64 MiB`, `1.5 KiB`, `12 bytes`. */
export function formatSize(bytes: number): string {
  for (const [unit, size] of [['GiB', 2 ** 30], ['MiB', 2 ** 20], ['KiB', 2 ** 10]] as const) {
    if (bytes >= size) {
      const value = bytes / size;
      return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
    }
  }
  return `${bytes} bytes`;
}

/** Byte order marks of the encodings we recognise but do not read (longest first). */
const BYTE_ORDER_MARKS: ReadonlyArray<{ readonly bytes: number[]; readonly encoding: string; readonly iconv: string }> = [
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'UTF-32 (little-endian)', iconv: 'UTF-32' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'UTF-32 (big-endian)', iconv: 'UTF-32' },
  { bytes: [0xff, 0xfe], encoding: 'UTF-16 (little-endian)', iconv: 'UTF-16' },
  { bytes: [0xfe, 0xff], encoding: 'UTF-16 (big-endian)', iconv: 'UTF-16' },
];

/* eslint-disable no-bitwise */ // UTF-8 decoding is bit arithmetic
/** The offset of the first byte that does not start a valid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) {
      return i;
    }
    let codePoint = lead & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if ((next & 0xc0) !== 0x80) {
        return i;
      }
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    const overlong = (length === 3 && codePoint < 0x800) || (length === 4 && codePoint < 0x10000);
    if (overlong || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
      return i;
    }
    i += length;
  }
  return -1;
}
/* eslint-enable no-bitwise */

/** Line and column (1-based, in bytes) of a byte offset. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The text of a file, or why it was not read (with a position for an encoding error). */
export type FileText = { readonly text: string } | { readonly problem: string; readonly line?: number; readonly column?: number };

/** Decodes the bytes of a manifest file: UTF-8 only, and a clear word for anything else. */
export function decodeManifestBytes(bytes: Buffer): FileText {
  for (const mark of BYTE_ORDER_MARKS) {
    if (bytes.length >= mark.bytes.length && mark.bytes.every((byte, index) => bytes[index] === byte)) {
      return { problem: `is ${mark.encoding} text (it starts with that byte order mark); manifests must be UTF-8. Convert it, e.g. with \`iconv -f ${mark.iconv} -t UTF-8\`` };
    }
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { problem: 'contains NUL bytes: it is a binary file, or UTF-16/UTF-32 text without a byte order mark; manifests must be UTF-8 text', ...bytePosition(bytes, nul) };
  }
  if (!isUtf8(bytes)) {
    const offset = firstInvalidUtf8(bytes);
    const shown = offset >= 0 ? ` (byte 0x${bytes[offset].toString(16).padStart(2, '0')})` : '';
    return {
      problem: `is not valid UTF-8${shown}: it looks like Latin-1 (ISO-8859-1) or Windows-1252 text. Manifests must be UTF-8; convert it, e.g. with \`iconv -f LATIN1 -t UTF-8\``,
      ...(offset >= 0 ? bytePosition(bytes, offset) : {}),
    };
  }
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return { text: bytes.toString('utf8', start) };
}

/**
 * Reads a regular file of at most `maxBytes` bytes. The file is opened without blocking (a
 * named pipe would otherwise wait for a writer), checked to be a regular file through the open
 * descriptor, and read up to the limit and no further.
 */
export function readManifestText(file: string, maxBytes: number): FileText {
  let fd: number;
  try {
    // eslint-disable-next-line no-bitwise
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { problem: `cannot read: ${fileSystemErrorText(error)}` };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) {
      return { problem: `is ${fileKind(stat)}, not a regular file: skipped` };
    }
    const tooLarge = { problem: `is larger than the limit of ${formatSize(maxBytes)} per file: skipped. Raise it with --max-file-size if the file is meant to be this large` };
    if (stat.size > maxBytes) {
      return tooLarge;
    }
    // The file may grow while we read: read at most one byte past the limit to notice.
    let buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (buffer.length > maxBytes) {
          return tooLarge;
        }
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) {
        break;
      }
      length += read;
    }
    return decodeManifestBytes(buffer.subarray(0, length));
  } catch (error) {
    return { problem: `cannot read: ${fileSystemErrorText(error)}` };
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // nothing to do
    }
  }
}
