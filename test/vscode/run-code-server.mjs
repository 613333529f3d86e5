#!/usr/bin/env node
// Runs the real-VS-Code test suite (out/test/vscode/suite, compiled by `npm run compile-tests`) against the
// extension in this repository (dist/, built by `npm run build`) inside code-server: the real VS Code server
// and workbench, whose Node extension host runs the extension and its language server as the desktop does.
// A headless Debian chromium, driven by playwright-core, opens the workbench so that the extension host starts.
//
//   node test/vscode/run-code-server.mjs        (npm run test:vscode)
//
// Environment: LYNC_PIC_VSCODE_TIMEOUT_MS  limit for the run once installed (default 300000)
//              LYNC_PIC_VSCODE_VERBOSE=1    stream code-server's and the workbench's console
//              LYNC_PIC_VSCODE_KEEP=1       keep the run folder (kept anyway on failure)
//              LYNC_PIC_TEST_GREP           only the tests whose full title matches
//              CHROMIUM_PATH                browser to drive (default /usr/bin/chromium)
// Needs Node 20+ (this file); code-server itself runs on the Node 24 that scripts/install-code-server.sh
// installs into .cache/ (that script runs first; it does nothing when everything is installed).
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SUITE = join(ROOT, 'out/test/vscode/suite/index.js');
const WORKSPACE = join(ROOT, 'test/fixtures/workspace');
const TIMEOUT_MS = Number(process.env.LYNC_PIC_VSCODE_TIMEOUT_MS || 300_000);
const VERBOSE = process.env.LYNC_PIC_VSCODE_VERBOSE === '1';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const RESULTS_ENV = 'LYNC_PIC_TEST_RESULTS'; // read by test/vscode/suite/index.ts

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const log = (msg) => console.log(`[run-code-server ${elapsed()}] ${msg}`);

/** Everything to undo on the way out, last first. */
const cleanups = [];
let finishing = false;
/** What printDiagnostics shows; filled in as the run gets there. */
const diag = { run: undefined, serverLog: undefined, userData: undefined, browserConsole: [], browserLogs: [], page: undefined };
/** Set when the run folder must outlive the run (failure or LYNC_PIC_VSCODE_KEEP=1). */
let keep = process.env.LYNC_PIC_VSCODE_KEEP === '1';

