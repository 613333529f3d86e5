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
// The steps shared with run-vsix.mjs and screenshots.mjs live in code-server.mjs.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { printResults } from './results.mjs';
import {
  ROOT,
  WORKSPACE,
  createHarness,
  deadline,
  installToolchain,
  launchBrowser,
  makeRunFolder,
  printDiagnostics,
  runMain,
  startCodeServer,
  workbenchUrl,
} from './code-server.mjs';

const SUITE = join(ROOT, 'out/test/vscode/suite/index.js');
const TIMEOUT_MS = Number(process.env.LYNC_PIC_VSCODE_TIMEOUT_MS || 300_000);
const VERBOSE = process.env.LYNC_PIC_VSCODE_VERBOSE === '1';
const RESULTS_ENV = 'LYNC_PIC_TEST_RESULTS'; // read by test/vscode/suite/index.ts

const h = createHarness('run-code-server', { keep: process.env.LYNC_PIC_VSCODE_KEEP === '1' });
const { log } = h;

async function main() {
  for (const [file, how] of [
    [join(ROOT, 'dist/client.js'), 'npm run build'],
    [join(ROOT, 'dist/server.js'), 'npm run build'],
    [SUITE, 'npm run compile-tests'],
  ]) {
    if (!existsSync(file)) throw new Error(`${relative(ROOT, file)} is missing: run \`${how}\` first`);
  }

  // 1. The toolchain (idempotent: apt packages, Node 24, code-server).
  // A first install takes minutes (about 2 here) and has its own limit; TIMEOUT_MS covers the run after it.
  const paths = installToolchain(h);
  const { timedOut, beforeDeadline } = deadline(TIMEOUT_MS);

  // 2. A short per-run folder: VS Code puts sockets in TMPDIR and socket paths are limited to 107 characters.
  const { run, dirs, serverLog } = makeRunFolder(h, 'lpv-');
  const resultsFile = join(run, 'results.json');

  // 3. code-server, detached into its own process group (with its extension host and our language server).
  const { port, serverExited, serverExit } = await startCodeServer(h, {
    paths,
    run,
    dirs,
    serverLog,
    verbose: VERBOSE,
    beforeDeadline,
    env: { [RESULTS_ENV]: resultsFile },
    args: ['--vscode-option', 'enable-smoke-test-driver'],
  });

  // 4. The workbench in headless chromium, with the extension under development and the test suite.
  let exitCode;
  let onSuiteExit;
  const suiteExited = new Promise((res) => {
    onSuiteExit = res;
  });
  const { page } = await launchBrowser(h, {
    dirs,
    beforeDeadline,
    verbose: VERBOSE,
    expose: {
      // The workbench calls this when the extension host ends after the suite: (exit code, its own log files).
      codeAutomationExit: (code, logs) => {
        exitCode = code;
        if (Array.isArray(logs)) h.diag.browserLogs = logs;
        onSuiteExit();
      },
    },
  });

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(ROOT)],
    ['extensionTestsPath', remote(SUITE)],
  ];
  const url = workbenchUrl(port, WORKSPACE, { payload: JSON.stringify(payload) });
  await beforeDeadline('opening the workbench', page.goto(url, { waitUntil: 'domcontentloaded', timeout: 0 }));
  log('workbench opened; running the suite');

  // 5. Wait for the suite (or the limit, or code-server dying).
  const outcome = await Promise.race([suiteExited.then(() => 'exit'), serverExited.then(() => 'server-died'), timedOut]);
  if (h.finishing) return new Promise(() => {}); // interrupted: finish() is ending everything and exits

  // 6. Report.
  let results;
  try {
    results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  } catch {
    /* none written */
  }
  const problems = [];
  if (outcome === 'timeout') problems.push(`timed out after ${TIMEOUT_MS} ms${results && !results.done ? ' (suite still running)' : ''}`);
  if (outcome === 'server-died') problems.push(`code-server exited (${serverExit()}) before the suite finished`);
  if (outcome === 'exit' && exitCode !== 0) problems.push(`the suite exited with code ${exitCode}`);
  if (!results) problems.push(`the suite wrote no results to ${resultsFile} (did it load? is ${relative(ROOT, SUITE)} current?)`);

  const { passed, skipped, ...counts } = printResults(results);
  let { failed } = counts;
  // A run that failed outside any test (no results, timeout, crash) counts as one failure.
  if (problems.length && failed === 0) failed = 1;

  if (problems.length || failed) {
    for (const p of problems) log(`PROBLEM: ${p}`);
    await printDiagnostics(h);
  }
  log(`done (${outcome})`);
  return { code: failed ? 1 : 0, summary: `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}` };
}

runMain(h, main);
