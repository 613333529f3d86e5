// Shared by the scripts that drive a real VS Code (code-server's workbench in headless Debian chromium):
// test/vscode/run-code-server.mjs (the mocha suite, extension loaded from this folder), run-vsix.mjs (the
// packaged .vsix, installed) and screenshots.mjs (the README's images).
//
// A script makes one harness (createHarness), then: installToolchain → deadline → makeRunFolder →
// startCodeServer → launchBrowser → its own steps; runMain ends everything in order (browser, code-server's
// process group, the run folder) and prints the summary line last. See /work/shared/notes/real-vscode-tests.md.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const WORKSPACE = join(ROOT, 'test/fixtures/workspace');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The user settings of every run: nothing that phones home, no welcome page, no AI features. */
export const BASE_SETTINGS = {
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
};

export function sleep(ms) {
  return new Promise((res) => setTimeout(res, ms));
}

/**
 * The state of one run: its log prefix, what to undo on the way out, and what printDiagnostics shows.
 * `name` prefixes every line (`[name 1.2 s] ...`).
 */
export function createHarness(name, { keep = false } = {}) {
  const t0 = Date.now();
  const h = {
    name,
    t0,
    /** Everything to undo on the way out, last first. */
    cleanups: [],
    finishing: false,
    /** Aborted when the run ends or a step gives up: UI loops (waitUntil, retry) given its signal stop then. */
    abort: new AbortController(),
    /** Set when the run folder must outlive the run (failure or a KEEP variable). */
    keep,
    /** What printDiagnostics shows; filled in as the run gets there. */
    diag: { run: undefined, serverLog: undefined, userData: undefined, browserConsole: [], browserLogs: [], page: undefined },
    elapsed: () => `${((Date.now() - t0) / 1000).toFixed(1)} s`,
    log: (msg) => console.log(`[${name} ${h.elapsed()}] ${msg}`),
  };
  return h;
}

/**
 * The toolchain (idempotent: apt packages, Node 24, code-server), through scripts/install-code-server.sh.
 * A first install takes minutes (about 2 here) and has its own limit. Returns { NODE, CODE_SERVER }.
 */
export function installToolchain(h) {
  const install = spawnSync('bash', [join(ROOT, 'scripts/install-code-server.sh')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    timeout: 20 * 60_000,
    killSignal: 'SIGKILL',
  });
  if (install.status !== 0) throw new Error(`scripts/install-code-server.sh failed (${install.error?.message ?? `exit ${install.status ?? install.signal}`})`);
  const paths = Object.fromEntries(
    install.stdout
      .split('\n')
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  if (!paths.NODE || !paths.CODE_SERVER) throw new Error(`install script printed no NODE=/CODE_SERVER= lines:\n${install.stdout}`);
  h.log(`toolchain ready (${paths.CODE_SERVER})`);
  return paths;
}

/** A limit for the rest of the run: `timedOut` resolves to 'timeout'; `beforeDeadline` races a step against it. */
export function deadline(ms) {
  const timedOut = sleep(ms).then(() => 'timeout');
  const beforeDeadline = (what, promise) =>
    Promise.race([
      promise,
      timedOut.then(() => {
        throw new Error(`timed out after ${ms} ms while ${what}`);
      }),
    ]);
  return { timedOut, beforeDeadline };
}

/**
 * A short per-run folder (VS Code puts sockets in TMPDIR and socket paths are limited to 107 characters) with
 * a fresh user data folder holding BASE_SETTINGS plus `settings`, an extensions folder, a TMPDIR and a browser
 * profile. Removed at the end unless h.keep.
 */
export function makeRunFolder(h, prefix, settings = {}) {
  const run = mkdtempSync(join(tmpdir(), prefix));
  const dirs = { userData: join(run, 'ud'), extensions: join(run, 'ex'), tmp: join(run, 'tmp'), browser: join(run, 'br') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User/settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2));
  const serverLog = join(run, 'code-server.log');
  Object.assign(h.diag, { run, serverLog, userData: dirs.userData });
  h.cleanups.push(() => {
    if (h.keep) h.log(`run folder kept: ${run}`);
    else rmSync(run, { recursive: true, force: true });
  });
  return { run, dirs, serverLog };
}

