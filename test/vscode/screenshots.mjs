#!/usr/bin/env node
// Takes the README's screenshots from a real VS Code (code-server's workbench in headless Debian chromium,
// the same setup as run-vsix.mjs): the extension is installed from lync-pic.vsix (build it with
// `npm run package`), a scratch workspace is opened, and the UI is driven with the keyboard:
//
//   docs/images/diagnostic-quickfix.png  wrong-proxy.ps1, its squiggle and the quick-fix menu (Ctrl+.)
//   docs/images/completion.png           parameter completion after typing `-` on a New-CsPublicProvider line
//   docs/images/hover.png                the hover of New-CsPublicProvider (Ctrl+K Ctrl+I)
//   docs/images/generator.png            the generator's first step (command palette, "Lync PIC: Generate ...")
//
//   node test/vscode/screenshots.mjs [path/to/extension.vsix] [--out <folder>]     (npm run screenshots)
//
// Always from the installed .vsix: loading the extension from its folder (the development payload that
// run-code-server.mjs uses) made the workbench ignore the user settings (theme, icons) here. Each picture is
// taken only once the widget it shows is on screen with the expected text; a step that does not get there
// fails the run (nothing half-done is written). Environment: LYNC_PIC_VSCODE_TIMEOUT_MS (default 240000),
// LYNC_PIC_VSCODE_VERBOSE=1, LYNC_PIC_VSCODE_KEEP=1, CHROMIUM_PATH: as for run-code-server.mjs.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  ROOT,
  WORKSPACE,
  createHarness,
  deadline,
  escapeAll,
  goToOnce,
  installToolchain,
  installVsix,
  launchBrowser,
  makeRunFolder,
  quickOpenOnce,
  retry,
  runCommandOnce,
  runMain,
  startCodeServer,
  waitForWorkbench,
  waitUntil,
  workbenchUrl,
} from './code-server.mjs';

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string', default: join(ROOT, 'docs/images') } },
});
const VSIX = resolve(positionals[0] ?? join(ROOT, 'lync-pic.vsix'));
const OUT = resolve(opts.out);
const EXTENSION_ID = 'lync-pic.lync-pic';
const TIMEOUT_MS = Number(process.env.LYNC_PIC_VSCODE_TIMEOUT_MS || 240_000);
const VERBOSE = process.env.LYNC_PIC_VSCODE_VERBOSE === '1';
const STEP_MS = 60_000;
const VIEWPORT = { width: 1280, height: 800 };

/** One theme and a quiet workbench for every picture. */
const SETTINGS = {
  'workbench.colorTheme': 'Dark Modern',
  'window.autoDetectColorScheme': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.layoutControl.enabled': false,
  'window.commandCenter': false,
  'workbench.editor.empty.hint': 'hidden',
  'editor.minimap.enabled': false,
  'breadcrumbs.enabled': false,
  'editor.wordWrap': 'on',
  'editor.fontSize': 14,
  'editor.lineHeight': 21,
  'editor.renderWhitespace': 'none',
  'editor.stickyScroll.enabled': false,
  'editor.lightbulb.enabled': 'on',
  'editor.occurrencesHighlight': 'off',
  'editor.selectionHighlight': false,
  'editor.cursorBlinking': 'solid',
  'files.autoSave': 'off',
  'explorer.openEditors.visible': 0,
  'outline.showVariables': false,
  'workbench.tree.renderIndentGuides': 'none',
  'problems.decorations.enabled': true,
  'extensions.ignoreRecommendations': true,
};

// The scratch workspace (its folder name shows in the explorer): the fixture wrong-proxy.ps1, and one file per
// picture whose text reads well in the README.
const WORKSPACE_NAME = 'skype-connectivity';
const FIXTURES = ['wrong-proxy.ps1'];
const COMPLETION_FILE = 'add-skype-provider.ps1';
const HOVER_FILE = 'enable-skype.ps1';
const FILES = {
  [COMPLETION_FILE]: [
    '# Skype connectivity for Skype for Business Server: the Skype public provider.',
    '# Type a dash after a Cs cmdlet and lync-pic lists the parameters it still takes.',
    'New-CsPublicProvider -Identity Skype ',
  ].join('\n'),
  [HOVER_FILE]: [
    '# Hover a Cs cmdlet or one of its parameters for its documentation.',
    'Remove-CsPublicProvider -Identity Skype',
    'New-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.com -IconUrl https://images.edge.messenger.live.com/Messenger_16x16.png -NameDecorationRoutingDomain msn.com -NameDecorationExcludedDomainList "msn.com,outlook.com,live.com,hotmail.com" -Enabled $true',
    'Set-CsAccessEdgeConfiguration -AllowFederatedUsers $true -EnablePartnerDiscovery $true -UseDnsSrvRouting',
    'Set-CsExternalAccessPolicy -Identity Global -EnablePublicCloudAccess $true',
    '',
  ].join('\n'),
};

