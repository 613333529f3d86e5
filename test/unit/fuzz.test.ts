import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { run } from '../../server/src/cli/main';
import { complete } from '../../server/src/engine/complete';
import { fixAll } from '../../server/src/engine/fix/apply';
import { hover } from '../../server/src/engine/hover';
import type { Linter, LintResult } from '../../server/src/engine/lint';
import type { Position, Range } from '../../server/src/engine/text';
import { getLinter } from '../helpers';
import { prng } from '../random';
import { assertTreeIsSound } from '../tree-check';

/**
 * Fuzzing: random and mutated scripts through the engine (parse, lint, fix-all, completion, hover) and
 * through the CLI. Nothing may throw, no rule may fail, and every range reported must lie inside the document.
 * Deterministic: each case has a seed. The budget is about 3 seconds; LYNC_PIC_FUZZ_SECONDS=60 runs longer, and
 * LYNC_PIC_FUZZ_SEED=<n> starts from another seed. A failure prints its seed and the input, shrunk.
 */
const BUDGET_MS = Number(process.env.LYNC_PIC_FUZZ_SECONDS ?? 3) * 1000;
const FIRST_SEED = Number(process.env.LYNC_PIC_FUZZ_SEED ?? 1);

type Random = () => number;
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const int = (r: Random, max: number): number => Math.floor(r() * max);

// ---------------------------------------------------------------------------------------------------------
// Scripts

const CMDLETS = [
  'New-CsPublicProvider',
  'Set-CsPublicProvider',
  'Remove-CsPublicProvider',
  'Get-CsPublicProvider',
  'Enable-CsPublicProvider',
  'Set-CsAccessEdgeConfiguration',
  'Set-CsExternalAccessPolicy',
  'New-CsExternalAccessPolicy',
  'Grant-CsExternalAccessPolicy',
  'New-CsAllowedDomain',
  'New-CsBlockedDomain',
  'New-CsClientPolicy',
  'New-CsPublicProvder',
  'Get-CsUser',
  'Write-Host',
  'Import-Module',
  'ForEach-Object',
  'Where-Object',
];
const PARAMETERS = [
  '-Identity',
  '-ProxyFqdn',
  '-Enabled',
  '-Enable',
  '-VerificationLevel',
  '-IconUrl',
  '-NameDecorationRoutingDomain',
  '-NameDecorationExcludedDomainList',
  '-EnableSkypeIdRouting',
  '-EnableSkypeDirectorySearch',
  '-AllowFederatedUsers',
  '-UseDnsSrvRouting',
  '-EnablePartnerDiscovery',
  '-EnablePublicCloudAccess',
  '-PolicyName',
  '-Domain',
  '-Comment',
  '-Force',
  '-Confirm:',
  '-ErrorAction',
  '-Verbose',
  '\u2013Identity',
  '-Identiy',
  '-Instance',
  '-Global',
  '-Name',
];
const VALUES = [
  'Skype',
  'Messenger',
  'Yahoo',
  'AOL',
  'Global',
  'federation.messenger.msn.com',
  'federation.messenger.msn.co',
  'msn.com',
  '$true',
  '$false',
  'true',
  '1',
  '0',
  '2',
  '"msn.com,outlook.com,live.com,hotmail.com"',
  "'site:Redmond'",
  '"https://images.edge.messenger.live.com/Messenger_16x16.png"',
  'http://x/y.png',
  'AlwaysVerified',
  'UseSourceVerification',
  '$x',
  '$null',
  '@p',
  '@(1,2)',
  '@{a=1}',
  '{ $_ }',
  '$(Get-Date)',
  '"a$b"',
  'Green, Cyan',
  'SilentlyContinue',
  'MicrosoftTeams',
];

function command(r: Random): string {
  const parts = [pick(r, CMDLETS)];
  for (let i = int(r, 7); i > 0; i--) parts.push(r() < 0.7 ? `${pick(r, PARAMETERS)} ${pick(r, VALUES)}` : pick(r, r() < 0.5 ? PARAMETERS : VALUES));
  return parts.join(r() < 0.1 ? ' `\n    ' : ' ');
}

