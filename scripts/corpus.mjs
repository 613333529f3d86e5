// The corpus measurement: `npm run corpus -- <folder>...` (builds dist/ first). Lints real public PowerShell with
// the built CLI and prints figures; it asserts nothing.
//
//   node scripts/corpus.mjs [--report <path>] [--target <version>] [--timeout <seconds>] [--keep] [--cli <cli.js>]
//                           [--docs-examples <git-dir>] [[--repo-name <label>] <folder>]...
//
// --cli measures another build (default: this repository's dist/cli.js), e.g. a build of an older commit to compare.
//
// For each folder (named by its basename, or by a --repo-name given just before it):
// - syntax errors: one CLI process, `node dist/cli.js lint --format json --target any <folder>`. Wall time of the
//   process (node start and parser load included) and the bytes of the scripts it linted give the throughput;
//   the `syntax-error` findings are counted per file, and the files with their first messages go to the report.
// - planted mistake: the folder's scripts copied to a temporary folder (same relative paths), each with one more
//   line at its end, `New-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.co -Enabled $true`
//   (appended in the file's own encoding; a line break first, CRLF or LF as the file uses, when the file does not
//   end with one). One CLI process lints the copy; a file counts as found when a `skype-proxy-fqdn` finding is on
//   that last line. Where it is missing, files with a `teams-context` finding (Microsoft Teams scripts, whose Cs
//   commands the engine does not judge) are counted apart from the other misses.
// With --docs-examples, the same two measurements on the example code blocks of Microsoft's Skype for Business
// cmdlet pages (skype/skype-ps/SkypeForBusiness/*.md at HEAD of a MicrosoftDocs/office-docs-powershell git
// directory, bare or not), one <cmdlet>-<n>.ps1 per block, extracted to a temporary folder.
//
// Only what the CLI reads is counted: .ps1 and .psm1 files (the CLI does not search folders for .psd1; their number
// is reported apart), node_modules and .git left out, links to files followed and links to folders not. A folder's
// source commit goes into the report when the folder holds a `.corpus-commit` file (the commit hash, written when
// the corpus was extracted). Exit code 1 from the CLI is normal (errors found); 2 means some inputs could not be
// read (listed in the report, the run goes on); anything else, a time-out or output that is not JSON makes that
// measurement fail, and this script exit 1 at the end.
//
// The report (--report <path>: one JSON file for all runs; default: /tmp/corpus-report-<name>.json per run) holds
// every figure, the files with syntax errors and their first messages, and every file where the planted finding
// is missing.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE =
  'Usage: node scripts/corpus.mjs [--report <path>] [--target <version>] [--timeout <seconds>] [--keep] [--cli <cli.js>] [--docs-examples <git-dir>] [[--repo-name <label>] <folder>]...';

const PLANTED = 'New-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.co -Enabled $true';
const PLANTED_RULE = 'skype-proxy-fqdn';
const SYNTAX_RULE = 'syntax-error';
const TEAMS_RULE = 'teams-context';
// What the CLI searches folders for, and what it leaves out (server/src/cli/files.ts).
const SCRIPT_EXTENSIONS = new Set(['.ps1', '.psm1']);
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
const CONFIG_FILE = '.lync-pic.json';
const DOCS_FOLDER = 'skype/skype-ps/SkypeForBusiness';
// Fenced blocks of an EXAMPLES section that hold code (most are bare ``` fences; yaml and output blocks are not code).
const CODE_FENCES = new Set(['', 'powershell', 'ps', 'ps1', 'pwsh', 'posh']);
const LISTED = 20;
const FIRST_MESSAGES = 3;

// ---------------------------------------------------------------------------------------------------------
// Command line

