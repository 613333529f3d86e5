// Writes the files derived from the rule metadata (see server/src/tools/metadata.ts).
// Run after `npx tsc -p .` so that out/ holds the compiled rules.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const metadata = require('../out/server/src/tools/metadata.js');

writeFileSync('schemas/lync-pic.schema.json', JSON.stringify(metadata.projectConfigSchema(), null, 2) + '\n');
writeFileSync('docs/rules/README.md', metadata.rulesIndexMarkdown());
// Each rule page's default severity and since lines.
const { RULES } = require('../out/server/src/engine/rules/index.js');
for (const rule of RULES) {
  const page = `docs/rules/${rule.meta.id}.md`;
  writeFileSync(page, metadata.withRulePageFacts(readFileSync(page, 'utf8'), rule.meta));
}
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
manifest.contributes.configuration.properties['lyncPic.rules'] = { ...metadata.rulesSchema(), default: {} };
writeFileSync('package.json', JSON.stringify(manifest, null, 2) + '\n');
console.log("wrote schemas/lync-pic.schema.json, docs/rules/README.md, the rule pages' severity and since lines and the lyncPic.rules setting in package.json");
