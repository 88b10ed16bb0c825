import iconv from 'iconv-lite';
import type { InputSource } from './source';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Sniffed {
  encoding: TextEncoding;
  /** Bytes to skip before decoding (the BOM). */
  bomLength: number;
  /** The decoded start of the file, for delimiter and header detection. */
  head: string;
  delimiter: ',' | ';' | '\t';
  /** True when the first line is PowerShell's `#TYPE …` line. */
  typeLine: boolean;
  looksBinary: boolean;
}

const HEAD_BYTES = 64 * 1024;

/** Reads the start of an input and decides its encoding and, for text tables, its delimiter. */
export async function sniffSource(source: InputSource): Promise<Sniffed> {
  const chunks: Buffer[] = [];
  for await (const chunk of source.open({ start: 0, end: HEAD_BYTES - 1 })) chunks.push(chunk as Buffer);
  return sniffBytes(Buffer.concat(chunks).subarray(0, HEAD_BYTES));
}

export function sniffBytes(bytes: Buffer): Sniffed {
  let encoding: TextEncoding;
  let bomLength = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8-bom';
    bomLength = 3;
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    bomLength = 2;
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    bomLength = 2;
  } else if (looksUtf16WithoutBom(bytes)) {
    encoding = bytes[0] === 0 ? 'utf-16be' : 'utf-16le';
  } else {
    encoding = isValidUtf8(bytes) ? 'utf-8' : 'windows-1252';
  }
  const head = decode(bytes.subarray(bomLength), encoding);
  const looksBinary = encoding.startsWith('utf-8') || encoding === 'windows-1252' ? bytes.subarray(0, 4096).includes(0) : false;
  const lines = head.split(/\r?\n/u);
  const typeLine = (lines[0] ?? '').startsWith('#TYPE ');
  const headerLine = (typeLine ? lines[1] : lines[0]) ?? '';
  return { encoding, bomLength, head, delimiter: guessDelimiter(headerLine), typeLine, looksBinary };
}

function decode(bytes: Buffer, encoding: TextEncoding): string {
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom':
      return bytes.toString('utf8');
    case 'utf-16le':
      return iconv.decode(bytes, 'utf-16le');
    case 'utf-16be':
      return iconv.decode(bytes, 'utf-16be');
    case 'windows-1252':
      return iconv.decode(bytes, 'win1252');
  }
}

/** iconv-lite's name for each encoding, for the streaming decoder. */
export function iconvName(encoding: TextEncoding): string {
  return encoding === 'utf-8-bom' ? 'utf8' : encoding === 'windows-1252' ? 'win1252' : encoding;
}

function looksUtf16WithoutBom(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 8) return false;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  return oddZero > pairs * 0.4 || evenZero > pairs * 0.4;
}

/** Validates UTF-8, tolerating a multi-byte sequence cut off at the end of the sample. */
function isValidUtf8(bytes: Buffer): boolean {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    let extra: number;
    if (b < 0x80) extra = 0;
    else if (b >= 0xc2 && b <= 0xdf) extra = 1;
    else if (b >= 0xe0 && b <= 0xef) extra = 2;
    else if (b >= 0xf0 && b <= 0xf4) extra = 3;
    else return false;
    for (let k = 1; k <= extra; k++) {
      if (i + k >= n) return true;
      const c = bytes[i + k] as number;
      if ((c & 0xc0) !== 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}

/** Counts delimiters outside quotes on the header line; the most frequent wins. */
export function guessDelimiter(line: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return ',';
}
