import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decodeScript, decodeWindows1252, encodeScript, encodeWindows1252, type ScriptEncoding } from '../../server/src/cli/decode';
import { cleanReport } from '../helpers';
import { run } from '../../server/src/cli/main';

/**
 * Script files are read as Windows PowerShell 5.1 reads them: a byte-order mark says UTF-8 or UTF-16, a file without
 * one is UTF-8 when it is valid UTF-8 and Windows-1252 ("ANSI") otherwise; `--fix` writes a file back as it was read.
 */
async function cli(args: string[], readStdin: () => string | Uint8Array = () => ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => (stdout += t + '\n'), stderr: (t) => (stderr += t + '\n'), readStdin });
  return { code, stdout, stderr };
}

function tempFile(name: string, bytes: Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'lync-pic-encoding-')), name);
  writeFileSync(path, bytes);
  return path;
}

/** A string whose characters are all below U+0100, as those bytes: `bytesOf('\x96')` is the byte 0x96. */
function bytesOf(text: string): Buffer {
  assert.ok(
    [...text].every((c) => c.charCodeAt(0) < 0x100),
    text,
  );
  return Buffer.from(text, 'latin1');
}

type Message = { ruleId: string; message: string; line: number; column: number; endColumn: number };
type Report = { filePath: string; messages: Message[] };

/** As Word or a web page leaves it: an en dash before the parameter, curly quotes around the (wrong) value. */
const ANSI_LINE = 'New-CsPublicProvider -Identity Skype \x96ProxyFqdn \x93federation.messenger.msn.co\x94';
const DECODED_LINE = 'New-CsPublicProvider -Identity Skype \u2013ProxyFqdn \u201Cfederation.messenger.msn.co\u201D';
/** Where the quoted value is on that line (1-based columns, end exclusive). */
const VALUE_COLUMN = DECODED_LINE.indexOf('\u201C') + 1;
const VALUE_END_COLUMN = DECODED_LINE.indexOf('\u201D') + 2;

/** The WHATWG Encoding Standard's index for windows-1252, bytes 0x80 to 0x9F. */
const C1_INDEX = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

function assertProxyFinding(report: Report, line: number): void {
  const proxy = report.messages.filter((m) => m.ruleId === 'skype-proxy-fqdn');
  assert.deepEqual(
    proxy.map((m) => [m.line, m.column, m.endColumn]),
    [[line, VALUE_COLUMN, VALUE_END_COLUMN]],
    report.filePath,
  );
  assert.match(proxy[0].message, /not \S?federation\.messenger\.msn\.co\S?:/);
  // Read as Latin-1, the dash and the quotes are C1 controls: "ProxyFqdn" and the value become stray arguments.
  assert.deepEqual(
    report.messages.filter((m) => m.ruleId === 'unexpected-argument'),
    [],
    report.filePath,
  );
}

