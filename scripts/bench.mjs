// The performance benchmark: `npm run bench` (builds dist/ first). Prints figures; it asserts nothing.
//
//   node scripts/bench.mjs [--quick] [--only throughput,latency,cold,memory] [--json out.json]
//
// - throughput: the CLI (`run` of dist/cli.js, in process) lints a generated 50,000-line script; bare
//   web-tree-sitter parses the same text. Medians of several runs after a warm-up run, and their ratio; then the
//   CLI's own --timing report of one more run (by phase and by rule).
// - latency: the real language server (dist/server.js over stdio); a 5,000-line script; 200 single-character
//   edits one after the other (insert a character, then delete it); the time from sending didChange to the
//   publishDiagnostics of that version, as an editor sees it. At a typing pace (an edit every 50 ms at most) on a
//   script that parses cleanly and on one with ERROR regions (bare comma lists, as real scripts have); then
//   back to back (each edit sent when the previous one is answered), where the server sees a burst.
// - cold: from spawning the server process to the first diagnostics for a 1,000-line file (median of runs).
// - memory: the server's resident set (VmRSS, and its peak VmHWM) with 50 open 1,000-line documents.
//
// The figures go in docs/performance.md with the machine and the date (see the "machine" line printed).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
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
const SEED = 20240601;
const TYPING_GAP_MS = 50;

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
  return { cores: cpus().length, cpu, ramGiB: Math.round(totalmem() / 2 ** 30), node: process.version, date: new Date().toISOString().slice(0, 10) };
}

// ---------------------------------------------------------------------------------------------------------
// Throughput

/**
 * A full garbage collection before a timed run (with --expose-gc), so that no run pays for the garbage of the one
 * before. A "regular" one: gc() without options is V8's last-resort collection, which also throws away the optimised
 * code of functions whose inlined objects it frees, so every CLI run started by re-optimising the engine's walk
 * (about 50 ms of a run; bare parsing, in WebAssembly, has nothing to lose).
 */
function collectGarbage() {
  globalThis.gc?.({ type: 'major', execution: 'sync', flavor: 'regular' });
}

async function throughput() {
  const lines = 50_000;
  const runs = QUICK ? 3 : 7;
  const text = generateScript(lines, SEED);
  const folder = mkdtempSync(join(tmpdir(), 'lync-pic-bench-'));
  const file = join(folder, 'big.ps1');
  writeFileSync(file, text);

  // The same V8 flags the engine sets (server/src/engine/parse/parser.ts), before any WebAssembly compiles, so
  // that bare parsing and the engine run on the same compiler.
  for (const flag of ['--liftoff-only', '--no-wasm-tier-up', '--no-wasm-dynamic-tiering']) setFlagsFromString(flag);
  const { Parser, Language } = await import('web-tree-sitter');
  await Parser.init();
  const language = await Language.load(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'));
  const parser = new Parser();
  parser.setLanguage(language);
  const bareParse = () => {
    const tree = parser.parse(text);
    tree.delete();
  };

  const { run } = require(join(ROOT, 'dist', 'cli.js'));
  let findings = 0;
  const cliLint = async () => {
    let out = '';
    const code = await run(['lint', '--format', 'json', file], { stdout: (t) => (out += t), stderr: (t) => process.stderr.write(t + '\n'), readStdin: () => '' });
    if (code === 2) throw new Error('the CLI failed on the benchmark script');
    findings = JSON.parse(out)[0].messages.length;
  };

  const time = async (work) => {
    collectGarbage();
    const start = performance.now();
    await work();
    return performance.now() - start;
  };
  // A warm-up run of each (the first one compiles the WebAssembly and the JavaScript).
  const firstCli = await time(cliLint);
  const firstParse = await time(bareParse);
  const parseTimes = [];
  const cliTimes = [];
  for (let i = 0; i < runs; i++) {
    parseTimes.push(await time(bareParse));
    cliTimes.push(await time(cliLint));
  }
  // Where the CLI's time goes: its own --timing report of one more run.
  let timing = '';
  collectGarbage();
  await run(['lint', '--timing', '--format', 'json', file], { stdout: () => {}, stderr: (t) => (timing += t), readStdin: () => '' });
  rmSync(folder, { recursive: true, force: true });
  const mb = Buffer.byteLength(text) / 1e6;
  const parse = median(parseTimes);
  const cli = median(cliTimes);
  // On a shared host the other tenants' load lengthens some runs: the fastest runs show the cost of the work alone.
  const fastestRatio = Math.min(...cliTimes) / Math.min(...parseTimes);
  results.throughput = { lines, megabytes: mb, runs, findings, bareParseMs: parse, cliLintMs: cli, ratio: cli / parse, fastestRatio, firstCliMs: firstCli, firstParseMs: firstParse, parseTimes, cliTimes, timing };
  console.log(`\nThroughput: ${lines.toLocaleString('en')} lines, ${mb.toFixed(2)} MB, ${findings} findings; median of ${runs} runs after a warm-up`);
  console.log(`  bare tree-sitter parse  ${ms(parse).padStart(9)}  ${(mb / (parse / 1000)).toFixed(2)} MB/s   (runs: ${parseTimes.map((t) => t.toFixed(0)).join(' ')})`);
  console.log(`  CLI lint (full)         ${ms(cli).padStart(9)}  ${(mb / (cli / 1000)).toFixed(2)} MB/s   (runs: ${cliTimes.map((t) => t.toFixed(0)).join(' ')})`);
  console.log(`  ratio lint / parse      ${(cli / parse).toFixed(2)}x   (target <= 1.5x)`);
  console.log(`  ratio of fastest runs   ${fastestRatio.toFixed(2)}x   (CLI ${ms(Math.min(...cliTimes))}, parse ${ms(Math.min(...parseTimes))})`);
  console.log(`  first (cold) runs       CLI ${ms(firstCli)}, parse ${ms(firstParse)}`);
  console.log(`  where one more CLI run spends its time (lync-pic lint --timing):\n${timing.replace(/^(?=.)/gm, '  ')}`);
}

// ---------------------------------------------------------------------------------------------------------
// A minimal LSP client over stdio

async function startServer() {
  const protocol = require('vscode-languageserver-protocol/node');
  const spawnedAt = performance.now();
  // BENCH_SERVER_NODE_ARGS: extra node options for the server, e.g. "--cpu-prof --cpu-prof-dir=prof" to profile it.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = protocol.createProtocolConnection(new protocol.StreamMessageReader(child.stdout), new protocol.StreamMessageWriter(child.stdin));
  const waiters = [];
  const logs = [];
  child.stderr.on('data', (chunk) => logs.push(chunk.toString()));
  connection.onNotification('window/logMessage', (params) => logs.push(params.message));
  connection.onNotification(protocol.PublishDiagnosticsNotification.type, (params) => {
    const at = performance.now();
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (waiters[i].uri === params.uri && (waiters[i].version === undefined || waiters[i].version === params.version)) waiters.splice(i, 1)[0].resolve({ params, at });
    }
  });
  connection.listen();
  await connection.sendRequest(protocol.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } } });
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