const h = createHarness('screenshots', { keep: process.env.LYNC_PIC_VSCODE_KEEP === '1' });
const { log } = h;

async function main() {
  if (!existsSync(VSIX) || !statSync(VSIX).isFile()) throw new Error(`${VSIX} is missing: run \`npm run package\` first (or pass a .vsix path)`);
  const paths = installToolchain(h);
  const { beforeDeadline } = deadline(TIMEOUT_MS);
  const { run, dirs, serverLog } = makeRunFolder(h, 'lps-', SETTINGS);

  await beforeDeadline('installing the .vsix', installVsix(h, { paths, run, dirs, vsix: VSIX }));
  const installed = readdirSync(dirs.extensions).filter((d) => d.toLowerCase().startsWith(`${EXTENSION_ID}-`));
  if (installed.length !== 1) throw new Error(`the .vsix install left no single ${EXTENSION_ID}-* folder in ${dirs.extensions}`);
  log(`installed ${installed[0]} from ${VSIX}`);

  const workspace = join(run, WORKSPACE_NAME);
  mkdirSync(workspace);
  for (const name of FIXTURES) cpSync(join(WORKSPACE, name), join(workspace, name));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(workspace, name), text);

  const { port, serverExited, serverExit } = await startCodeServer(h, { paths, run, dirs, serverLog, verbose: VERBOSE, beforeDeadline });
  const { page } = await launchBrowser(h, { dirs, beforeDeadline, verbose: VERBOSE, viewport: VIEWPORT });
  const serverDied = serverExited.then(() => {
    throw new Error(`code-server exited (${serverExit()}) during the run`);
  });
  serverDied.catch(() => {}); // handled by each step's race
  const { signal } = h.abort;
  const step = (what, promise) =>
    beforeDeadline(what, Promise.race([promise, serverDied])).catch((e) => {
      h.abort.abort();
      throw e;
    });
  const again = (what, attempt) => step(what, retry(what, attempt, { ms: STEP_MS, log, signal }));

  await step('opening the workbench', page.goto(workbenchUrl(port, workspace), { waitUntil: 'domcontentloaded', timeout: 0 }));
  await step('waiting for the workbench', waitForWorkbench(page, { ms: STEP_MS }));
  log('workbench ready');

  mkdirSync(OUT, { recursive: true });
  const shots = [];
  /** Writes the picture through a temporary name, so that a failed run never leaves a half-written PNG. */
  const shoot = async (name) => {
    await hideToasts(page);
    await settled(page);
    const file = join(OUT, name);
    await page.screenshot({ path: `${file}.tmp.png`, timeout: 10_000 });
    renameSync(`${file}.tmp.png`, file);
    shots.push(file);
    log(`wrote ${relative(ROOT, file)}`);
  };
  const editor = page.locator('.part.editor .editor-instance .monaco-editor').first();
  const open = (name) => again(`open ${name}`, () => quickOpenOnce(page, name));

  // (a) The diagnostic and its quick fix. The cursor goes on the wrong value (keyboard: Go to Line), then Ctrl+.
  await open('wrong-proxy.ps1');
  await step(
    'the squiggle',
    waitUntil(
      'an error squiggle in wrong-proxy.ps1',
      () =>
        editor
          .locator('.squiggly-error')
          .count()
          .then((n) => n > 0),
      { ms: STEP_MS, signal },
    ),
  );
  const wrong = lineAndColumn(readFileSync(join(workspace, 'wrong-proxy.ps1'), 'utf8'), 'federation.messenger.msn.co ');
  const fixTitle = 'Change to federation.messenger.msn.com';
  await again('the quick-fix menu', async () => {
    await goToOnce(page, wrong.line, wrong.column + 10);
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget', { hasText: fixTitle }).waitFor({ state: 'visible', timeout: 5_000 });
  });
  // The menu opens with its first entry selected; the picture shows the fix selected.
  await again('the fix selected', async () => {
    const focused = page.locator('.action-widget .monaco-list-row.focused');
    if (!(await focused.innerText({ timeout: 2_000 })).includes(fixTitle)) await page.keyboard.press('ArrowDown');
    await page.locator('.action-widget .monaco-list-row.focused', { hasText: fixTitle }).waitFor({ timeout: 2_000 });
  });
  await shoot('diagnostic-quickfix.png');
  await page.keyboard.press('Escape');

  // (b) Parameter completion: the end of the New-CsPublicProvider line, then a dash (a trigger character).
  await open(COMPLETION_FILE);
  const lines = FILES[COMPLETION_FILE].split('\n');
  const suggest = page.locator('.editor-widget.suggest-widget.visible');
  await again('the completion list', async (n) => {
    await goToOnce(page, lines.length, lines.at(-1).length + 1);
    if (n > 1) await page.keyboard.press('Backspace'); // the dash of the attempt before
    await page.keyboard.type('-');
    await suggest.locator('.monaco-list-row', { hasText: 'ProxyFqdn' }).first().waitFor({ timeout: 5_000 });
  });
  // The details pane of the selected entry (type, whether required, description): Ctrl+Space toggles it.
  await again('the completion details', async () => {
    if (!(await suggest.locator('.suggest-details-container').isVisible())) await page.keyboard.press('Control+Space');
    await suggest
      .locator('.suggest-details-container .docs')
      .waitFor({ state: 'visible', timeout: 2_000 })
      .catch(async () => {
        await page.locator('.suggest-details-container .docs').first().waitFor({ state: 'visible', timeout: 2_000 });
      });
  });
  await fitDetails(page, suggest);
  await shoot('completion.png');
  await page.keyboard.press('Escape');

  // (c) The hover of New-CsPublicProvider's -ProxyFqdn (Ctrl+K Ctrl+I: Show or Focus Hover, at the cursor).
  await open(HOVER_FILE);
  const hovered = lineAndColumn(FILES[HOVER_FILE], '-ProxyFqdn');
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)', { hasText: 'ProxyFqdn' });
  await again('the hover', async () => {
    await goToOnce(page, hovered.line, hovered.column + 3);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await hover.first().waitFor({ state: 'visible', timeout: 5_000 });
  });
  await shoot('hover.png');
  await page.keyboard.press('Escape');

  // (d) The generator's first step, from the command palette.
  const title = 'Lync PIC: Generate Skype connectivity script';
  await again('the generator', async () => {
    await runCommandOnce(page, title);
    // Its QuickPick: the wizard's title, and its first choice's items.
    await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout: 5_000 });
    await page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ state: 'visible', timeout: 5_000 });
  });
  await shoot('generator.png');
  await escapeAll(page);

  log(`done: ${shots.length} screenshots in ${relative(ROOT, OUT) || OUT}`);
  return { code: 0, summary: `${shots.length} screenshots written` };
}

