// The language server's entry (dist/server.js). It runs the server bundle (dist/server-main.js) with a V8 code cache
// when the client names a folder for one (launch.ts): the bytecode of the bundle and of the functions the first lint
// ran, saved by an earlier start, saves 25 to 45 ms of a cold start. Node 20 has no such cache of its own
// (module.enableCompileCache is Node 22+); vm.Script's cachedData works on every version, and V8 itself rejects a
// cache made by another V8 version or with other flags (then a new one is written).
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { CODE_CACHE_VARIABLE } from './launch';

const BUNDLE = join(__dirname, 'server-main.js');
/**
 * The SHA-1 of the bundle, which scripts/build.mjs builds first and names here: hashing it at each start needed
 * node:crypto, whose loading (27 of Node's internal modules) and hash took 3 to 5 ms. Undefined unbundled.
 */
declare const SERVER_BUNDLE_HASH: string | undefined;
/** When a start without a usable cache writes one: by then the first lint has compiled what it needs. */
const SAVE_AFTER_MS = 5_000;
const LEFT_BEHIND = /^server-[0-9a-f]+(-[0-9a-f]+)?\.v8cache(\.\d+\.tmp)?$/;

/**
 * The cache file of this bundle, Node and V8 options: its name changes with any of them, so a stale cache is never
 * read (V8 itself would accept the cache of another bundle of the same length).
 */
function cacheFileOf(folder: string, bundleHash: string): string {
  const runtime = fnv1a(`${process.version} ${process.arch} ${process.execArgv.join(' ')}`);
  return join(folder, `server-${bundleHash.slice(0, 16)}-${runtime}.v8cache`);
}

/** FNV-1a of a short string, as 8 hex digits: enough to tell the Node versions and options a cache was made with. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
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

/** Runs the bundle as a CommonJS module compiled from `source`, with the cache in `file` (read, or written later). */
function runWithCodeCache(source: string, file: string): void {
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
const bundleHash = typeof SERVER_BUNDLE_HASH === 'string' ? SERVER_BUNDLE_HASH : undefined;
if (folder && bundleHash) runWithCodeCache(readFileSync(BUNDLE, 'utf8'), cacheFileOf(folder, bundleHash));
// No folder (a client other than the extension) or no hash (not built by scripts/build.mjs): an ordinary load.
else createRequire(__filename)(BUNDLE);