describe('decodeScript', () => {
  it('reads bytes that are not UTF-8 as Windows-1252, not Latin-1', () => {
    assert.deepEqual(decodeScript(bytesOf(ANSI_LINE)), { text: DECODED_LINE, encoding: 'windows-1252' });
    const decoded = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i));
    assert.equal(decoded.length, 256);
    assert.deepEqual(
      [...decoded.slice(0x80, 0xa0)].map((c) => c.charCodeAt(0)),
      C1_INDEX,
    );
    // The five bytes Windows leaves undefined are the C1 controls of the same number, as the WHATWG index has them.
    for (const byte of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) assert.equal(decoded.charCodeAt(byte), byte);
    assert.equal(decoded[0x96], '\u2013');
    assert.equal(decoded[0x80], '\u20AC');
    assert.equal(decoded.slice(0x91, 0x95), '\u2018\u2019\u201C\u201D');
    for (let byte = 0; byte < 0x100; byte++) if (byte < 0x80 || byte >= 0xa0) assert.equal(decoded.charCodeAt(byte), byte);
  });

  it('encodes Windows-1252 back byte for byte, and refuses characters it has no byte for', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    assert.deepEqual(encodeWindows1252(decodeWindows1252(all)), all);
    assert.deepEqual(encodeWindows1252('\u0096'), { codePoint: 0x96 });
    assert.deepEqual(encodeWindows1252('Wroc\u0142aw'), { codePoint: 0x142 });
    assert.deepEqual(encodeWindows1252('a \u{1F600}'), { codePoint: 0x1f600 });
    assert.deepEqual(encodeScript('# Wroc\u0142aw', 'windows-1252'), { problem: '"\u0142" (U+0142) cannot be written in Windows-1252, the file\'s encoding' });
  });

  it('takes valid UTF-8 as UTF-8, even with a U+FFFD in it', () => {
    const text = '# F\u00e9d\u00e9ration \u2013 \uFFFD \u{1F600}\r\nGet-CsPublicProvider\r\n';
    assert.deepEqual(decodeScript(Buffer.from(text, 'utf8')), { text, encoding: 'utf-8' });
    assert.deepEqual(decodeScript(new Uint8Array()), { text: '', encoding: 'utf-8' });
    // A surrogate encoded in UTF-8 (CESU-8) and an overlong form are not UTF-8.
    assert.deepEqual(decodeScript(Uint8Array.from([0x41, 0xed, 0xa0, 0x80])), { text: 'A\u00ed\u00a0\u20ac', encoding: 'windows-1252' });
    assert.deepEqual(decodeScript(Uint8Array.from([0xc0, 0xaf])), { text: '\u00c0\u00af', encoding: 'windows-1252' });
  });

  it('reads the byte-order marks, and leaves them out of the text', () => {
    const text = `# F\u00e9d\u00e9ration \u2013 \u{1F600}\r\n${DECODED_LINE}\r\n`;
    const utf8Bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const utf16be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    assert.deepEqual(decodeScript(utf8Bom), { text, encoding: 'utf-8-bom' });
    assert.deepEqual(decodeScript(utf16le), { text, encoding: 'utf-16le' });
    assert.deepEqual(decodeScript(utf16be), { text, encoding: 'utf-16be' });
    for (const [bytes, encoding] of [
      [utf8Bom, 'utf-8-bom'],
      [utf16le, 'utf-16le'],
      [utf16be, 'utf-16be'],
    ] as const) {
      assert.deepEqual(encodeScript(text, encoding), { bytes }, encoding);
    }
  });

  it('reads a lone UTF-16 surrogate back as it was; says when writing back would change bytes', () => {
    const lone = Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]);
    assert.deepEqual(decodeScript(lone), { text: '\uD800A', encoding: 'utf-16le' });
    assert.deepEqual(encodeScript('\uD800A', 'utf-16le'), { bytes: lone });
    assert.deepEqual(decodeScript(Buffer.from([0xfe, 0xff, 0x00, 0x41, 0x00])), {
      text: 'A\uFFFD',
      encoding: 'utf-16be',
      unwritable: 'it ends in half a UTF-16 character',
    });
    // What PowerShell does after a UTF-8 mark: UTF-8, with U+FFFD for what is not.
    const decoded = decodeScript(Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0x96, 0x42]));
    assert.ok('text' in decoded);
    assert.equal(decoded.text, 'A\uFFFDB');
    assert.equal(decoded.encoding, 'utf-8-bom');
    assert.ok(decoded.unwritable);
  });

  it('still refuses a binary file, but not UTF-16 for its NUL bytes', () => {
    assert.deepEqual(decodeScript(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00])), { problem: 'is a binary file, not a PowerShell script' });
    assert.deepEqual(decodeScript(Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0x00])), { problem: 'is a binary file, not a PowerShell script' });
    assert.deepEqual(decodeScript(Buffer.from([0xff, 0xfe, 0x41, 0x00])), { text: 'A', encoding: 'utf-16le' });
  });
});

