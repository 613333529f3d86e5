// Bundles the extension client, the language server and the CLI with esbuild, and copies the
// tree-sitter WASM files next to the bundles (web-tree-sitter loads them from there at run time).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, chmodSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const outdir = 'dist';
mkdirSync(outdir, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
  // web-tree-sitter's ESM build reads import.meta.url; give it the bundle's own URL in CommonJS.
  define: { 'import.meta.url': '__bundleUrl', LYNC_PIC_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
  banner: { js: "const __bundleUrl = require('url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir, external: ['vscode'] }),
  build({ ...common, entryPoints: { server: 'server/src/lsp/main.ts' }, outdir }),
  build({ ...common, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir, banner: { js: `#!/usr/bin/env node\n${common.banner.js}` } }),
]);
chmodSync(join(outdir, 'cli.js'), 0o755);

const wasmFiles = [
  join(dirname(require.resolve('web-tree-sitter')), 'tree-sitter.wasm'),
  require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'),
];
for (const file of wasmFiles) copyFileSync(file, join(outdir, file.split(/[\\/]/).pop()));
console.log(`built ${outdir}/client.js, ${outdir}/server.js, ${outdir}/cli.js and ${wasmFiles.length} WASM files`);