/** The arguments every code-server start gets: loopback, no auth, nothing that phones home, this run's folders. */
function baseArgs(paths, run, dirs) {
  return [
    paths.CODE_SERVER,
    '--bind-addr',
    '127.0.0.1:0',
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
    '--config',
    join(run, 'config.yaml'),
  ];
}

/** The environment of code-server: ours, TMPDIR in the run folder, nothing inherited from a VS Code we run in. */
function serverEnv(dirs, extra) {
  const env = { ...process.env, TMPDIR: dirs.tmp, ...extra };
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE' || k === 'NODE_OPTIONS') delete env[k];
  return env;
}

/** Ends a detached child's process group: SIGTERM, then SIGKILL after `graceMs` if it has not exited. */
async function endGroup(h, child, exited, isRunning, graceMs = 5000) {
  if (!isRunning()) return;
  const group = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      /* already gone */
    }
  };
  group('SIGTERM');
  const ended = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!ended) h.log('code-server ignored SIGTERM for 5 s: SIGKILL');
  group('SIGKILL'); // also whatever the group still holds (extension host, language server)
}

/**
 * Installs a .vsix into the run's extensions folder with `code-server --install-extension` (offline), in its
 * own process group, within `timeoutMs`. Returns code-server's output.
 */
export async function installVsix(h, { paths, run, dirs, vsix, timeoutMs = 120_000 }) {
  const args = [...baseArgs(paths, run, dirs), '--install-extension', vsix, '--force'];
  const child = spawn(paths.NODE, args, { cwd: ROOT, env: serverEnv(dirs, {}), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c) => {
    output += c;
  });
  child.stderr.on('data', (c) => {
    output += c;
  });
  let exit;
  const exited = new Promise((res) =>
    child.once('exit', (code, signal) => {
      exit = signal ?? code;
      res();
    }),
  );
  process.once('exit', () => {
    if (exit === undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  });
  const spawnError = new Promise((_, rej) => child.once('error', rej));
  const outcome = await Promise.race([exited.then(() => 'exit'), sleep(timeoutMs).then(() => 'timeout'), spawnError]);
  if (outcome === 'timeout') {
    await endGroup(h, child, exited, () => exit === undefined);
    throw new Error(`code-server --install-extension ${vsix} took more than ${timeoutMs} ms:\n${output}`);
  }
  // The installing process may leave helpers behind in its group; none may outlive the step.
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* gone */
  }
  if (exit !== 0) throw new Error(`code-server --install-extension ${vsix} failed (exit ${exit}):\n${output}`);
  return output;
}

/**
 * Starts code-server detached into its own process group (with its extension host and our language server),
 * and waits for its port. `env` and `args` are added to the defaults. The cleanup ends the group.
 */
