// Entry point of the real-VS-Code test suite: VS Code loads this module (extensionTestsPath) in the extension
// host and awaits run(). It is launcher-agnostic: test/vscode/run-code-server.mjs (code-server + headless
// chromium) and test/vscode/run-electron.mjs (desktop VS Code) both point here.
//
// Runs every *.test.js file next to this one with mocha's TDD UI, prints mocha's spec report to the extension
// host's console, and writes per-test results as JSON to the file named by LYNC_PIC_TEST_RESULTS (rewritten
// after every test, so a run that hangs still shows how far it got). Resolves when all tests pass.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inspect } from 'node:util';
import Mocha from 'mocha';

export const RESULTS_ENV = 'LYNC_PIC_TEST_RESULTS';

export interface TestResult {
  /** Suite titles and the test title, joined by spaces. */
  fullTitle: string;
  title: string;
  file?: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  /** Message and stack of the failure. */
  error?: string;
}

export interface TestResults {
  done: boolean;
  passed: number;
  failed: number;
  pending: number;
  tests: TestResult[];
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: Number(process.env.LYNC_PIC_TEST_TIMEOUT_MS ?? 60_000),
  });
  const grep = process.env.LYNC_PIC_TEST_GREP;
  if (grep) mocha.grep(grep);

  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const resultsFile = process.env[RESULTS_ENV];
  const results: TestResults = { done: false, passed: 0, failed: 0, pending: 0, tests: [] };
  const save = (): void => {
    if (!resultsFile) return;
    try {
      fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
    } catch (err) {
      console.error(`lync-pic test suite: cannot write ${resultsFile}:`, err);
    }
  };
  const record = (test: Mocha.Runnable, state: TestResult['state'], err?: unknown): void => {
    const entry: TestResult = { fullTitle: test.fullTitle(), title: test.title, state };
    if (test.file) entry.file = path.basename(test.file);
    if (typeof test.duration === 'number') entry.durationMs = test.duration;
    if (err !== undefined) entry.error = err instanceof Error ? (err.stack ?? err.message) : inspect(err);
    results.tests.push(entry);
    results[state]++;
    save();
  };
  save();

  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        results.done = true;
        save();
        if (failures > 0) reject(new Error(`${failures} test(s) failed.`));
        else resolve();
      });
      runner.on('pass', (test) => record(test, 'passed'));
      // Also fires for failing hooks (before/after), which fail the run too.
      runner.on('fail', (test, err) => record(test, 'failed', err));
      runner.on('pending', (test) => record(test, 'pending'));
    } catch (err) {
      results.done = true;
      results.tests.push({
        fullTitle: 'loading the test files',
        title: 'load',
        state: 'failed',
        error: err instanceof Error ? (err.stack ?? err.message) : inspect(err),
      });
      results.failed++;
      save();
      reject(err instanceof Error ? err : new Error(inspect(err)));
    }
  });
}