/**
 * The completion details pane opens at a fixed size that cuts a longer description; drag its bottom edge (the
 * only mouse step) until the text fits. Best effort: the picture is fine, if less complete, without it.
 */
async function fitDetails(page, suggest) {
  const details = suggest.page().locator('.suggest-details-container').first();
  // How much of the text is hidden: the largest overflow of the pane or an element in it.
  const overflow = () => details.evaluate((el) => Math.max(0, ...[el, ...el.querySelectorAll('*')].map((e) => e.scrollHeight - e.clientHeight)));
  try {
    const extra = await overflow();
    if (extra <= 6) return; // padding, not text
    const box = await details.boundingBox();
    if (!box) return;
    const x = box.x + box.width / 2;
    const y = box.y + box.height - 1;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y + extra + 8, { steps: 5 });
    await page.mouse.up();
    // Away from the widget, so that no hover state shows in the picture.
    await page.mouse.move(5, 795);
    const left = await overflow();
    log(left > 6 ? `completion details: still ${left} px cut` : 'completion details: resized to fit');
  } catch (e) {
    log(`completion details not resized: ${e.message.split('\n')[0]}`);
  }
}

/** 1-based line and column of `needle` in `text`. */
function lineAndColumn(text, needle) {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} not found`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1).length + 1 };
}

/** Waits (up to 3 s) until no finite animation or transition runs (widgets fade in), then for two frames. */
async function settled(page) {
  await waitUntil(
    'animations to end',
    () => page.evaluate(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)),
    { ms: 3_000, every: 50 },
  ).catch(() => {});
  await page.evaluate(() => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res))));
}

/** Notification toasts (none expected offline, but a picture must not show one): clear them. */
async function hideToasts(page) {
  if (await page.locator('.notifications-toasts .notification-toast').count()) {
    log('clearing notification toasts');
    await page.evaluate(() =>
      document.querySelectorAll('.notifications-toasts').forEach((e) => {
        e.style.display = 'none';
      }),
    );
  }
}

runMain(h, main, 'screenshots failed');