export async function startCodeServer(h, { paths, run, dirs, serverLog, env: extraEnv = {}, args: extraArgs = [], verbose = false, beforeDeadline }) {
  const env = serverEnv(dirs, extraEnv);
  const args = [...baseArgs(paths, run, dirs), ...extraArgs];
  const logStream = createWriteStream(serverLog);
  const server = spawn(paths.NODE, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const state = { exit: undefined };
  const serverExited = new Promise((res) =>
    server.once('exit', (code, signal) => {
      state.exit = signal ?? code;
      res();
    }),
  );
  h.cleanups.push(() => endGroup(h, server, serverExited, () => state.exit === undefined));
  // Last resort, however this process ends (process.kill is synchronous, so it works in an exit handler).
  process.once('exit', () => {
    if (state.exit === undefined) {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  });

  const port = await beforeDeadline(
    'starting code-server',
    new Promise((res, rej) => {
      let buffered = '';
      const onData = (chunk) => {
        logStream.write(chunk);
        if (verbose) process.stdout.write(`[code-server] ${chunk}`);
        buffered += chunk.toString();
        const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(buffered);
        if (m) {
          res(Number(m[1]));
          buffered = '';
        }
      };
      server.stdout.on('data', onData);
      server.stderr.on('data', onData);
      server.once('exit', (code, signal) => rej(new Error(`code-server exited (${signal ?? code}) before listening`)));
      server.once('error', rej);
    }),
  );
  h.log(`code-server listening on 127.0.0.1:${port}`);
  return { port, serverExited, serverExit: () => state.exit };
}

/**
 * Headless chromium (playwright-core) with a fresh profile, a page whose console and errors are kept for
 * printDiagnostics, and `expose` (name → function) exposed to the page before it loads anything.
 */
export async function launchBrowser(h, { dirs, beforeDeadline, verbose = false, expose = {}, viewport = { width: 1280, height: 800 }, deviceScaleFactor }) {
  process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
  const { chromium } = await import('playwright-core');
  const context = await beforeDeadline(
    'starting chromium',
    chromium.launchPersistentContext(dirs.browser, {
      executablePath: CHROMIUM,
      headless: true,
      // Our own signal handlers end everything in order; playwright's would exit before the process group is gone.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
      env: { ...process.env, TMPDIR: dirs.tmp },
      viewport,
      ...(deviceScaleFactor ? { deviceScaleFactor } : {}),
    }),
  );
  h.cleanups.push(() => Promise.race([context.close().catch(() => {}), sleep(10_000)]));

  const { browserConsole } = h.diag;
  const keepLine = (line) => {
    browserConsole.push(line);
    if (browserConsole.length > 400) browserConsole.shift();
    if (verbose) console.log(`[workbench] ${line}`);
  };
  for (const [name, fn] of Object.entries(expose)) await context.exposeFunction(name, fn);
  await context.exposeFunction('codeAutomationLog', (level, message) => keepLine(`${level}: ${message}`));
  const page = context.pages()[0] ?? (await context.newPage());
  h.diag.page = page;
  // The workbench's log service reaches codeAutomationLog and the console both ('%c'-styled): keep one copy.
  page.on('console', (m) => {
    if (!m.text().startsWith('%c')) keepLine(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => keepLine(`pageerror: ${e.message}`));
  return { context, page };
}

/** The workbench URL for a folder, with extra query parameters (e.g. payload). */
export function workbenchUrl(port, folder, query = {}) {
  const extra = Object.entries(query)
    .map(([k, v]) => `&${k}=${encodeURIComponent(v)}`)
    .join('');
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}${extra}`;
}

/** Prints what makes a failed run diagnosable in CI's log, and keeps the run folder. */
export async function printDiagnostics(h) {
  const { run, serverLog, userData, browserConsole, browserLogs, page } = h.diag;
  if (!run) return;
  h.keep = true;
  if (page) {
    const shot = join(run, 'workbench.png');
    await page.screenshot({ path: shot, timeout: 10_000 }).then(
      () => h.log(`screenshot of the workbench: ${shot}`),
      () => {},
    );
  }
  const tail = (text, n) => text.split('\n').slice(-n).join('\n');
  const section = (title, text) => console.log(`\n----- ${title} -----\n${text.trimEnd()}\n----- end -----`);
  try {
    section(`code-server log (tail) ${serverLog}`, tail(readFileSync(serverLog, 'utf8'), 60));
  } catch {
    /* none */
  }
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
  if (browserLogs.length) h.log(`workbench logs saved in ${logDir}`);
  if (browserConsole.length) section('workbench console (tail)', browserConsole.slice(-120).join('\n'));
}

function* walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

/** Undoes everything (browser, process group, run folder), then prints the summary line last and exits. */
export async function finish(h, { code, summary }) {
  if (h.finishing) return;
  h.finishing = true;
  h.abort.abort();
  for (const c of h.cleanups.reverse()) {
    try {
      await c();
    } catch (e) {
      console.error(`[${h.name}] cleanup: ${e?.message ?? e}`);
    }
  }
  console.log(summary);
  process.exit(code);
}

/**
 * Runs `main` (which resolves to { code, summary }) with signal handling: an interrupt or an error ends
 * everything in order and counts as one failure (`failSummary`).
 */
export function runMain(h, main, failSummary = '0 passed, 1 failed') {
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      h.log(`${sig}: stopping`);
      void finish(h, { code: 130, summary: failSummary });
    });
  }
  main().then(
    (result) => finish(h, result),
    async (err) => {
      console.error(`[${h.name} ${h.elapsed()}] ERROR: ${err?.stack ?? err}`);
      await printDiagnostics(h).catch(() => {});
      return finish(h, { code: 1, summary: failSummary });
    },
  );
}

// ---- Driving the workbench through its UI (keyboard first) ----------------------------------------------------

/** Stops a UI loop whose run has ended or given up (the step's promise is abandoned then). */
function checkAborted(signal, what) {
  if (signal?.aborted) throw new Error(`${what}: abandoned`);
}

/**
 * Polls `probe` (async, returns a value other than undefined/false when done) until `ms` have passed, or
 * `signal` is aborted.
 */
export async function waitUntil(what, probe, { ms = 30_000, every = 100, signal } = {}) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    checkAborted(signal, what);
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? ` (last error: ${last.message})` : ''}`);
    await sleep(every);
  }
}

/** Retries `attempt` (which throws on failure) until it succeeds, `ms` have passed or `signal` is aborted. */
export async function retry(what, attempt, { ms = 60_000, log, signal } = {}) {
  const end = Date.now() + ms;
  for (let n = 1; ; n++) {
    checkAborted(signal, what);
    try {
      return await attempt(n);
    } catch (e) {
      checkAborted(signal, what);
      if (Date.now() > end) throw new Error(`${what}: gave up after ${n} attempts in ${ms} ms: ${e.message}`);
      log?.(`${what}: attempt ${n} failed (${e.message.split('\n')[0]}); retrying`);
    }
  }
}

/** Waits until the workbench has restored its parts (editor area, status bar) and the folder's explorer. */
export async function waitForWorkbench(page, { ms = 60_000 } = {}) {
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: ms });
  await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: ms });
  // The explorer lists the folder's files once the remote file system answers.
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: ms });
}

