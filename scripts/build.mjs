// Bundles the extension client, the language server and the CLI with esbuild.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, chmodSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

const outdir = 'dist';
mkdirSync(outdir, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: true,
  // Whitespace and syntax only: the bundles shrink by a third (the server's from 850 to 610 KB, 10 to 25 ms less to
  // load), and stack traces in the logs keep their function names. --minify also shortens the names.
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: process.argv.includes('--minify'),
  logLevel: 'warning',
  define: { LYNC_PIC_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
};

/**
 * vscode-jsonrpc and vscode-languageserver require node:crypto (to name a pipe) and node:child_process (to find the
 * global npm and yarn folders) as they load, which a server over stdio or IPC never uses: loading them is 60 of Node's
 * internal modules at each start. In the server bundle they get a stand-in that requires the module on first use.
 */
const deferredBuiltins = {
  name: 'deferred-builtins',
  setup(bundle) {
    const fromLanguageServer = /[\\/]node_modules[\\/]vscode-(jsonrpc|languageserver)[\\/]/;
    bundle.onResolve({ filter: /^(node:)?(crypto|child_process)$/ }, (args) =>
      fromLanguageServer.test(args.importer) ? { path: args.path, namespace: 'deferred-builtin' } : undefined,
    );
    bundle.onLoad({ filter: /.*/, namespace: 'deferred-builtin' }, (args) => ({
      contents: `let loaded;\nmodule.exports = new Proxy({}, { get: (_, key) => (loaded ??= require(${JSON.stringify(args.path)}))[key] });\n`,
      loader: 'js',
    }));
  },
};

/**
 * One conversion of vscode-languageserver to an ES module for the whole server bundle: esbuild converts a CommonJS
 * package in each file that imports it (its __toESM copies the package's 308 exports into a new object each time,
 * 2 to 3 ms of a start for the seven files). The server's files get one module that re-exports the package's names
 * (`vscode-languageserver` and `vscode-languageserver/node` are the same module in Node).
 */
const oneLanguageServerModule = {
  name: 'one-language-server-module',
  setup(bundle) {
    const entry = 'vscode-languageserver/node';
    bundle.onResolve({ filter: /^vscode-languageserver(\/node)?$/ }, (args) =>
      args.namespace === 'file' && !args.importer.includes('node_modules') ? { path: entry, namespace: 'language-server' } : undefined,
    );
    bundle.onLoad({ filter: /.*/, namespace: 'language-server' }, () => {
      const names = Object.keys(require(entry)).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
      return { contents: `export { ${names.join(', ')} } from '${entry}';\n`, loader: 'js', resolveDir: process.cwd() };
    });
  },
};

/**
 * dist/server.js is the entry editors start: it runs dist/server-main.js, with a V8 code cache when given a folder,
 * named after the bundle's hash (server/src/lsp/boot.ts), so the bundle is built first.
 */
async function buildServer() {
  const plugins = [deferredBuiltins, oneLanguageServerModule];
  await build({ ...common, entryPoints: { 'server-main': 'server/src/lsp/main.ts' }, outdir, plugins });
  const hash = createHash('sha1')
    .update(readFileSync(join(outdir, 'server-main.js')))
    .digest('hex');
  await build({ ...common, entryPoints: { server: 'server/src/lsp/boot.ts' }, outdir, define: { ...common.define, SERVER_BUNDLE_HASH: JSON.stringify(hash) } });
}

await Promise.all([
  build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir, external: ['vscode'] }),
  buildServer(),
  build({ ...common, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir, banner: { js: '#!/usr/bin/env node' } }),
]);
chmodSync(join(outdir, 'cli.js'), 0o755);

console.log(`built ${outdir}/client.js, ${outdir}/server.js (and server-main.js) and ${outdir}/cli.js`);
