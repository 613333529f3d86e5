/**
 * How the language server process is started: the one definition shared by the extension (client/src/extension.ts), the
 * protocol tests and the benchmark (scripts/bench.mjs), so that what is measured is what editors run. Figures:
 * docs/performance.md, "Start-up and memory". No VS Code API here: the tests and the benchmark load this file too.
 */

/** The server's entry, relative to the package root (it loads the server bundle, dist/server-main.js). */
export const SERVER_MODULE = 'dist/server.js';

/**
 * V8 options of the server process (figures: docs/performance.md, "Cold start and memory").
 *
 * - A young generation of 4 MiB semi-spaces (16 by default) takes the RSS with 50 open documents from 123-125 to
 *   100-103 MiB; since edits are linted incrementally (little is allocated a keystroke), the latency of a keystroke in
 *   a 5,000-line script did not move. (With 2 MiB the RSS was 117 MiB: more objects outlive the young generation.)
 * - An old generation let grow to twice what the last full collection kept (V8 picks up to 4 times that): the
 *   lints from scratch of opened documents promote their syntax trees, which die soon after, and with the default
 *   growth the old generation held 34 MiB for 15 MiB of live objects with 50 documents (RSS 100-103 MiB; 82-88 with
 *   this and MALLOC_ARENA_MAX below). Full collections come sooner: the typing latency did not move; edits sent back
 *   to back in a script with 2,146 diagnostics, which promote each version's diagnostics, run 9 full collections in
 *   200 edits instead of 4, p95 +1.5 to 2.5 ms (growing by half: 17, up to +3.4 ms, for 1 to 3 MiB less).
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=4', '--heap-growing-percent=100'];

/** The variable that names the folder of the server's V8 code cache (read by boot.ts). */
export const CODE_CACHE_VARIABLE = 'LYNC_PIC_CODE_CACHE';

/**
 * The variables the server process gets on top of the client's environment.
 *
 * - NODE_EXTRA_CA_CERTS emptied: Node 20 parses that certificate file, and its own root certificates, as it boots
 *   (80 ms of a 125 ms boot on the benchmark's host, where it is set), and the server opens no connection at all.
 * - MALLOC_ARENA_MAX=2: glibc gives every thread that calls malloc an arena of its own (up to 8 per core), and V8's
 *   background threads (compilers, garbage collector) leave freed memory behind in theirs: 6 to 12 MiB of the RSS
 *   with 50 open documents, 1 to 8 MiB less with two arenas. Only glibc reads it (Linux; elsewhere it does nothing).
 * - The code cache folder, when there is one: compiled bytecode kept from one start to the next.
 */
export function serverEnvironment(codeCacheFolder: string | undefined): Record<string, string> {
  const environment: Record<string, string> = { NODE_EXTRA_CA_CERTS: '', MALLOC_ARENA_MAX: '2' };
  if (codeCacheFolder) environment[CODE_CACHE_VARIABLE] = codeCacheFolder;
  return environment;
}