function parseArgs(argv) {
  const options = { report: undefined, target: 'any', timeoutMs: 0, keep: false, cli: join(ROOT, 'dist', 'cli.js'), docs: [], folders: [] };
  let label;
  const value = (i) => {
    if (i >= argv.length || argv[i].startsWith('--')) fail(`${argv[i - 1]} needs a value`);
    return argv[i];
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--report') options.report = resolve(value(++i));
    else if (arg === '--target') options.target = value(++i);
    else if (arg === '--timeout') {
      const seconds = Number(value(++i));
      if (!(seconds > 0)) fail('--timeout takes a number of seconds');
      options.timeoutMs = seconds * 1000;
    } else if (arg === '--keep') options.keep = true;
    else if (arg === '--cli') options.cli = resolve(value(++i));
    else if (arg === '--repo-name') label = value(++i);
    else if (arg === '--docs-examples') options.docs.push(resolve(value(++i)));
    else if (arg.startsWith('-')) fail(`unknown option "${arg}"`);
    else {
      const folder = resolve(arg);
      if (!existsSync(folder) || !statSync(folder).isDirectory()) fail(`${arg} is not a folder`);
      options.folders.push({ folder, name: label ?? basename(folder) });
      label = undefined;
    }
  }
  if (label !== undefined) fail('--repo-name names the folder that follows it, and none does');
  if (options.folders.length + options.docs.length === 0) fail('no folders to measure');
  return options;
}

function fail(message) {
  console.error(`corpus: ${message}\n${USAGE}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------------------
// Files, encodings and lines, as the CLI and the engine see them

/** The scripts the CLI would lint in a folder (in its order), the .psd1 files it leaves out, and the config files. */
function findScripts(folder) {
  const found = { scripts: [], psd1: [], configs: [] };
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return; // the CLI reports it; so does the report, from the CLI's standard error
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const ext = extname(entry.name).toLowerCase();
      let isFile = entry.isFile();
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(path);
        continue;
      }
      if (entry.isSymbolicLink()) {
        try {
          isFile = statSync(path).isFile();
        } catch {
          isFile = false;
        }
      }
      if (!isFile) continue;
      const rel = relative(folder, path);
      if (SCRIPT_EXTENSIONS.has(ext)) found.scripts.push({ path, rel, bytes: statSync(path).size });
      else if (ext === '.psd1') found.psd1.push({ path, rel, bytes: statSync(path).size });
      else if (entry.name === CONFIG_FILE) found.configs.push({ path, rel });
    }
  };
  walk(folder);
  return found;
}

/**
 * The encoding the CLI reads a file in: UTF-16 by its byte-order mark, else UTF-8 (with or without its mark) or, when
 * the bytes are not UTF-8, a one-byte code page: the planted line, ASCII, is the same bytes in all of these.
 */
function encodingOf(bytes) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf8-bom' : 'utf8';
}

/** The text as the CLI decodes it (server/src/cli/files.ts), or undefined for what it takes for a binary file. */
function decode(bytes, encoding) {
  if (encoding === 'utf16le') return bytes.subarray(2).toString('utf16le');
  if (encoding === 'utf16be') return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  if (bytes.subarray(0, 8000).includes(0)) return undefined;
  const text = bytes.toString('utf8');
  return text.includes('\uFFFD') ? bytes.toString('latin1') : text;
}

function encode(text, encoding) {
  if (encoding === 'utf16le') return Buffer.from(text, 'utf16le');
  if (encoding === 'utf16be') return Buffer.from(text, 'utf16le').swap16();
  return Buffer.from(text, 'utf8');
}

/** Lines as the engine counts them (server/src/engine/text.ts): LF, CRLF and a lone CR each end one. */
function lineCount(text) {
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) lines++;
  }
  return lines;
}

/** The file's bytes with the planted line appended in its encoding, and that line's 1-based number. */
function plant(bytes) {
  const encoding = encodingOf(bytes);
  const text = decode(bytes, encoding) ?? bytes.toString('latin1');
  const endsWithBreak = text.length === 0 || /[\r\n]$/.test(text);
  const crlf = text.includes('\r\n');
  const suffix = (endsWithBreak ? '' : crlf ? '\r\n' : '\n') + PLANTED;
  const kind = `${encoding}${crlf ? ', CRLF' : ''}${/\r(?!\n)/.test(text) ? ', lone CR' : ''}${endsWithBreak ? '' : ', no final line break'}`;
  return {
    bytes: Buffer.concat([bytes, encode(suffix, encoding)]),
    line: lineCount(text + suffix),
    encoding,
    kind,
    binary: decode(bytes, encoding) === undefined,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The CLI

/** One CLI process over a folder: its exit code, its JSON output parsed, its standard error, its wall time. */
function runCli(folder, options) {
  const args = [options.cli, 'lint', '--format', 'json', '--target', options.target, folder];
  return new Promise((done) => {
    const stdout = [];
    const stderr = [];
    const start = performance.now();
    let timedOut = false;
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = options.timeoutMs ? setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), options.timeoutMs) : undefined;
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    const finish = (code, signal, spawnError) => {
      clearTimeout(timer);
      const seconds = (performance.now() - start) / 1000;
      const errText = Buffer.concat(stderr).toString('utf8');
      const result = { command: `node ${args.join(' ')}`, exitCode: code, signal, seconds, stderr: errText, reports: undefined, error: undefined };
      if (spawnError) result.error = `could not start: ${spawnError.message}`;
      else if (timedOut) result.error = `timed out after ${options.timeoutMs / 1000} s`;
      else if (code !== 0 && code !== 1 && code !== 2) result.error = `exit code ${code ?? signal}`;
      const out = Buffer.concat(stdout).toString('utf8');
      if (!result.error) {
        try {
          result.reports = JSON.parse(out);
          if (!Array.isArray(result.reports)) throw new Error('not an array');
        } catch (error) {
          result.error = `the output is not ESLint's JSON shape (${error.message}; ${out.length} characters)`;
          result.reports = undefined;
        }
      }
      done(result);
    };
    child.on('error', (error) => finish(null, null, error));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