async function main() {
  for (const [file, how] of [[join(ROOT, 'dist/client.js'), 'npm run build'], [join(ROOT, 'dist/server.js'), 'npm run build'], [SUITE, 'npm run compile-tests']]) {
    if (!existsSync(file)) throw new Error(`${relative(ROOT, file)} is missing: run \`${how}\` first`);
  }

  // 1. The toolchain (idempotent: apt packages, Node 24, code-server).
  // A first install takes minutes (about 2 here) and has its own limit; TIMEOUT_MS covers the run after it.
  const install = spawnSync('bash', [join(ROOT, 'scripts/install-code-server.sh')], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', timeout: 20 * 60_000, killSignal: 'SIGKILL',
  });
  if (install.status !== 0) throw new Error(`scripts/install-code-server.sh failed (${install.error?.message ?? `exit ${install.status ?? install.signal}`})`);
  const paths = Object.fromEntries(install.stdout.split('\n').filter((l) => /^[A-Z_]+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  if (!paths.NODE || !paths.CODE_SERVER) throw new Error(`install script printed no NODE=/CODE_SERVER= lines:\n${install.stdout}`);
  log(`toolchain ready (${paths.CODE_SERVER})`);
  const timedOut = sleep(TIMEOUT_MS).then(() => 'timeout');
  const beforeDeadline = (what, promise) => Promise.race([promise, timedOut.then(() => { throw new Error(`timed out after ${TIMEOUT_MS} ms while ${what}`); })]);

  // 2. A short per-run folder: VS Code puts sockets in TMPDIR and socket paths are limited to 107 characters.
  const run = mkdtempSync(join(tmpdir(), 'lpv-'));
  const dirs = { userData: join(run, 'ud'), extensions: join(run, 'ex'), tmp: join(run, 'tmp'), browser: join(run, 'br') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User/settings.json'), JSON.stringify({
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'workbench.enableExperiments': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'chat.disableAIFeatures': true,
    'git.enabled': false,
  }, null, 2));
  const resultsFile = join(run, 'results.json');
  const serverLog = join(run, 'code-server.log');
  Object.assign(diag, { run, serverLog, userData: dirs.userData });
  cleanups.push(() => { if (keep) log(`run folder kept: ${run}`); else rmSync(run, { recursive: true, force: true }); });

  // 3. code-server, detached into its own process group (with its extension host and our language server).
  const env = { ...process.env, TMPDIR: dirs.tmp, [RESULTS_ENV]: resultsFile };
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE' || k === 'NODE_OPTIONS') delete env[k];
  const args = [
    paths.CODE_SERVER,
    '--bind-addr', '127.0.0.1:0', '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
    '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--config', join(run, 'config.yaml'),
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  const logStream = createWriteStream(serverLog);
  const server = spawn(paths.NODE, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let serverExit;
  const serverExited = new Promise((res) => server.once('exit', (code, signal) => { serverExit = signal ?? code; res(); }));
  cleanups.push(async () => {
    if (serverExit !== undefined) return;
    const group = (sig) => { try { process.kill(-server.pid, sig); } catch { /* already gone */ } };
    group('SIGTERM');
    const ended = await Promise.race([serverExited.then(() => true), sleep(5000).then(() => false)]);
    if (!ended) log('code-server ignored SIGTERM for 5 s: SIGKILL');
    group('SIGKILL'); // also whatever the group still holds (extension host, language server)
  });
  // Last resort, however this process ends (process.kill is synchronous, so it works in an exit handler).
  process.once('exit', () => { if (serverExit === undefined) { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ } } });

  const port = await beforeDeadline('starting code-server', new Promise((res, rej) => {
    let buffered = '';
    const onData = (chunk) => {
      logStream.write(chunk);
      if (VERBOSE) process.stdout.write(`[code-server] ${chunk}`);
      buffered += chunk.toString();
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(buffered);
      if (m) { res(Number(m[1])); buffered = ''; }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.once('exit', (code, signal) => rej(new Error(`code-server exited (${signal ?? code}) before listening`)));
    server.once('error', rej);
  }));
  log(`code-server listening on 127.0.0.1:${port}`);

  // 4. The workbench in headless chromium, with the extension under development and the test suite.
  process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
  const { chromium } = await import('playwright-core');
  const context = await beforeDeadline('starting chromium', chromium.launchPersistentContext(dirs.browser, {
    executablePath: CHROMIUM,
    headless: true,
    // Our own signal handlers end everything in order; playwright's would exit before the process group is gone.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    env: { ...process.env, TMPDIR: dirs.tmp },
    viewport: { width: 1280, height: 800 },
  }));
  cleanups.push(() => Promise.race([context.close().catch(() => {}), sleep(10_000)]));

  const { browserConsole } = diag;
  const keepLine = (line) => {
    browserConsole.push(line);
    if (browserConsole.length > 400) browserConsole.shift();
    if (VERBOSE) console.log(`[workbench] ${line}`);
  };
  let exitCode;
  let onSuiteExit;
  const suiteExited = new Promise((res) => { onSuiteExit = res; });
  // The workbench calls this when the extension host ends after the suite: (exit code, its own log files).
  await context.exposeFunction('codeAutomationExit', (code, logs) => {
    exitCode = code;
    if (Array.isArray(logs)) diag.browserLogs = logs;
    onSuiteExit();
  });
  await context.exposeFunction('codeAutomationLog', (level, message) => keepLine(`${level}: ${message}`));
  const page = context.pages()[0] ?? await context.newPage();
  diag.page = page;
  // The workbench's log service reaches codeAutomationLog and the console both ('%c'-styled): keep one copy.
  page.on('console', (m) => { if (!m.text().startsWith('%c')) keepLine(`console.${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => keepLine(`pageerror: ${e.message}`));

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(ROOT)], ['extensionTestsPath', remote(SUITE)]];
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(WORKSPACE)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await beforeDeadline('opening the workbench', page.goto(url, { waitUntil: 'domcontentloaded', timeout: 0 }));
  log('workbench opened; running the suite');

  // 5. Wait for the suite (or the limit, or code-server dying).
  const outcome = await Promise.race([suiteExited.then(() => 'exit'), serverExited.then(() => 'server-died'), timedOut]);
  if (finishing) return new Promise(() => {}); // interrupted: finish() is ending everything and exits

  // 6. Report.
  let results;
  try { results = JSON.parse(readFileSync(resultsFile, 'utf8')); } catch { /* none written */ }
  const problems = [];
  if (outcome === 'timeout') problems.push(`timed out after ${TIMEOUT_MS} ms${results && !results.done ? ' (suite still running)' : ''}`);
  if (outcome === 'server-died') problems.push(`code-server exited (${serverExit}) before the suite finished`);
  if (outcome === 'exit' && exitCode !== 0) problems.push(`the suite exited with code ${exitCode}`);
  if (!results) problems.push(`the suite wrote no results to ${resultsFile} (did it load? is ${relative(ROOT, SUITE)} current?)`);

  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const t of results?.tests ?? []) {
    const ms = t.durationMs !== undefined ? ` (${t.durationMs} ms)` : '';
    if (t.state === 'passed') { passed++; console.log(`  ok    ${t.fullTitle}${ms}`); }
    else if (t.state === 'pending') { skipped++; console.log(`  skip  ${t.fullTitle}`); }
    else {
      failed++;
      console.log(`  FAIL  ${t.fullTitle}${ms}`);
      if (t.error) console.log(t.error.replace(/^/gm, '        '));
    }
  }
  // A run that failed outside any test (no results, timeout, crash) counts as one failure.
  if (problems.length && failed === 0) failed = 1;

  if (problems.length || failed) {
    for (const p of problems) log(`PROBLEM: ${p}`);
    await printDiagnostics();
  }
  log(`done (${outcome})`);
  return { code: failed ? 1 : 0, summary: `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}` };
}

/** Prints what makes a failed run diagnosable in CI's log, and keeps the run folder. */
async function printDiagnostics() {
  const { run, serverLog, userData, browserConsole, browserLogs, page } = diag;
  if (!run) return;
  keep = true;
  if (page) {
    const shot = join(run, 'workbench.png');
    await page.screenshot({ path: shot, timeout: 10_000 }).then(() => log(`screenshot of the workbench: ${shot}`), () => {});
  }
  const tail = (text, n) => text.split('\n').slice(-n).join('\n');
  const section = (title, text) => console.log(`\n----- ${title} -----\n${text.trimEnd()}\n----- end -----`);
  try { section(`code-server log (tail) ${serverLog}`, tail(readFileSync(serverLog, 'utf8'), 60)); } catch { /* none */ }
  // The server side's logs: extension host, and the output channels (the Lync PIC client's among them).
  for (const file of walk(join(userData, 'logs'))) {
    if (!/remoteexthost\.log$|remoteagent\.log$|Lync PIC|lync-pic/i.test(file)) continue;
    const text = readFileSync(file, 'utf8');
    if (text.trim()) section(`${relative(run, file)} (tail)`, tail(text, 60));
  }
  // The browser side's logs, handed over by the workbench on exit.
  const logDir = join(run, 'browser-logs');
  for (const { relativePath, contents } of browserLogs) {
    const file = join(logDir, relativePath);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
  if (browserLogs.length) log(`workbench logs saved in ${logDir}`);
  if (browserConsole.length) section('workbench console (tail)', browserConsole.slice(-120).join('\n'));
}

function* walk(dir) {
  let entries;
  try { entries = readdirSync(dir); } catch { return; }
  for (const e of entries) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

function sleep(ms) {
  return new Promise((res) => setTimeout(res, ms));
}

/** Undoes everything (browser, process group, run folder), then prints the summary line last and exits. */
async function finish({ code, summary }) {
  if (finishing) return;
  finishing = true;
  for (const c of cleanups.reverse()) {
    try { await c(); } catch (e) { console.error(`[run-code-server] cleanup: ${e?.message ?? e}`); }
  }
  console.log(summary);
  process.exit(code);
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => { log(`${sig}: stopping`); void finish({ code: 130, summary: '0 passed, 1 failed' }); });
}

main().then(finish, async (err) => {
  console.error(`[run-code-server ${elapsed()}] ERROR: ${err?.stack ?? err}`);
  await printDiagnostics().catch(() => {});
  return finish({ code: 1, summary: '0 passed, 1 failed' });
});
