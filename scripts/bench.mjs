// The performance benchmark: `npm run bench` (builds dist/ first). Prints figures; it asserts nothing.
//
//   node --expose-gc scripts/bench.mjs [--quick] [--only throughput,latency,cold,memory] [--json out.json] [--wasm-tier-up]
//
// - throughput: a generated 50,000-line script, in one process: the CLI (`run` of dist/cli.js: read, parse, walk,
//   bind, rules, JSON output) lints it; lync-pic's own parser (`parseScript` of server/src/engine/parse/script-parser.ts,
//   bundled by esbuild as dist/ is) parses it alone; and, as the baseline, web-tree-sitter with tree-sitter-powershell
//   (devDependencies: the engine no longer uses them) parses it into a tree and deletes it. Medians of several runs
//   after three warm-up runs of each (the CLI's alternated with tree-sitter's, the own parse's after them, apart: the
//   tree it keeps would be collected in the CLI's runs), MB/s, the ratio CLI lint / bare tree-sitter parse (target
//   <= 0.2) and own parse / tree-sitter parse; the CPU time and the fresh memory pages (minor page faults) of each CLI
//   run; then the CLI's own --timing report of one more run (by phase and by rule). WebAssembly runs on V8's baseline
//   compiler (Liftoff), as the tree-sitter engine ran it, so that the baseline is the one of the tree-sitter figures in
//   docs/performance.md; --wasm-tier-up leaves V8's default (Liftoff, then TurboFan for hot functions) instead.
// - latency: the real language server (dist/server.js over stdio), which lints each version with the lint of the one
//   before it (only the statements around the edit are parsed and checked again; each change schedules one lint with
//   setImmediate, a newer change cancels it). A 5,000-line script; 200 single-character edits
//   one after the other (insert a character, then delete it); the time from sending didChange to the
//   publishDiagnostics of that version, as an editor sees it. At a typing pace (an edit every 50 ms at most) and back to
//   back (each edit sent as soon as the previous one is answered: no idle time between lints), on a script with few
//   findings and on one holding ~700 New-CsPublicProvider commands with a wrong ProxyFqdn (thousands of diagnostics to
//   compute, convert and send). Target p95 <= 10 ms. Beside them, the in-process lint of the same script from scratch
//   and of an edit (the engine's share of a keystroke).
// - cold: from spawning the server process to the first diagnostics for a 1,000-line file (median of runs; target
//   <= 150 ms), and apart the first start, before the server has written its code cache.
// - memory: the server's resident set (VmRSS, and its peak VmHWM) with 50 open 1,000-line documents (target <= 100 MiB).
//
// Every server is started as the extension starts it (server/src/lsp/launch.ts: V8 options, environment, a code
// cache folder, here a temporary one for the whole run) and initialized with the extension's options
// (server/src/lsp/initialization.ts: compact diagnostics, whose source and docs link the extension adds, sent as splices of
// the list the client holds, which the benchmark applies as the extension does).
//
// The figures go in docs/performance.md with the machine and the date (see the "machine" line printed: the load
// average, what a first write to fresh memory costs, and the commit are on it, since other tenants' load moves the
// figures: the CLI's, which allocate and collect, more than tree-sitter's).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { generateScript, prng } from './bench/generate-script.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : ['throughput', 'latency', 'cold', 'memory'];
const JSON_OUT = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const WASM_TIER_UP = args.includes('--wasm-tier-up');
const SEED = 20240601;
const TYPING_GAP_MS = 50;
/** New-CsPublicProvider commands with a wrong ProxyFqdn in the latency script "with findings". */
const WRONG_PROVIDERS = 700;

const results = {};

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (value) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

function machine() {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // not Linux
  }
  let commit = 'unknown';
  try {
    const git = (...command) => execFileSync('git', command, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    commit = git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain', '--', 'server') ? ' (server/ modified)' : '');
  } catch {
    // not a checkout
  }
  return {
    cores: cpus().length,
    cpu,
    ramGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
    load: loadavg().map((l) => Number(l.toFixed(2))),
    firstTouchMicroseconds: firstTouchMicroseconds(),
    commit,
  };
}

