// The language server's entry (dist/server.js). It runs the server bundle (dist/server-main.js) with a V8 code cache
// when the client names a folder for one (launch.ts): the bytecode of the bundle and of the functions the first lint
// ran, saved by an earlier start, saves 25 to 45 ms of a cold start. Node 20 has no such cache of its own
// (module.enableCompileCache is Node 22+); vm.Script's cachedData works on every version, and V8 itself rejects a
// cache made by another V8 version or with other flags (then a new one is written).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { CODE_CACHE_VARIABLE } from './launch';

const BUNDLE = join(__dirname, 'server-main.js');
/** When a start without a usable cache writes one: by then the first lint has compiled what it needs. */
const SAVE_AFTER_MS = 5_000;
const LEFT_BEHIND = /^server-[0-9a-f]+\.v8cache(\.\d+\.tmp)?$/;

/**
 * The cache file of this bundle, Node and V8 options: its name changes with any of them, so a stale cache is never
 * read (V8 itself would accept the cache of another bundle of the same length). Hashing the bundle takes about 1 ms;
 * node:crypto is loaded anyway (vscode-jsonrpc requires it).
 */
function cacheFileOf(folder: string, source: string): string {
  const key = createHash('sha1')
    .update(source)
    .update(`${process.version} ${process.arch} ${process.execArgv.join(' ')}`)
    .digest('hex');
  return join(folder, `server-${key.slice(0, 16)}.v8cache`);
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes the cache atomically (another window's server may read it meanwhile), and removes what older bundles left
 * (their caches, and the temporary file of a write that was cut short).
 */
function saveCache(script: Script, file: string): void {
  const folder = dirname(file);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(folder, { recursive: true });
    for (const name of readdirSync(folder)) if (LEFT_BEHIND.test(name) && name !== basename(file)) rmSync(join(folder, name), { force: true });
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, file);
  } catch {
    // A read-only or full disk: the next start compiles again, as without a cache.
    rmSync(temporary, { force: true });
  }
}

/** Runs the bundle as a CommonJS module compiled from `source`, with the cache in `folder` (read, or written later). */
function runWithCodeCache(source: string, folder: string): void {
  const file = cacheFileOf(folder, source);
  const cachedData = readIfPresent(file);
  const script = new Script(wrap(source), { filename: BUNDLE, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    let saved = false;
    const save = (): void => {
      if (!saved) saveCache(script, file);
      saved = true;
    };
    setTimeout(save, SAVE_AFTER_MS).unref();
    process.once('exit', save);
  }
  const bundleModule = { exports: {} };
  const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  run.call(bundleModule.exports, bundleModule.exports, createRequire(BUNDLE), bundleModule, BUNDLE, __dirname);
}

const folder = process.env[CODE_CACHE_VARIABLE];
if (folder) runWithCodeCache(readFileSync(BUNDLE, 'utf8'), folder);
// No folder (a client other than the extension): an ordinary load, compiled anew.
else createRequire(__filename)(BUNDLE);