async function latency(parseErrors, gapMs) {
  const lines = 5_000;
  const edits = 200;
  const warmup = 20;
  const text = generateScript(lines, SEED, { parseErrors });
  const lineTexts = text.split('\n');
  const server = await startServer();
  const uri = 'file:///bench/latency.ps1';
  await server.open(uri, text);
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
  const figures = { lines, edits, p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(...latencies), mean: latencies.reduce((a, b) => a + b, 0) / latencies.length };
  results[`latency${parseErrors ? 'WithErrors' : ''}${gapMs ? '' : 'BackToBack'}`] = { ...figures, gapMs };
  const pace = gapMs ? `one edit every ${gapMs} ms at most` : 'each edit sent as soon as the previous one is answered';
  console.log(`\nEditing latency (${parseErrors ? 'script with ERROR regions' : 'clean script'}, ${pace}): ${lines.toLocaleString('en')} lines, ${edits} single-character edits after ${warmup} warm-up edits, didChange -> publishDiagnostics`);
  console.log(`  p50 ${ms(figures.p50)}   p95 ${ms(figures.p95)}   max ${ms(figures.max)}   mean ${ms(figures.mean)}   (target p95 <= 15 ms)`);
}

// ---------------------------------------------------------------------------------------------------------
// Cold start

async function coldStart() {
  const runs = QUICK ? 3 : 7;
  const text = generateScript(1_000, SEED);
  const total = [];
  const initialize = [];
  for (let i = 0; i < runs; i++) {
    const server = await startServer();
    const { at } = await server.open('file:///bench/cold.ps1', text);
    total.push(at - server.spawnedAt);
    initialize.push(server.initializedAt - server.spawnedAt);
    await server.stop();
  }
  results.coldStart = { runs, medianMs: median(total), initializeMs: median(initialize), all: total };
  console.log(`\nCold start: process spawn -> first diagnostics for a 1,000-line file; median of ${runs} runs`);
  console.log(`  ${ms(median(total))}   (initialize answered after ${ms(median(initialize))}; runs: ${total.map((t) => t.toFixed(0)).join(' ')}; target <= 300 ms)`);
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
  console.log(`  RSS ${loaded.rssMiB.toFixed(0)} MiB (peak ${loaded.peakMiB.toFixed(0)} MiB); after initialize with no document: ${idle.rssMiB.toFixed(0)} MiB`);
}

// ---------------------------------------------------------------------------------------------------------

const info = machine();
results.machine = info;
console.log(`machine: ${info.cores} cores, ${info.cpu}, ${info.ramGiB} GiB RAM, Node ${info.node}, ${info.date}`);
if (ONLY.includes('throughput')) await throughput();
if (ONLY.includes('latency')) {
  // 50 ms between edits is 20 characters a second, faster than anyone types.
  await latency(false, TYPING_GAP_MS);
  await latency(true, TYPING_GAP_MS);
  await latency(false, 0);
}
if (ONLY.includes('cold')) await coldStart();
if (ONLY.includes('memory')) await memory();
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(results, null, 2));