/**
 * What a first write to fresh memory costs here, in microseconds per 4 KiB page (median of 3 touches of 64 MiB): a
 * collector that grows the heap pays it for each page, and on a virtual machine it is much more than on bare metal.
 */
function firstTouchMicroseconds() {
  const pages = (64 * 2 ** 20) / 4096;
  const costs = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const buffer = Buffer.allocUnsafeSlow(pages * 4096);
    for (let at = 0; at < buffer.length; at += 4096) buffer[at] = 1;
    costs.push(((performance.now() - start) * 1000) / pages);
  }
  return median(costs);
}

/** Sources bundled by esbuild with the options of scripts/build.mjs (the code dist/ runs), into a temporary file, and loaded. */
async function bundled(contents) {
  const { build } = await import('esbuild');
  const folder = mkdtempSync(join(tmpdir(), 'lync-pic-bench-engine-'));
  const outfile = join(folder, 'bundle.js');
  await build({
    stdin: { contents, resolveDir: ROOT, sourcefile: 'bench-entry.ts', loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    logLevel: 'warning',
    define: { LYNC_PIC_VERSION: JSON.stringify(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version) },
    outfile,
  });
  const loaded = require(outfile);
  rmSync(folder, { recursive: true, force: true });
  return loaded;
}

/** lync-pic's own parser and linter, for in-process measures. */
const engine = () => bundled("export { parseScript } from './server/src/engine/parse/script-parser';\nexport { Linter } from './server/src/engine';\n");

/**
 * How the extension starts the server (server/src/lsp/launch.ts: entry, V8 options, environment), so that the
 * benchmark measures the process editors run. One code cache folder for the whole benchmark, as an editor keeps one.
 */
const launch = await bundled("export * from './server/src/lsp/launch';\n");
/** What the extension sends in initialize besides what depends on the editor (server/src/lsp/initialization.ts). */
const initialization = await bundled("export * from './server/src/lsp/initialization';\n");
/** The extension's side of diagnostics sent as splices (server/src/lsp/diagnostic-splices.ts). */
const diagnosticSplices = await bundled("export * from './server/src/lsp/diagnostic-splices';\n");
const CODE_CACHE = mkdtempSync(join(tmpdir(), 'lync-pic-bench-code-cache-'));
process.on('exit', () => rmSync(CODE_CACHE, { recursive: true, force: true }));

// ---------------------------------------------------------------------------------------------------------
// Throughput

/**
 * A garbage collection before a timed run (with --expose-gc). On Node 20 (V8 11.3) this call runs a scavenge, not a
 * full collection (`--trace-gc`: "Scavenge … testing"): the old generation keeps earlier runs' garbage until V8
 * collects it, during some timed run. A full collection is worse for the CLI: gc() without options is V8's
 * last-resort collection, and after it, as after a regular full one, the CLI's runs take 350 to 550 ms instead of 135
 * to 260, with a CPU time 1.7 times their wall time (collector threads at work as the heap grows back). See
 * docs/performance.md.
 */
function collectGarbage() {
  globalThis.gc?.({ type: 'major', execution: 'sync', flavor: 'regular' });
}

/** How many runs of each throughput workload come before the timed ones. */
const WARM_UP_RUNS = 3;

async function throughput() {
  const lines = 50_000;
  const runs = QUICK ? 3 : 7;
  const text = generateScript(lines, SEED);
  const folder = mkdtempSync(join(tmpdir(), 'lync-pic-bench-'));
  const file = join(folder, 'big.ps1');
  writeFileSync(file, text);

  // The baseline: tree-sitter's bare parse, on V8's baseline WebAssembly compiler as the tree-sitter engine set it
  // (these flags touch WebAssembly only; they must be set before any module compiles).
  if (!WASM_TIER_UP) for (const flag of ['--liftoff-only', '--no-wasm-tier-up', '--no-wasm-dynamic-tiering']) setFlagsFromString(flag);
  const { Parser, Language } = await import('web-tree-sitter');
  await Parser.init();
  const language = await Language.load(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'));
  const parser = new Parser();
  parser.setLanguage(language);
  const treeSitterParse = () => {
    const tree = parser.parse(text);
    tree.delete();
  };

  const { parseScript } = await engine();
  let syntaxErrors = 0;
  const ownParse = () => {
    syntaxErrors = parseScript(text).errors.length;
  };

  const { run } = require(join(ROOT, 'dist', 'cli.js'));
  let findings = 0;
  const cliLint = async () => {
    let out = '';
    const code = await run(['lint', '--format', 'json', file], {
      stdout: (t) => (out += t),
      stderr: (t) => process.stderr.write(t + '\n'),
      readStdin: () => '',
    });
    if (code === 2) throw new Error('the CLI failed on the benchmark script');
    findings = JSON.parse(out)[0].messages.length;
  };

  // The CLI's runs: the fresh memory pages each touched (minor page faults: its heap grows by the model it keeps), and
  // the CPU time of the process's threads (the collector's helpers included) beside the wall time.
  const cliCost = { pageFaults: [], cpuMs: [] };
  const time = async (work) => {
    collectGarbage();
    const usage = process.resourceUsage();
    const start = performance.now();
    await work();
    const elapsed = performance.now() - start;
    if (work === cliLint) {
      const after = process.resourceUsage();
      cliCost.pageFaults.push(after.minorPageFault - usage.minorPageFault);
      cliCost.cpuMs.push((after.userCPUTime + after.systemCPUTime - usage.userCPUTime - usage.systemCPUTime) / 1000);
    }
    return elapsed;
  };
  // Warm-up runs of each: the first one compiles the WebAssembly and the JavaScript, and V8 goes on optimising the
  // JavaScript over the next ones (after one warm-up run, the CLI's first timed run still took 1.7 times the others,
  // with a CPU time twice its wall time: compiler threads at work). The first run is reported apart.
  const first = { cli: await time(cliLint), parse: await time(ownParse), treeSitter: await time(treeSitterParse) };
  for (let i = 1; i < WARM_UP_RUNS; i++) for (const work of [cliLint, ownParse, treeSitterParse]) await time(work);
  cliCost.pageFaults.length = cliCost.cpuMs.length = 0;
  const times = { treeSitter: [], parse: [], cli: [] };
  // The CLI's runs alternate with tree-sitter's, whose memory is WebAssembly's, not the JavaScript heap: the own parse
  // runs apart, after them, since the whole tree it keeps (26 MB) is left in V8's old generation, and the CLI's run
  // after it paid for collecting it (see docs/performance.md).
  for (let i = 0; i < runs; i++) {
    times.treeSitter.push(await time(treeSitterParse));
    times.cli.push(await time(cliLint));
  }
  for (let i = 0; i < runs; i++) times.parse.push(await time(ownParse));
  // Where the CLI's time goes: its own --timing report of one more run.
  let timing = '';
  collectGarbage();
  await run(['lint', '--timing', '--format', 'json', file], { stdout: () => {}, stderr: (t) => (timing += t), readStdin: () => '' });
  rmSync(folder, { recursive: true, force: true });
  const mb = Buffer.byteLength(text) / 1e6;
  const med = { treeSitter: median(times.treeSitter), parse: median(times.parse), cli: median(times.cli) };
  const fastest = { treeSitter: Math.min(...times.treeSitter), parse: Math.min(...times.parse), cli: Math.min(...times.cli) };
  results.throughput = {
    lines,
    megabytes: mb,
    runs,
    findings,
    syntaxErrors,
    wasmTierUp: WASM_TIER_UP,
    treeSitterParseMs: med.treeSitter,
    ownParseMs: med.parse,
    cliLintMs: med.cli,
    ratio: med.cli / med.treeSitter,
    parseRatio: med.parse / med.treeSitter,
    fastestRatio: fastest.cli / fastest.treeSitter,
    first,
    times,
    cliPageFaults: cliCost.pageFaults,
    cliCpuMs: cliCost.cpuMs,
    timing,
  };
  const row = (label, key) =>
    `  ${label.padEnd(26)}${ms(med[key]).padStart(9)}  ${(mb / (med[key] / 1000)).toFixed(2).padStart(6)} MB/s   (runs: ${times[key].map((t) => t.toFixed(0)).join(' ')})`;
  console.log(
    `\nThroughput: ${lines.toLocaleString('en')} lines, ${mb.toFixed(2)} MB, ${findings} findings, ${syntaxErrors} syntax errors; median of ${runs} runs after ${WARM_UP_RUNS} warm-up runs`,
  );
  console.log(row(`bare tree-sitter parse${WASM_TIER_UP ? '*' : ''}`, 'treeSitter'));
  console.log(row('bare own parse', 'parse'));
  console.log(row('CLI lint (full)', 'cli'));
  console.log(
    `  ratio CLI lint / tree-sitter parse   ${(med.cli / med.treeSitter).toFixed(2)}x   (target <= 0.2x); fastest runs ${(fastest.cli / fastest.treeSitter).toFixed(2)}x (CLI ${ms(fastest.cli)}, tree-sitter ${ms(fastest.treeSitter)})`,
  );
  console.log(
    `  ratio own parse / tree-sitter parse  ${(med.parse / med.treeSitter).toFixed(2)}x; fastest runs ${(fastest.parse / fastest.treeSitter).toFixed(2)}x (own parse ${ms(fastest.parse)})`,
  );
  console.log(`  first (cold) runs       CLI ${ms(first.cli)}, own parse ${ms(first.parse)}, tree-sitter parse ${ms(first.treeSitter)}`);
  console.log(
    `  CLI runs' CPU time      ${cliCost.cpuMs.map((t) => t.toFixed(0)).join(' ')} ms; fresh pages touched ${cliCost.pageFaults.join(' ')} (minor page faults)`,
  );
  if (WASM_TIER_UP) console.log("  * WebAssembly on V8's default tiers (--wasm-tier-up), not Liftoff only as the tree-sitter engine ran it");
  console.log(`  where one more CLI run spends its time (lync-pic lint --timing):\n${timing.replace(/^(?=.)/gm, '  ')}`);
}

// ---------------------------------------------------------------------------------------------------------
// A minimal LSP client over stdio

async function startServer() {
  const protocol = require('vscode-languageserver-protocol/node');
  const spawnedAt = performance.now();
  // BENCH_SERVER_NODE_ARGS: extra node options for the server, e.g. "--cpu-prof --cpu-prof-dir=prof" to profile it.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...launch.SERVER_EXEC_ARGV, ...nodeArgs, join(ROOT, launch.SERVER_MODULE), '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...launch.serverEnvironment(CODE_CACHE) },
  });
  const connection = protocol.createProtocolConnection(new protocol.StreamMessageReader(child.stdout), new protocol.StreamMessageWriter(child.stdin));
  const waiters = [];
  const logs = [];
  child.stderr.on('data', (chunk) => logs.push(chunk.toString()));
  connection.onNotification('window/logMessage', (params) => logs.push(params.message));
  const received = (params) => {
    const at = performance.now();
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (waiters[i].uri === params.uri && (waiters[i].version === undefined || waiters[i].version === params.version))
        waiters.splice(i, 1)[0].resolve({ params, at });
    }
  };
  connection.onNotification(protocol.PublishDiagnosticsNotification.type, received);
  // Diagnostics as splices, as the extension takes them: the time is taken once the document's list is rebuilt.
  const spliced = new diagnosticSplices.SplicedDiagnostics();
  connection.onNotification(diagnosticSplices.DIAGNOSTIC_SPLICES_METHOD, (update) => {
    const diagnostics = spliced.apply(update, (diagnostic) => diagnostic);
    if (!diagnostics) throw new Error(`splices that do not fit the diagnostics held for ${update.uri}`);
    received({ uri: update.uri, version: update.version, diagnostics });
  });
  connection.listen();
  await connection.sendRequest(protocol.InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    initializationOptions: initialization.EXTENSION_INITIALIZATION_OPTIONS,
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  const initializedAt = performance.now();
  await connection.sendNotification(protocol.InitializedNotification.type, {});
  const diagnostics = (uri, version) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version}; log:\n${logs.join('')}`)), 60_000);
      waiters.push({ uri, version, resolve: (value) => (clearTimeout(timer), resolve(value)) });
    });
  return {
    child,
    spawnedAt,
    initializedAt,
    diagnostics,
    open(uri, text, version = 1) {
      const published = diagnostics(uri, version);
      void connection.sendNotification(protocol.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'powershell', version, text } });
      return published;
    },
    change(uri, version, contentChanges) {
      const published = diagnostics(uri, version);
      const sentAt = performance.now();
      void connection.sendNotification(protocol.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
      return published.then((value) => ({ ...value, latency: value.at - sentAt }));
    },
    rss() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = (key) => Number(new RegExp(`${key}:\\s*(\\d+)`).exec(status)?.[1] ?? NaN);
      return { rssMiB: kb('VmRSS') / 1024, peakMiB: kb('VmHWM') / 1024 };
    },
    async stop() {
      await connection.sendRequest(protocol.ShutdownRequest.type);
      await connection.sendNotification(protocol.ExitNotification.type);
      connection.dispose();
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Editing latency

/**
 * The in-process lint of a script (the engine's share of a keystroke in the server): from scratch, and of a
 * one-character edit given the lint of the version before (as the server lints), medians of runs after warm-up.
 */
function inProcessLint(Linter, text) {
  const linter = new Linter();
  let findings = 0;
  for (let i = 0; i < 10; i++) findings = linter.lint(text).findings.length;
  const full = [];
  for (let i = 0; i < (QUICK ? 20 : 50); i++) {
    const start = performance.now();
    linter.lint(text);
    full.push(performance.now() - start);
  }
  const random = prng(SEED + 2);
  const edited = [];
  let previous = linter.lint(text);
  for (let i = 0; i < (QUICK ? 100 : 400); i++) {
    // Insert a character, then take it out again, as the server's benchmark edits do.
    const at = Math.floor(random() * text.length);
    const next = i % 2 === 0 ? text.slice(0, at) + 'x' + text.slice(at) : text;
    const start = performance.now();
    previous = linter.lint(next, {}, previous);
    if (i >= 20) edited.push(performance.now() - start);
  }
  return { findings, p50: percentile(full, 50), p95: percentile(full, 95), editP50: percentile(edited, 50), editP95: percentile(edited, 95) };
}

async function latency(providers, gapMs, Linter) {
  const lines = 5_000;
  const edits = 200;
  const warmup = 20;
  const text = generateScript(lines, SEED, { wrongSkypeProviders: providers });
  const lineTexts = text.split('\n');
  const server = await startServer();
  const uri = 'file:///bench/latency.ps1';
  const { params: opened } = await server.open(uri, text);
  const random = prng(SEED + 1);
  const latencies = [];
  let version = 1;
  let pendingDelete;
  let sentAt = 0;
  for (let i = 0; i < warmup + edits; i++) {
    // Typing pace: the next edit no sooner than gapMs after the previous one (and after its diagnostics).
    const wait = sentAt + gapMs - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    sentAt = performance.now();
    let change;
    if (pendingDelete) {
      // Delete the character typed by the previous edit: the document returns to the original.
      change = { range: { start: pendingDelete, end: { line: pendingDelete.line, character: pendingDelete.character + 1 } }, text: '' };
      pendingDelete = undefined;
    } else {
      const line = Math.floor(random() * (lineTexts.length - 1));
      const character = Math.floor(random() * (lineTexts[line].length + 1));
      pendingDelete = { line, character };
      change = { range: { start: pendingDelete, end: pendingDelete }, text: 'x' };
    }
    const { latency: elapsed } = await server.change(uri, ++version, [change]);
    if (i >= warmup) latencies.push(elapsed);
  }
  await server.stop();
  const inProcess = Linter ? inProcessLint(Linter, text) : undefined;
  const figures = {
    lines,
    edits,
    diagnostics: opened.diagnostics.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: Math.max(...latencies),
    mean: latencies.reduce((a, b) => a + b, 0) / latencies.length,
  };
  results[`latency${providers ? 'WithFindings' : ''}${gapMs ? '' : 'BackToBack'}`] = { ...figures, gapMs, providers, inProcess };
  const pace = gapMs ? `one edit every ${gapMs} ms at most` : 'back to back: each edit sent as soon as the previous one is answered';
  const script = providers ? `with ${providers} New-CsPublicProvider commands with a wrong ProxyFqdn` : 'few findings';
  console.log(
    `\nEditing latency (${script}, ${pace}): ${lines.toLocaleString('en')} lines, ${figures.diagnostics} diagnostics, ${edits} single-character edits after ${warmup} warm-up edits, didChange -> publishDiagnostics`,
  );
  console.log(`  p50 ${ms(figures.p50)}   p95 ${ms(figures.p95)}   max ${ms(figures.max)}   mean ${ms(figures.mean)}   (target p95 <= 10 ms)`);
  if (inProcess)
    console.log(
      `  in process, Linter.lint of the same script: from scratch p50 ${ms(inProcess.p50)}, p95 ${ms(inProcess.p95)}; an edit, with the lint before it: p50 ${ms(inProcess.editP50)}, p95 ${ms(inProcess.editP95)}`,
    );
}

// ---------------------------------------------------------------------------------------------------------
// Cold start

/** One start: from spawn to the first diagnostics of `text` opened right after initialize. */
async function startOnce(text) {
  const server = await startServer();
  const { at } = await server.open('file:///bench/cold.ps1', text);
  await server.stop();
  return { total: at - server.spawnedAt, initialize: server.initializedAt - server.spawnedAt };
}

async function coldStart() {
  const runs = QUICK ? 3 : 7;
  const text = generateScript(1_000, SEED);
  // The first start after an install or an update has no code cache yet: it writes one (as it exits, here).
  rmSync(CODE_CACHE, { recursive: true, force: true });
  const first = await startOnce(text);
  const total = [];
  const initialize = [];
  for (let i = 0; i < runs; i++) {
    const run = await startOnce(text);
    total.push(run.total);
    initialize.push(run.initialize);
  }
  results.coldStart = { runs, medianMs: median(total), initializeMs: median(initialize), all: total, firstStartMs: first.total };
  console.log(`\nCold start: process spawn -> first diagnostics for a 1,000-line file; median of ${runs} runs`);
  console.log(
    `  ${ms(median(total))}   (initialize answered after ${ms(median(initialize))}; runs: ${total.map((t) => t.toFixed(0)).join(' ')}; target <= 150 ms)`,
  );
  console.log(`  first start, with no code cache yet: ${ms(first.total)} (initialize answered after ${ms(first.initialize)})`);
}

// ---------------------------------------------------------------------------------------------------------
// Memory

async function memory() {
  const documents = 50;
  const server = await startServer();
  const idle = server.rss();
  await server.open('file:///bench/warm.ps1', generateScript(1_000, SEED));
  for (let i = 0; i < documents; i++) await server.open(`file:///bench/doc${i}.ps1`, generateScript(1_000, SEED + i));
  // Let the collector settle a little, then read.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const loaded = server.rss();
  await server.stop();
  results.memory = { documents, idleRssMiB: idle.rssMiB, rssMiB: loaded.rssMiB, peakMiB: loaded.peakMiB };
  console.log(`\nMemory: server with ${documents} open 1,000-line documents (each linted)`);
  console.log(
    `  RSS ${loaded.rssMiB.toFixed(0)} MiB (peak ${loaded.peakMiB.toFixed(0)} MiB); after initialize with no document: ${idle.rssMiB.toFixed(0)} MiB   (target <= 100 MiB)`,
  );
}

// ---------------------------------------------------------------------------------------------------------

const info = machine();
results.machine = info;
console.log(
  `machine: ${info.cores} cores, ${info.cpu}, ${info.ramGiB} GiB RAM, Node ${info.node}, ${info.date}, load ${info.load.join(' ')}, first touch of fresh memory ${info.firstTouchMicroseconds.toFixed(1)} µs a page, commit ${info.commit}`,
);
if (ONLY.includes('throughput')) await throughput();
if (ONLY.includes('latency')) {
  const { Linter } = await engine();
  // 50 ms between edits is 20 characters a second, faster than anyone types.
  await latency(0, TYPING_GAP_MS, Linter);
  await latency(0, 0);
  await latency(WRONG_PROVIDERS, TYPING_GAP_MS, Linter);
  await latency(WRONG_PROVIDERS, 0);
}
if (ONLY.includes('cold')) await coldStart();
if (ONLY.includes('memory')) await memory();
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(results, null, 2));