const STATEMENTS: ((r: Random) => string)[] = [
  command,
  (r) => `${command(r)} | ${command(r)}`,
  (r) =>
    `# ${pick(r, ['lync-pic-disable-next-line', 'lync-pic-disable-line', 'lync-pic-disable', 'lync-pic-enable', 'lync-pic: target=sfb2019', 'lync-pic: target=lync2010', 'a comment'])} ${pick(r, ['invalid-value', 'unknown-parameter', ''])}`,
  (r) => `<#\n${command(r)}\n#>`,
  (r) => `$p = @{ Identity = '${pick(r, VALUES)}'; ProxyFqdn = '${pick(r, VALUES)}'; Enabled = $true }`,
  (r) => `function F${int(r, 100)} {\n    param(\n        [string] $Domain\n    )\n    ${command(r)}\n}`,
  (r) => `foreach ($d in @('a.com', 'b.com')) {\n    ${command(r)}\n}`,
  (r) => `if (${command(r)}) { ${command(r)} } else { ${command(r)} }`,
  (r) => `$s = @"\n${command(r)}\n$(Get-Date)\n"@`,
  (r) => `$t = @'\n${command(r)}\n'@`,
  (r) => `try { ${command(r)} -ErrorAction Stop } catch { Write-Warning $_ }`,
  (r) => `Invoke-Command -ScriptBlock { ${command(r)} }`,
  (r) => `$p.${pick(r, ['Add("x", 1)', 'Identity = "y"', 'Count'])}`,
];

function script(r: Random): string {
  const lines: string[] = [];
  for (let i = 1 + int(r, 25); i > 0; i--) lines.push(pick(r, STATEMENTS)(r));
  return lines.join(pick(r, ['\n', '\n', '\r\n', '\n\n'])) + (r() < 0.8 ? '\n' : '');
}

// ---------------------------------------------------------------------------------------------------------
// Mutations

const TOKEN = /\s+|[\w.:\\/-]+|[\s\S]/g;
const RANDOM_CHARACTERS = [
  '\0',
  '\u0001',
  '\u001b',
  '\uFEFF',
  '\uD800',
  '\uDC00',
  '\u00e9',
  '\u2013',
  '\u2014',
  '\u2028',
  '\r',
  '\n',
  '\t',
  '`',
  '"',
  "'",
  '@',
  '$',
  '{',
  '}',
  '(',
  ')',
  '#',
  '<#',
  '#>',
  '|',
  ';',
  ',',
  '-',
  ':',
  '\uFFFD',
  '\u{1F600}',
];
const NESTING: [string, string][] = [
  ['{', '}'],
  ['(', ')'],
  ['@(', ')'],
  ['$(', ')'],
  ['@{a=', '}'],
  ['if ($x) {', '}'],
  ['& { ', ' }'],
  ['"$(', ')"'],
  ['[', ']'],
];