const QUICK_INPUT = '.quick-input-widget';

/** Whether the quick input (quick open, command palette, QuickPick) is showing. */
export async function quickInputVisible(page) {
  return page.locator(QUICK_INPUT).isVisible();
}

/** Closes whatever quick input, widget or menu is showing (Escape until none is), so the next step starts clean. */
export async function escapeAll(page) {
  for (let i = 0; i < 3 && (await quickInputVisible(page)); i++) await page.keyboard.press('Escape');
}

/**
 * Opens a file of the workspace with quick open (Ctrl+P, its name, Enter) and waits until its editor is the
 * active one. One attempt; callers retry (the file search index is not ready in the first seconds).
 */
export async function quickOpenOnce(page, fileName, { ms = 10_000 } = {}) {
  await escapeAll(page);
  await page.keyboard.press('Control+P');
  await page.locator(`${QUICK_INPUT} input`).waitFor({ state: 'visible', timeout: ms });
  await page.keyboard.type(fileName);
  // Enter only once the file is the selected row (before, Enter would open nothing or something else).
  await page.locator(`${QUICK_INPUT} .monaco-list-row.focused`, { hasText: fileName }).first().waitFor({ timeout: ms });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ timeout: ms });
  await page.locator('.part.editor .monaco-editor.focused').waitFor({ timeout: ms });
}

/** Runs a command from the command palette (F1, its title, Enter); waits until that title is the selected row. */
export async function runCommandOnce(page, title, { ms = 10_000 } = {}) {
  await escapeAll(page);
  await page.keyboard.press('F1');
  const input = page.locator(`${QUICK_INPUT} input`);
  await input.waitFor({ state: 'visible', timeout: ms });
  await page.keyboard.type(title);
  await page.locator(`${QUICK_INPUT} .monaco-list-row.focused`, { hasText: title }).first().waitFor({ timeout: ms });
  await page.keyboard.press('Enter');
}

/** Moves the cursor of the active editor with Go to Line (Ctrl+G, `line:column`, 1-based, Enter). */
export async function goToOnce(page, line, column, { ms = 10_000 } = {}) {
  await escapeAll(page);
  await page.keyboard.press('Control+G');
  await page.locator(`${QUICK_INPUT} input`).waitFor({ state: 'visible', timeout: ms });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: ms });
  // The status bar shows the cursor position once the editor took it.
  await page
    .locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` })
    .first()
    .waitFor({ timeout: ms });
}
