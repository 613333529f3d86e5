/**
 * How the language server process is started: the one definition shared by the extension (client/src/extension.ts), the
 * protocol tests and the benchmark (scripts/bench.mjs), so that what is measured is what editors run. Figures:
 * docs/performance.md, "Start-up and memory". No VS Code API here: the tests and the benchmark load this file too.
 */

/** The server's entry, relative to the package root (it loads the server bundle, dist/server-main.js). */
export const SERVER_MODULE = 'dist/server.js';

/**
 * V8 options of the server process: none. Capping the young generation (`--max-semi-space-size=4`) would take the
 * RSS with 50 open documents from 120 to about 98 MiB, but makes a keystroke in a 5,000-line script 8 to 11 ms slower.
 */
export const SERVER_EXEC_ARGV: readonly string[] = [];

/** The variable that names the folder of the server's V8 code cache (read by boot.ts). */
export const CODE_CACHE_VARIABLE = 'LYNC_PIC_CODE_CACHE';

/**
 * The variables the server process gets on top of the client's environment.
 *
 * - NODE_EXTRA_CA_CERTS emptied: Node 20 parses that certificate file, and its own root certificates, as it boots
 *   (80 ms of a 125 ms boot on the benchmark's host, where it is set), and the server opens no connection at all.
 * - The code cache folder, when there is one: compiled bytecode kept from one start to the next.
 */
export function serverEnvironment(codeCacheFolder: string | undefined): Record<string, string> {
  const environment: Record<string, string> = { NODE_EXTRA_CA_CERTS: '' };
  if (codeCacheFolder) environment[CODE_CACHE_VARIABLE] = codeCacheFolder;
  return environment;
}
