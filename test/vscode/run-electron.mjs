#!/usr/bin/env node
// Runs the real-VS-Code test suite (out/test/vscode/suite, compiled by `npm run compile-tests`) in desktop
// VS Code through @vscode/test-electron's runTests: the same suite that test/vscode/run-code-server.mjs runs
// in code-server. For a developer machine or a CI runner that can download VS Code, or that has one:
//
//   npm run build && npm run compile-tests && node test/vscode/run-electron.mjs
//
// Environment: VSCODE_EXECUTABLE_PATH  an installed VS Code to use instead of downloading one
//              VSCODE_TEST_VERSION     version to download: 'stable' (default), 'insiders' or e.g. '1.91.0'
//                                      (the engines.vscode minimum)
//              LYNC_PIC_VSCODE_TIMEOUT_MS  overall limit (default 600000, download included)
//              LYNC_PIC_TEST_GREP      only the tests whose full title matches
// On a Linux box without a display run it under xvfb-run. Downloads are cached in .cache/vscode-test.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { printResults } from './results.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SUITE = join(ROOT, 'out/test/vscode/suite/index.js');
const WORKSPACE = join(ROOT, 'test/fixtures/workspace');
const TIMEOUT_MS = Number(process.env.LYNC_PIC_VSCODE_TIMEOUT_MS || 600_000);
const RESULTS_ENV = 'LYNC_PIC_TEST_RESULTS'; // read by test/vscode/suite/index.ts

for (const [file, how] of [
  [join(ROOT, 'dist/client.js'), 'npm run build'],
  [join(ROOT, 'dist/server.js'), 'npm run build'],
  [SUITE, 'npm run compile-tests'],
]) {
  if (!existsSync(file)) {
    console.error(`${relative(ROOT, file)} is missing: run \`${how}\` first`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

// Short paths: VS Code puts IPC sockets under the user data folder, and socket paths are limited in length.
const run = mkdtempSync(join(tmpdir(), 'lpe-'));
const resultsFile = join(run, 'results.json');

function report(problem) {
  let results;
  try {
    results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  } catch {
    /* none written */
  }
  const { passed, skipped, ...counts } = printResults(results);
  let { failed } = counts;
  if (!results) problem ??= `the suite wrote no results to ${resultsFile}`;
  if (problem) console.error(`[run-electron] PROBLEM: ${problem}`);
  // A run that failed outside any test (no results, timeout, crash) counts as one failure.
  if (problem && failed === 0) failed = 1;
  if (failed) console.error(`[run-electron] run folder kept: ${run}`);
  else rmSync(run, { recursive: true, force: true });
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return failed ? 1 : 0;
}

const timer = setTimeout(() => {
  // runTests does not hand out its VS Code process; ending ours leaves the rest to the CI runner's cleanup.
  process.exit(report(`timed out after ${TIMEOUT_MS} ms`));
}, TIMEOUT_MS);

// runTests itself adds --no-sandbox, --disable-gpu-sandbox, --disable-updates, --skip-welcome,
// --skip-release-notes and --disable-workspace-trust.
const launchArgs = [
  WORKSPACE,
  `--user-data-dir=${join(run, 'ud')}`,
  `--extensions-dir=${join(run, 'ex')}`,
  '--disable-extensions', // every other extension; the one under development still loads
  '--disable-telemetry',
  '--disable-gpu',
];

const extensionTestsEnv = { [RESULTS_ENV]: resultsFile };
if (process.env.LYNC_PIC_TEST_GREP) extensionTestsEnv.LYNC_PIC_TEST_GREP = process.env.LYNC_PIC_TEST_GREP;

let problem;
try {
  const options = {
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: SUITE,
    extensionTestsEnv,
    launchArgs,
    cachePath: join(ROOT, '.cache/vscode-test'),
  };
  if (process.env.VSCODE_EXECUTABLE_PATH) options.vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
  else options.version = process.env.VSCODE_TEST_VERSION || 'stable';
  const code = await runTests(options);
  if (code !== 0) problem = `VS Code exited with code ${code}`;
} catch (err) {
  // runTests rejects (TestRunFailedError) when VS Code exits non-zero, i.e. when a test failed.
  problem = `VS Code run failed: ${err?.message ?? err}`;
}
clearTimeout(timer);
process.exit(report(problem));