describe('lync-pic lint on encoded scripts', () => {
  it('reads a Windows-1252 script: the en dash names the parameter, the curly quotes hold the wrong value', async () => {
    const path = tempFile('ansi.ps1', bytesOf(`# Caf\xe9 \x80 \x85\r\n${ANSI_LINE}\r\n`));
    const result = await cli(['lint', '--format', 'json', path]);
    assert.equal(result.stderr, '');
    assert.equal(result.code, 1);
    const reports = JSON.parse(result.stdout) as Report[];
    assert.equal(reports.length, 1);
    assertProxyFinding(reports[0], 2);
  });

  it('reads UTF-16 LE and UTF-8 with a byte-order mark, with the columns of the text (the mark is no character)', async () => {
    const text = `${DECODED_LINE}\r\n`;
    const utf16le = tempFile('utf16le.ps1', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const utf8Bom = tempFile('utf8bom.ps1', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    const result = await cli(['lint', '--format', 'json', utf16le, utf8Bom]);
    assert.equal(result.stderr, '');
    const reports = JSON.parse(result.stdout) as Report[];
    assert.deepEqual(
      reports.map((r) => r.filePath),
      [utf16le, utf8Bom],
    );
    for (const report of reports) assertProxyFinding(report, 1);
  });

  it('decodes standard input given as bytes as it decodes a file', async () => {
    const result = await cli(['lint', '--format', 'json', '-'], () => bytesOf(ANSI_LINE));
    assert.equal(result.stderr, '');
    assertProxyFinding((JSON.parse(result.stdout) as Report[])[0], 1);
    const binary = await cli(['lint', '--format', 'json', '-'], () => Buffer.from([0x4d, 0x5a, 0x00]));
    assert.equal(binary.code, 2);
    assert.match(binary.stderr, /^lync-pic: <stdin>: is a binary file, not a PowerShell script$/m);
  });

  it('--fix writes a Windows-1252 script back in Windows-1252, every other byte as it was', async () => {
    // Every byte from 0x80 up in a comment, the mistake with an en dash and curly quotes, CRLF line ends.
    const high = bytesOf(String.fromCharCode(...Array.from({ length: 0x80 }, (_, i) => 0x80 + i)));
    const before = Buffer.concat([
      bytesOf('# '),
      high,
      bytesOf('\r\nRemove-CsPublicProvider -Identity Skype\r\nNew-CsPublicProvider -Identity Skype \x96ProxyFqdn '),
    ]);
    // (One curly-quoted value a line: with two, the engine misses the finding, in UTF-8 too.)
    const after = bytesOf(
      ' \x96Enabled $true -NameDecorationRoutingDomain msn.com -NameDecorationExcludedDomainList "msn.com,outlook.com,live.com,hotmail.com" # \x80 \x91\x92\r\n',
    );
    const path = tempFile('fix.ps1', Buffer.concat([before, bytesOf('\x93federation.messenger.msn.co\x94'), after]));
    const result = await cli(['lint', '--fix', '--format', 'json', path]);
    assert.equal(result.stderr, '');
    assert.equal(result.code, 0);
    assert.deepEqual(JSON.parse(result.stdout), [cleanReport(path)]);
    assert.deepEqual(readFileSync(path), Buffer.concat([before, bytesOf('federation.messenger.msn.com'), after]));
  });

  it('--fix keeps UTF-8 (with or without its mark) and UTF-16 as they were', async () => {
    const script = (value: string) =>
      `# F\u00e9d\u00e9ration \u2013 \u{1F600}\r\nRemove-CsPublicProvider -Identity Skype\r\nNew-CsPublicProvider -Identity Skype -ProxyFqdn ${value} -Enabled $true -NameDecorationRoutingDomain msn.com -NameDecorationExcludedDomainList "msn.com,outlook.com,live.com,hotmail.com"\r\n`;
    const cases: [ScriptEncoding, (text: string) => Buffer][] = [
      ['utf-8', (t) => Buffer.from(t, 'utf8')],
      ['utf-8-bom', (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')])],
      ['utf-16le', (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])],
      ['utf-16be', (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()])],
    ];
    for (const [encoding, encode] of cases) {
      const path = tempFile(`${encoding}.ps1`, encode(script('federation.messenger.msn.co')));
      const result = await cli(['lint', '--fix', '--format', 'json', path]);
      assert.equal(result.stderr, '', encoding);
      assert.equal(result.code, 0, encoding);
      assert.deepEqual(readFileSync(path), encode(script('federation.messenger.msn.com')), encoding);
    }
  });

  it('--fix leaves a file alone, and says so, when writing it back would change bytes the fix did not touch', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      bytesOf('# \x96\nNew-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.co -Enabled $true\n'),
    ]);
    const path = tempFile('mixed.ps1', bytes);
    const result = await cli(['lint', '--fix', '--format', 'json', path]);
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      /^lync-pic: .*mixed\.ps1: not fixed: it has bytes that are not UTF-8 after its UTF-8 byte-order mark, which writing it back would change; the file is left as it was$/m,
    );
    assert.deepEqual(readFileSync(path), bytes);
    // Its findings are those of the file as it is.
    assert.deepEqual(
      (JSON.parse(result.stdout) as Report[])[0].messages.map((m) => m.ruleId).filter((id) => id === 'skype-proxy-fqdn'),
      ['skype-proxy-fqdn'],
    );
  });
});
