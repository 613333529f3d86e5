/**
 * How script files are read and written back: as Windows PowerShell 5.1 reads them. A byte-order mark says UTF-8 or
 * UTF-16; without one, a file that is valid UTF-8 is UTF-8 and any other is an "ANSI" script, Windows-1252 on the
 * western-European Windows where these scripts are written (0x96 is an en dash, 0x93 and 0x94 curly quotes: PowerShell
 * reads both as it reads - and ").
 *
 * Windows-1252 is decoded by our own table, not by `new TextDecoder('windows-1252')`: since Node 20.18.3 and 22.13.0
 * that decodes Latin-1 (0x96 as U+0096; nodejs/node#56542, #60888).
 */

/** How a script file was stored, so that `--fix` writes it back the same way. */
export type ScriptEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * A script's text and how it was stored; `unwritable` says why writing the text back would change bytes that the
 * text does not show (it then holds U+FFFD for them), or a problem: why the file is not a script.
 */
export type DecodedScript = { readonly text: string; readonly encoding: ScriptEncoding; readonly unwritable?: string } | { readonly problem: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
/** How far a file is searched for a NUL byte (as Git looks for binary files). */
const BINARY_PROBE = 8000;

/**
 * Windows-1252's bytes 0x80 to 0x9F, as the WHATWG Encoding Standard's index maps them. The five bytes that Windows
 * leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same number; every other byte is the
 * Latin-1 code point of the same number.
 */
const WINDOWS_1252_C1 = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
] as const;

const WINDOWS_1252_DECODE: readonly string[] = Array.from({ length: 256 }, (_, byte) =>
  String.fromCharCode(byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252_C1[byte - 0x80] : byte),
);

const WINDOWS_1252_ENCODE: ReadonlyMap<number, number> = new Map(WINDOWS_1252_DECODE.map((char, byte) => [char.charCodeAt(0), byte]));

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LENIENT_UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The text of a script file and how it was stored, or why it is not a script (a binary file). The byte-order mark is
 * not part of the text.
 */
export function decodeScript(bytes: Uint8Array): DecodedScript {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be');
  if (bytes.subarray(0, BINARY_PROBE).includes(0)) return { problem: 'is a binary file, not a PowerShell script' };
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) {
    const body = bytes.subarray(UTF8_BOM.length);
    const text = decodeUtf8(body);
    if (text !== undefined) return { text, encoding: 'utf-8-bom' };
    // As PowerShell reads it: UTF-8, since the mark says so, with U+FFFD for what is not.
    return { text: LENIENT_UTF8.decode(body), encoding: 'utf-8-bom', unwritable: 'it has bytes that are not UTF-8 after its UTF-8 byte-order mark' };
  }
  const utf8 = decodeUtf8(bytes);
  return utf8 === undefined ? { text: decodeWindows1252(bytes), encoding: 'windows-1252' } : { text: utf8, encoding: 'utf-8' };
}

/** The bytes of a script in the encoding it was read in (with its byte-order mark), or why it cannot be written in it. */
export function encodeScript(text: string, encoding: ScriptEncoding): { bytes: Uint8Array } | { problem: string } {
  switch (encoding) {
    case 'utf-8':
      return { bytes: Buffer.from(text, 'utf8') };
    case 'utf-8-bom':
      return { bytes: Buffer.concat([Buffer.from(UTF8_BOM), Buffer.from(text, 'utf8')]) };
    case 'utf-16le':
      return { bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) };
    case 'utf-16be':
      return { bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]) };
    case 'windows-1252': {
      const encoded = encodeWindows1252(text);
      if (encoded instanceof Uint8Array) return { bytes: encoded };
      const hex = encoded.codePoint.toString(16).toUpperCase().padStart(4, '0');
      return { problem: `"${String.fromCodePoint(encoded.codePoint)}" (U+${hex}) cannot be written in Windows-1252, the file's encoding` };
    }
  }
}

/** Windows-1252 as the WHATWG Encoding Standard decodes it: every byte is a character. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  // In slices, so that a large file does not build one string per byte at once.
  for (let start = 0; start < bytes.length; start += 8192) {
    const chars: string[] = [];
    for (const byte of bytes.subarray(start, start + 8192)) chars.push(WINDOWS_1252_DECODE[byte]);
    text += chars.join('');
  }
  return text;
}

/** The Windows-1252 bytes of a text, or the first character it has no byte for. */
export function encodeWindows1252(text: string): Uint8Array | { codePoint: number } {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const byte = WINDOWS_1252_ENCODE.get(text.charCodeAt(i));
    if (byte === undefined) return { codePoint: text.codePointAt(i) ?? 0 };
    bytes[i] = byte;
  }
  return bytes;
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** UTF-16 code unit by code unit (a lone surrogate is kept, so the text writes back as it was read); an odd last byte is U+FFFD. */
function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedScript {
  const even = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  const text = (encoding === 'utf-16be' ? even.swap16() : even).toString('utf16le');
  if (bytes.length % 2 === 0) return { text, encoding };
  return { text: text + '\uFFFD', encoding, unwritable: 'it ends in half a UTF-16 character' };
}