/** Standard error sorted: unreadable inputs (exit code 2), internal rule errors, anything else. */
function sortStderr(text) {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  return {
    inputProblems: lines.filter((l) => l.startsWith('lync-pic: ') && !l.startsWith('lync-pic: internal error')),
    internalErrors: lines.filter((l) => l.startsWith('lync-pic: internal error')),
    other: lines.filter((l) => !l.startsWith('lync-pic: ')).slice(0, 50),
  };
}

/** The CLI's reports by path relative to the folder it linted. */
function byRelativePath(folder, reports) {
  return new Map((reports ?? []).map((r) => [relative(folder, resolve(ROOT, r.filePath)), r]));
}

// ---------------------------------------------------------------------------------------------------------
// The two measurements

async function measureSyntax(folder, scripts, options) {
  const cli = await runCli(folder, options);
  const reports = byRelativePath(folder, cli.reports);
  const linted = scripts.filter((s) => reports.has(s.rel));
  const bytes = linted.reduce((n, s) => n + s.bytes, 0);
  const rules = {};
  const withSyntaxErrors = [];
  let syntaxFindings = 0;
  let teamsContextFiles = 0;
  for (const [rel, report] of reports) {
    let count = 0;
    for (const m of report.messages) {
      rules[m.ruleId] = (rules[m.ruleId] ?? 0) + 1;
      if (m.ruleId === SYNTAX_RULE) count++;
    }
    if (report.messages.some((m) => m.ruleId === TEAMS_RULE)) teamsContextFiles++;
    if (count === 0) continue;
    syntaxFindings += count;
    const first = report.messages
      .filter((m) => m.ruleId === SYNTAX_RULE)
      .slice(0, FIRST_MESSAGES)
      .map((m) => ({ line: m.line, column: m.column, message: m.message }));
    withSyntaxErrors.push({ file: rel, count, first });
  }
  return {
    command: cli.command,
    exitCode: cli.exitCode,
    signal: cli.signal,
    error: cli.error,
    seconds: cli.seconds,
    filesLinted: linted.length,
    bytesLinted: bytes,
    megabytesPerSecond: bytes / 1e6 / cli.seconds,
    notLinted: scripts.filter((s) => !reports.has(s.rel)).map((s) => s.rel),
    ...sortStderr(cli.stderr),
    teamsContextFiles,
    rules: Object.fromEntries(Object.entries(rules).sort((a, b) => b[1] - a[1])),
    syntaxErrors: { files: withSyntaxErrors.length, findings: syntaxFindings, byFile: withSyntaxErrors },
  };
}

