// Writes the files derived from the rule metadata (see server/src/tools/metadata.ts).
// Run after `npx tsc -p .` so that out/ holds the compiled rules.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const metadata = require('../out/server/src/tools/metadata.js');

writeFileSync('schemas/lync-pic.schema.json', JSON.stringify(metadata.projectConfigSchema(), null, 2) + '\n');
writeFileSync('docs/rules/README.md', metadata.rulesIndexMarkdown());
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
manifest.contributes.configuration.properties['lyncPic.rules'] = { ...metadata.rulesSchema(), default: {} };
writeFileSync('package.json', JSON.stringify(manifest, null, 2) + '\n');
console.log('wrote schemas/lync-pic.schema.json, docs/rules/README.md and the lyncPic.rules setting in package.json');
