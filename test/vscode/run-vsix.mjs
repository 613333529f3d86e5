#!/usr/bin/env node
// Checks the packaged extension as a user gets it: installs lync-pic.vsix (built by `npm run package`) into a
// fresh code-server with `--install-extension`, opens a copy of test/fixtures/workspace in the workbench
// (headless Debian chromium, playwright-core) WITHOUT any development payload, opens wrong-proxy.ps1 through
// the UI (quick open) and waits until the Problems panel shows the skype-proxy-fqdn error.
//
//   node test/vscode/run-vsix.mjs [path/to/extension.vsix]     (default: lync-pic.vsix at the repository root)
//
// Builds nothing. Prints `1 passed, 0 failed` (or the failure, a screenshot path and the logs) last; exit code
// 0 or 1. Environment: LYNC_PIC_VSCODE_TIMEOUT_MS (limit for the run once installed, default 180000),
// LYNC_PIC_VSCODE_VERBOSE=1, LYNC_PIC_VSCODE_KEEP=1, CHROMIUM_PATH: as for run-code-server.mjs.
import { cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  ROOT,
  WORKSPACE,
  createHarness,
  deadline,
  escapeAll,
  installToolchain,
  installVsix,
  launchBrowser,
  makeRunFolder,
  printDiagnostics,
  quickOpenOnce,
  retry,
  runCommandOnce,
  runMain,
  startCodeServer,
  waitForWorkbench,
  waitUntil,
  workbenchUrl,
} from './code-server.mjs';

const VSIX = resolve(process.argv[2] ?? join(ROOT, 'lync-pic.vsix'));
const EXTENSION_ID = 'lync-pic.lync-pic';
const FILE = 'wrong-proxy.ps1';
const EXPECTED = /skype-proxy-fqdn|federation\.messenger\.msn\.com/;
const TEST_TITLE = `the installed ${VSIX.startsWith(`${ROOT}/`) ? relative(ROOT, VSIX) : VSIX} shows skype-proxy-fqdn on ${FILE} in the Problems panel`;
const TIMEOUT_MS = Number(process.env.LYNC_PIC_VSCODE_TIMEOUT_MS || 180_000);
const VERBOSE = process.env.LYNC_PIC_VSCODE_VERBOSE === '1';
/** Per UI step; the whole run has TIMEOUT_MS. */
const STEP_MS = 60_000;

const h = createHarness('run-vsix', { keep: process.env.LYNC_PIC_VSCODE_KEEP === '1' });
const { log } = h;

async function main() {
  if (!existsSync(VSIX) || !statSync(VSIX).isFile()) throw new Error(`${VSIX} is missing: run \`npm run package\` first (or pass a .vsix path)`);

  const paths = installToolchain(h);
  const { timedOut, beforeDeadline } = deadline(TIMEOUT_MS);
  const { run, dirs, serverLog } = makeRunFolder(h, 'lpx-');

  // 1. Install the .vsix, as `code --install-extension` would, into this run's empty extensions folder.
  const installStarted = Date.now();
  await beforeDeadline('installing the .vsix', installVsix(h, { paths, run, dirs, vsix: VSIX }));
  const installed = readdirSync(dirs.extensions).filter((d) => d.toLowerCase().startsWith(`${EXTENSION_ID}-`));
  if (installed.length !== 1)
    throw new Error(
      `expected one ${EXTENSION_ID}-* folder in ${dirs.extensions} after the install, found: ${readdirSync(dirs.extensions).join(', ') || 'nothing'}`,
    );
  const manifest = JSON.parse(readFileSync(join(dirs.extensions, installed[0], 'package.json'), 'utf8'));
  log(`installed ${EXTENSION_ID} ${manifest.version} from ${VSIX} (${Date.now() - installStarted} ms)`);

  // 2. A copy of the fixture workspace (the run may change nothing in the repository).
  const workspace = join(run, 'ws');
  cpSync(WORKSPACE, workspace, { recursive: true });

  // 3. code-server with the installed extension only: no smoke-test driver, no payload.
  const { port, serverExited, serverExit } = await startCodeServer(h, { paths, run, dirs, serverLog, verbose: VERBOSE, beforeDeadline });
  const { page } = await launchBrowser(h, { dirs, beforeDeadline, verbose: VERBOSE });
  // Any step fails at once if code-server dies or the run's limit passes.
  const serverDied = serverExited.then(() => {
    throw new Error(`code-server exited (${serverExit()}) during the run`);
  });
  serverDied.catch(() => {}); // handled by each step's race; not an unhandled rejection at the end
  const { signal } = h.abort;
  const step = (what, promise) =>
    beforeDeadline(what, Promise.race([promise, serverDied])).catch((e) => {
      h.abort.abort();
      throw e;
    });

  const testStarted = Date.now();
  await step('opening the workbench', page.goto(workbenchUrl(port, workspace), { waitUntil: 'domcontentloaded', timeout: 0 }));
  await step('waiting for the workbench', waitForWorkbench(page, { ms: STEP_MS }));
  log('workbench ready');

  // 4. Open the file through the UI. Quick open's file search needs a moment after start: retry.
  await step(
    `opening ${FILE} with quick open`,
    retry(`quick open ${FILE}`, () => quickOpenOnce(page, FILE), { ms: STEP_MS, log, signal }),
  );
  log(`${FILE} open`);

  // 5. The Problems panel (Ctrl+Shift+M; the command palette if the key did not reach it), then its text.
  const problems = page.locator('.markers-panel');
  await step(
    'opening the Problems panel',
    retry(
      'open the Problems panel',
      async (n) => {
        await escapeAll(page);
        if (n % 2 === 1) await page.keyboard.press('Control+Shift+M');
        else await runCommandOnce(page, 'View: Focus Problems');
        await problems.waitFor({ state: 'visible', timeout: 5_000 });
      },
      { ms: STEP_MS, log, signal },
    ),
  );
  const text = await step(
    'waiting for the diagnostic in the Problems panel',
    waitUntil(
      `${EXPECTED} in the Problems panel`,
      async () => {
        const t = await problems.innerText({ timeout: 5_000 });
        return EXPECTED.test(t) ? t : undefined;
      },
      { ms: STEP_MS, signal },
    ),
  );
  const row = text
    .split('\n')
    .find((l) => EXPECTED.test(l))
    ?.trim();
  log(`Problems panel: ${row}`);
  // The squiggle in the editor (reported; the Problems panel is the assertion).
  const squiggles = await page.locator('.part.editor .squiggly-error').count();
  log(`error squiggles in the editor: ${squiggles}`);
  return { code: 0, ms: Date.now() - testStarted };
}

runMain(h, async () => {
  let result;
  try {
    result = await main();
  } catch (err) {
    if (h.finishing) return new Promise(() => {}); // interrupted: finish() is ending everything and exits
    console.log(`  FAIL  ${TEST_TITLE}`);
    console.log(String((VERBOSE ? err?.stack : err?.message) ?? err).replace(/^/gm, '        '));
    await printDiagnostics(h);
    log('done (failed)');
    return { code: 1, summary: '0 passed, 1 failed' };
  }
  console.log(`  ok    ${TEST_TITLE} (${result.ms} ms)`);
  log('done');
  return { code: 0, summary: '1 passed, 0 failed' };
});