async function measurePlanted(folder, found, syntax, options) {
  const copy = mkdtempSync(join(tmpdir(), 'lync-pic-corpus-'));
  try {
    const planted = new Map();
    for (const script of found.scripts) {
      const original = readFileSync(script.path);
      const result = plant(original);
      const dest = join(copy, script.rel);
      mkdirSync(dirname(dest), { recursive: true });
      writeFileSync(dest, result.bytes);
      const text = decode(original, result.encoding) ?? '';
      planted.set(script.rel, {
        ...result,
        tail: text
          .replace(/[\r\n]+$/, '')
          .split(/\r\n|\r|\n/)
          .slice(-2)
          .join('\n')
          .slice(-240),
        suppressed: /lync-pic-disable/.test(text),
      });
    }
    // Project files keep the same severities and ignores in the copy as in the original.
    for (const config of found.configs) {
      mkdirSync(dirname(join(copy, config.rel)), { recursive: true });
      writeFileSync(join(copy, config.rel), readFileSync(config.path));
    }
    const cli = await runCli(copy, options);
    const reports = byRelativePath(copy, cli.reports);
    const syntaxByFile = new Map(syntax.syntaxErrors.byFile.map((f) => [f.file, f.count]));
    const result = {
      command: cli.command.replace(copy, '<copy>'),
      exitCode: cli.exitCode,
      signal: cli.signal,
      error: cli.error,
      seconds: cli.seconds,
      ...sortStderr(cli.stderr.split(copy).join('<copy>')),
      files: 0,
      found: 0,
      byKind: {},
      teamsContext: [],
      missed: [],
      notLinted: [],
    };
    if (cli.error) return result;
    for (const [rel, entry] of planted) {
      const report = reports.get(rel);
      if (!report) {
        result.notLinted.push({ file: rel, binary: entry.binary });
        continue;
      }
      result.files++;
      const kind = (result.byKind[entry.kind] ??= { files: 0, found: 0 });
      kind.files++;
      if (report.messages.some((m) => m.ruleId === PLANTED_RULE && m.line === entry.line)) {
        result.found++;
        kind.found++;
        continue;
      }
      const miss = {
        file: rel,
        plantedLine: entry.line,
        kind: entry.kind,
        [`${PLANTED_RULE}Lines`]: report.messages.filter((m) => m.ruleId === PLANTED_RULE).map((m) => m.line),
        syntaxErrorsInOriginal: syntaxByFile.get(rel) ?? 0,
        suppressionComment: entry.suppressed,
        lastFindings: report.messages.slice(-FIRST_MESSAGES).map((m) => ({ ruleId: m.ruleId, line: m.line, message: m.message })),
        originalTail: entry.tail,
      };
      if (report.messages.some((m) => m.ruleId === TEAMS_RULE)) result.teamsContext.push(miss);
      else result.missed.push(miss);
    }
    return result;
  } finally {
    if (options.keep) console.log(`  kept the planted copy: ${copy}`);
    else rmSync(copy, { recursive: true, force: true });
  }
}