const MUTATIONS: ((text: string, r: Random) => string)[] = [
  function deleteToken(text, r) {
    const tokens = text.match(TOKEN) ?? [];
    tokens.splice(int(r, tokens.length), 1 + int(r, 3));
    return tokens.join('');
  },
  function duplicateToken(text, r) {
    const tokens = text.match(TOKEN) ?? [];
    const at = int(r, tokens.length);
    tokens.splice(at, 0, ...tokens.slice(at, at + 1 + int(r, 4)));
    return tokens.join('');
  },
  function swapTokens(text, r) {
    const tokens = text.match(TOKEN) ?? [];
    if (tokens.length < 2) return text;
    const a = int(r, tokens.length);
    const b = int(r, tokens.length);
    [tokens[a], tokens[b]] = [tokens[b], tokens[a]];
    return tokens.join('');
  },
  function cutString(text, r) {
    // Cut right after an opening quote or here-string start, or drop a closing one.
    const marks = [...text.matchAll(/@?["']|["']@/g)];
    if (marks.length === 0) return text;
    const mark = pick(r, marks);
    const at = (mark.index ?? 0) + (r() < 0.5 ? mark[0].length : 0);
    return r() < 0.5 ? text.slice(0, at) : text.slice(0, mark.index) + text.slice((mark.index ?? 0) + mark[0].length);
  },
  function randomBytes(text, r) {
    let out = text;
    for (let i = 1 + int(r, 8); i > 0; i--) {
      const at = int(r, out.length + 1);
      const piece = r() < 0.5 ? pick(r, RANDOM_CHARACTERS) : String.fromCharCode(int(r, 0x10000));
      out = out.slice(0, at) + piece + out.slice(at);
    }
    return out;
  },
  function deepNesting(text, r) {
    const depth = 20 + int(r, 400);
    const [open, close] = pick(r, NESTING);
    const inner = command(r);
    const nested = open.repeat(depth) + inner + (r() < 0.7 ? close.repeat(depth) : close.repeat(int(r, depth)));
    const at = int(r, text.length + 1);
    return text.slice(0, at) + nested + '\n' + text.slice(at);
  },
  function longLine(text, r) {
    const length = 20_000 + int(r, 100_000);
    const line =
      r() < 0.5
        ? `New-CsPublicProvider -Identity Skype ${'-ProxyFqdn federation.messenger.msn.co '.repeat(Math.ceil(length / 40))}`
        : `$s = "${'x'.repeat(length)}`;
    const at = int(r, text.length + 1);
    return text.slice(0, at) + line + (r() < 0.5 ? '\n' : '') + text.slice(at);
  },
  function randomText(_text, r) {
    let out = '';
    for (let i = int(r, 400); i > 0; i--) out += r() < 0.3 ? pick(r, RANDOM_CHARACTERS) : String.fromCharCode(32 + int(r, 95));
    return out;
  },
];

function mutate(text: string, r: Random): string {
  let out = text;
  for (let i = 1 + int(r, 4); i > 0; i--) out = pick(r, MUTATIONS)(out, r);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Checks

/** The lengths of the document's lines, split where LSP splits them (CRLF, CR, LF). */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

function checkPosition(lengths: readonly number[], position: Position, what: string): void {
  assert.ok(
    Number.isInteger(position.line) && position.line >= 0 && position.line < lengths.length,
    `${what}: line ${position.line} outside 0..${lengths.length - 1}`,
  );
  assert.ok(
    Number.isInteger(position.character) && position.character >= 0 && position.character <= lengths[position.line],
    `${what}: character ${position.character} outside 0..${lengths[position.line]} on line ${position.line}`,
  );
}

function checkRange(lengths: readonly number[], range: Range, what: string): void {
  checkPosition(lengths, range.start, `${what} start`);
  checkPosition(lengths, range.end, `${what} end`);
  assert.ok(
    range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character),
    `${what}: ends before it starts`,
  );
}

function checkResult(text: string, result: LintResult): void {
  const lengths = lineLengths(text);
  for (const finding of result.findings) {
    checkRange(lengths, finding.range, `${finding.ruleId} finding`);
    for (const fix of finding.fixes) for (const edit of fix.edits) checkRange(lengths, edit.range, `${finding.ruleId} fix "${fix.title}"`);
  }
}

function lintStrictly(linter: Linter, text: string): LintResult {
  return linter.lint(text, { onRuleError: (id, error) => assert.fail(`rule ${id} failed: ${error instanceof Error ? error.stack : String(error)}`) });
}

/** Everything the engine offers, on one text. */
function checkEngine(linter: Linter, text: string, r: Random): void {
  assertTreeIsSound(text);
  const result = lintStrictly(linter, text);
  checkResult(text, result);

  // Fix-all terminates and leaves a script that still lints.
  const fixed = fixAll(text, (t) => lintStrictly(linter, t).findings, 3);
  checkResult(fixed.text, lintStrictly(linter, fixed.text));

  // Completion and hover at a position inside the document and at one beyond it.
  const lengths = lineLengths(text);
  const line = int(r, lengths.length);
  const inside = { line, character: int(r, lengths[line] + 1) };
  const beyond = { line: lengths.length + int(r, 3), character: int(r, 500) };
  for (const position of [inside, beyond]) {
    for (const candidate of complete(linter, text, position)) checkRange(lengths, candidate.range, `completion "${candidate.label}"`);
    const found = hover(linter, text, position);
    if (found) checkRange(lengths, found.range, 'hover');
  }
}

async function checkCli(text: string): Promise<void> {
  let stdout = '';
  let stderr = '';
  const code = await run(['lint', '--format', 'json', '-'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t + '\n'), readStdin: () => text });
  assert.equal(stderr, '', 'the CLI writes no error');
  assert.ok(code === 0 || code === 1, `exit code ${code}`);
  const lengths = lineLengths(text);
  const [report] = JSON.parse(stdout) as { messages: { line: number; column: number; endLine: number; endColumn: number; ruleId: string }[] }[];
  for (const m of report.messages) {
    checkPosition(lengths, { line: m.line - 1, character: m.column - 1 }, `CLI ${m.ruleId} start`);
    checkPosition(lengths, { line: m.endLine - 1, character: m.endColumn - 1 }, `CLI ${m.ruleId} end`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Shrinking

/** Removes pieces of a failing input while it still fails (lines first, then characters), within a time bound. */
async function shrink(input: string, fails: (text: string) => Promise<boolean>): Promise<string> {
  const deadline = Date.now() + 20_000;
  let current = input;
  for (const unit of ['line', 'char'] as const) {
    let pieces = unit === 'line' ? current.split(/(?<=\n)/) : [...current];
    for (let size = Math.max(1, pieces.length >> 1); size >= 1 && Date.now() < deadline; size = size === 1 ? 0 : Math.max(1, size >> 1)) {
      for (let at = 0; at < pieces.length && Date.now() < deadline;) {
        const candidate = [...pieces.slice(0, at), ...pieces.slice(at + size)];
        if (await fails(candidate.join(''))) pieces = candidate;
        else at += size;
      }
    }
    current = pieces.join('');
  }
  return current;
}

// ---------------------------------------------------------------------------------------------------------

describe('fuzzing', () => {
  it(`survives random and mutated scripts (about ${BUDGET_MS / 1000} s)`, { timeout: BUDGET_MS + 600_000 }, async (t) => {
    const linter = await getLinter();
    const started = Date.now();
    let cases = 0;
    for (let seed = FIRST_SEED; Date.now() - started < BUDGET_MS || cases < 20; seed++, cases++) {
      const r = prng(seed);
      const base = script(r);
      const text = r() < 0.15 ? base : mutate(base, r);
      const checkAll = async (t: string): Promise<void> => {
        const rr = prng(seed ^ 0x5bd1e995);
        checkEngine(linter, t, rr);
        // The CLI makes a linter per run: every fifth case is enough to cover its path.
        if (seed % 5 === 0) await checkCli(t);
      };
      try {
        await checkAll(text);
      } catch (error) {
        const fails = async (t: string): Promise<boolean> =>
          checkAll(t).then(
            () => false,
            () => true,
          );
        const small = await shrink(text, fails);
        const message = error instanceof Error ? error.message : String(error);
        assert.fail(
          `fuzz case ${seed} failed: ${message}\nrerun with LYNC_PIC_FUZZ_SEED=${seed}\ninput (shrunk from ${text.length} to ${small.length} characters): ${JSON.stringify(small)}`,
        );
      }
    }
    t.diagnostic(`${cases} cases, seeds ${FIRST_SEED} to ${FIRST_SEED + cases - 1}`);
    assert.ok(cases >= 20);
  });
});