async function measure(run, options) {
  const found = findScripts(run.folder);
  console.log(`\n${run.name}: ${found.scripts.length} scripts (${mb(found.scripts.reduce((n, s) => n + s.bytes, 0))} MB) in ${run.folder}`);
  const syntax = await measureSyntax(run.folder, found.scripts, options);
  printSyntax(syntax);
  const planted = await measurePlanted(run.folder, found, syntax, options);
  printPlanted(planted);
  return {
    name: run.name,
    folder: run.folder,
    commit: run.commit ?? readCommit(run.folder),
    ...run.extra,
    inputs: {
      scripts: found.scripts.length,
      bytes: found.scripts.reduce((n, s) => n + s.bytes, 0),
      psd1NotSearched: found.psd1.length,
      psd1Bytes: found.psd1.reduce((n, s) => n + s.bytes, 0),
      configFiles: found.configs.map((c) => c.rel),
    },
    syntax,
    planted,
  };
}

function readCommit(folder) {
  try {
    return readFileSync(join(folder, '.corpus-commit'), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Microsoft's cmdlet examples

function git(gitDir, args, input) {
  const result = spawnSync('git', [`--git-dir=${gitDir}`, ...args], { input, maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr?.toString().trim() || result.error?.message}`);
  return result.stdout;
}

/** The git directory's contents at HEAD, read in one `git cat-file --batch`. */
function readBlobs(gitDir, paths) {
  const out = git(gitDir, ['cat-file', '--batch'], paths.map((p) => `HEAD:${p}\n`).join(''));
  const blobs = new Map();
  let at = 0;
  for (const path of paths) {
    const headerEnd = out.indexOf(10, at);
    const header = out.subarray(at, headerEnd).toString();
    const size = Number(header.split(' ')[2]);
    if (header.endsWith(' missing') || !Number.isFinite(size)) {
      at = headerEnd + 1;
      continue;
    }
    blobs.set(path, out.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8'));
    at = headerEnd + 1 + size + 1;
  }
  return blobs;
}

/** The code blocks of a page's EXAMPLES section, with the 1-based line of each opening fence. */
function exampleBlocks(markdown, skippedFences) {
  const lines = markdown.split(/\r?\n/);
  const blocks = [];
  let inExamples = false;
  for (let i = 0; i < lines.length; i++) {
    if (/^##\s/.test(lines[i])) inExamples = /^##\s+examples\s*$/i.test(lines[i]);
    const open = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]);
    if (!open) continue;
    const fence = open[1];
    const language = open[2].toLowerCase();
    let end = i + 1;
    while (end < lines.length && !new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(lines[end])) end++;
    if (inExamples) {
      if (CODE_FENCES.has(language)) blocks.push({ line: i + 1, language: language || '(bare)', code: lines.slice(i + 1, end).join('\n') + '\n' });
      else skippedFences[language] = (skippedFences[language] ?? 0) + 1;
    }
    i = end;
  }
  return blocks;
}

/** Extracts the examples into a temporary folder, one <cmdlet>-<n>.ps1 per block. */
function extractDocsExamples(gitDir) {
  const commit = git(gitDir, ['rev-parse', 'HEAD']).toString().trim();
  const pages = git(gitDir, ['ls-tree', '--name-only', 'HEAD', `${DOCS_FOLDER}/`])
    .toString()
    .split('\n')
    .filter((p) => p.toLowerCase().endsWith('.md'));
  const blobs = readBlobs(gitDir, pages);
  const folder = mkdtempSync(join(tmpdir(), 'lync-pic-docs-examples-'));
  const sources = {};
  const fences = {};
  const skippedFences = {};
  let pagesWithExamples = 0;
  for (const page of pages) {
    const markdown = blobs.get(page);
    if (markdown === undefined) continue;
    const blocks = exampleBlocks(markdown, skippedFences);
    if (blocks.length > 0) pagesWithExamples++;
    const cmdlet = basename(page, '.md');
    blocks.forEach((block, i) => {
      const file = `${cmdlet}-${i + 1}.ps1`;
      writeFileSync(join(folder, file), block.code);
      sources[file] = `${page}:${block.line}`;
      fences[block.language] = (fences[block.language] ?? 0) + 1;
    });
  }
  const label = ['repo', '.git'].includes(basename(gitDir)) ? basename(dirname(gitDir)) : basename(gitDir).replace(/\.git$/, '');
  return {
    folder,
    name: `${label}-skype-examples`,
    commit,
    extra: { docs: { gitDir, pages: pages.length, pagesWithExamples, blocks: Object.keys(sources).length, fences, skippedFences } },
    sources,
  };
}

/** Adds the page and line of each example to the report's lists of files. */
function annotateSources(result, sources) {
  const annotate = (entry) => ({ ...entry, source: sources[entry.file] });
  result.syntax.syntaxErrors.byFile = result.syntax.syntaxErrors.byFile.map(annotate);
  result.planted.missed = result.planted.missed.map(annotate);
  result.planted.teamsContext = result.planted.teamsContext.map(annotate);
}

// ---------------------------------------------------------------------------------------------------------
// Output

const mb = (bytes) => (bytes / 1e6).toFixed(2);

function printSyntax(s) {
  if (s.error) console.log(`  lint FAILED: ${s.error}`);
  console.log(
    `  lint: exit ${s.exitCode ?? s.signal}, ${s.filesLinted} files, ${mb(s.bytesLinted)} MB in ${s.seconds.toFixed(2)} s = ${s.megabytesPerSecond.toFixed(2)} MB/s`,
  );
  if (s.inputProblems.length > 0)
    console.log(
      `  ${s.inputProblems.length} input(s) not read (exit code 2):\n${s.inputProblems
        .slice(0, LISTED)
        .map((l) => `    ${l}`)
        .join('\n')}`,
    );
  if (s.internalErrors.length > 0) console.log(`  ${s.internalErrors.length} internal rule error(s), first: ${s.internalErrors[0]}`);
  if (s.notLinted.length > s.inputProblems.length) console.log(`  ${s.notLinted.length} script(s) not in the output, first: ${s.notLinted[0]}`);
  console.log(`  ${SYNTAX_RULE}: ${s.syntaxErrors.files} file(s), ${s.syntaxErrors.findings} finding(s)`);
  for (const f of s.syntaxErrors.byFile.slice(0, LISTED))
    console.log(`    ${f.file} (${f.count}): ${f.first[0].line}:${f.first[0].column} ${f.first[0].message}`);
  if (s.syntaxErrors.files > LISTED) console.log(`    ... and ${s.syntaxErrors.files - LISTED} more (see the report)`);
}

function printPlanted(p) {
  if (p.error) {
    console.log(`  planted copy FAILED: ${p.error}`);
    return;
  }
  console.log(
    `  planted: found in ${p.found} of ${p.files} files (${p.seconds.toFixed(2)} s); missing in ${p.missed.length}, plus ${p.teamsContext.length} in teams context`,
  );
  console.log(
    `  found by kind of file: ${Object.entries(p.byKind)
      .sort((a, b) => b[1].files - a[1].files)
      .map(([k, v]) => `${k} ${v.found}/${v.files}`)
      .join('; ')}`,
  );
  if (p.notLinted.length > 0) console.log(`  ${p.notLinted.length} planted file(s) not linted, first: ${p.notLinted[0].file}`);
  if (p.missed.length > 0)
    console.log(
      `  missing (parser or engine):\n${p.missed
        .slice(0, LISTED)
        .map((m) => `    ${m.file}`)
        .join('\n')}${p.missed.length > LISTED ? `\n    ... and ${p.missed.length - LISTED} more (see the report)` : ''}`,
    );
  if (p.teamsContext.length > 0)
    console.log(
      `  missing (teams context):\n${p.teamsContext
        .slice(0, LISTED)
        .map((m) => `    ${m.file}`)
        .join('\n')}${p.teamsContext.length > LISTED ? `\n    ... and ${p.teamsContext.length - LISTED} more (see the report)` : ''}`,
    );
}

function printTable(results) {
  const rows = results.map((r) => {
    const s = r.syntax;
    const p = r.planted;
    return [
      r.name,
      String(s.filesLinted),
      mb(s.bytesLinted),
      s.error ? 'FAILED' : `${s.syntaxErrors.files} / ${s.syntaxErrors.findings}`,
      p.error ? 'FAILED' : `${p.found} / ${p.files}`,
      p.error ? '-' : String(p.teamsContext.length),
      p.error ? '-' : String(p.missed.length),
      s.seconds.toFixed(2),
      s.megabytesPerSecond.toFixed(2),
    ];
  });
  const header = ['folder', 'files', 'MB', 'syntax errors (files / findings)', 'planted found / files', 'teams ctx', 'missed', 'seconds', 'MB/s'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(`\n${line(header)}\n|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|\n${rows.map(line).join('\n')}`);
}

/** Which linter is measured: the CLI file, when it was built, and the commit and uncommitted changes of its checkout. */
function linterVersion(cli) {
  const gitOut = (args) => {
    try {
      return execFileSync('git', ['-C', dirname(cli), ...args], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trimEnd();
    } catch {
      return undefined;
    }
  };
  const status = gitOut(['status', '--porcelain', '--untracked-files=all', '--', '../server', '../client', '../package.json', '../scripts/build.mjs']);
  return {
    cli,
    cliBuilt: statSync(cli).mtime.toISOString(),
    commit: gitOut(['rev-parse', 'HEAD']),
    uncommittedSourceChanges:
      status === undefined
        ? undefined
        : status
            .split('\n')
            .filter(Boolean)
            .map((l) => l.trim()),
    node: process.version,
  };
}

// ---------------------------------------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(options.cli)) fail(`${options.cli} is missing: run \`npm run build\` (or \`npm run corpus\`, which builds first)`);
  const linter = linterVersion(options.cli);
  const changes = linter.uncommittedSourceChanges?.length ? ` with ${linter.uncommittedSourceChanges.length} uncommitted source change(s)` : '';
  console.log(`lync-pic ${linter.commit?.slice(0, 12) ?? '(no git)'}${changes}: ${options.cli} built ${linter.cliBuilt}; target ${options.target}`);
  const results = [];
  const write = (name, content) => {
    const path = join(tmpdir(), `corpus-report-${name.replace(/[^\w.+-]+/g, '_')}.json`);
    writeFileSync(path, JSON.stringify(content, null, 2));
    console.log(`  report: ${path}`);
  };
  for (const run of options.folders) {
    const result = await measure(run, options);
    results.push(result);
    if (!options.report) write(run.name, { linter, target: options.target, ...result });
  }
  for (const gitDir of options.docs) {
    const docs = extractDocsExamples(gitDir);
    try {
      console.log(
        `\nExamples of ${docs.extra.docs.pages} pages under ${DOCS_FOLDER} at ${docs.commit}: ${docs.extra.docs.blocks} code blocks (${Object.entries(
          docs.extra.docs.fences,
        )
          .map(([k, v]) => `${v} ${k}`)
          .join(', ')}), in ${docs.folder}`,
      );
      const result = await measure(docs, options);
      annotateSources(result, docs.sources);
      results.push(result);
      if (!options.report) write(docs.name, { linter, target: options.target, ...result });
    } finally {
      if (options.keep) console.log(`  kept the extracted examples: ${docs.folder}`);
      else rmSync(docs.folder, { recursive: true, force: true });
    }
  }
  printTable(results);
  if (options.report) {
    writeFileSync(options.report, JSON.stringify({ linter, target: options.target, runs: results }, null, 2));
    console.log(`\nreport: ${options.report}`);
  }
  const failed = results.filter((r) => r.syntax.error || r.planted.error);
  if (failed.length > 0) {
    console.log(`\nfailed runs: ${failed.map((r) => r.name).join(', ')}`);
    process.exitCode = 1;
  }
}

await main();
