/**
 * Files derived from the rule metadata: the JSON schema of `.lync-pic.json`, the `lyncPic.rules` setting in
 * package.json and the rule index in docs/rules/README.md. `node scripts/generate-metadata.mjs` writes them;
 * a unit test fails when the committed copies drift from the rules.
 */
import { docsPath, RULES, LINT_TARGETS } from '../engine';

const RULE_SETTING_VALUES = ['off', 'error', 'warning', 'info', 'hint'];

/** The JSON schema of one `rules` object, shared by the setting and the project file. */
export function rulesSchema(): Record<string, unknown> {
  return {
    type: 'object',
    description: 'Severity per rule id: "off", "error", "warning", "info" or "hint". Rules not listed keep their default severity.',
    additionalProperties: false,
    properties: Object.fromEntries(
      RULES.map((rule) => [
        rule.meta.id,
        {
          type: 'string',
          enum: RULE_SETTING_VALUES,
          markdownDescription: `${rule.meta.summary} Default: \`${rule.meta.defaultSeverity}\`. [Docs](${docsPath(rule.meta.id)})`,
        },
      ]),
    ),
  };
}

export function projectConfigSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'lync-pic project configuration (.lync-pic.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      target: { type: 'string', enum: [...LINT_TARGETS], description: "The server version the scripts run on, or teams (the CLI's --target wins over it)." },
      rules: rulesSchema(),
      ignorePatterns: {
        type: 'array',
        items: { type: 'string' },
        description: "Glob patterns, relative to this file's folder, of scripts the CLI leaves out (** spans folders).",
      },
    },
  };
}

/** The rule index table of docs/rules/README.md. */
export function rulesIndexMarkdown(): string {
  const rows = RULES.map((r) => `| [${r.meta.id}](${r.meta.id}.md) | ${r.meta.defaultSeverity} | ${r.meta.summary.replace(/\|/g, '\\|')} | ${r.meta.since} |`);
  return [
    '# Rules',
    '',
    '<!-- Generated from the rule metadata by `node scripts/generate-metadata.mjs`; do not edit by hand. -->',
    '',
    '| rule | default severity | what it finds | since |',
    '|---|---|---|---|',
    ...rows,
    '',
    'Change a severity with the `lyncPic.rules` setting or the `rules` of a `.lync-pic.json` file; silence one finding',
    'with `# lync-pic-disable-next-line <rule>`.',
    '',
  ].join('\n');
}

/** What a hint is, said on the page of a rule whose default severity is hint. */
const HINT_NOTE = ' (a suggestion: VS Code shows it faintly and does not list it as a problem; the CLI does not report hints)';

/** The lines of a rule's docs page that state its default severity and the version that added it. */
export function rulePageFacts(meta: { readonly defaultSeverity: string; readonly since: string }): string {
  return `- Default severity: ${meta.defaultSeverity}${meta.defaultSeverity === 'hint' ? HINT_NOTE : ''}\n- Since: ${meta.since}`;
}

/** A rule page's severity and since lines (they may wrap) replaced by those of the metadata. */
export function withRulePageFacts(page: string, meta: { readonly defaultSeverity: string; readonly since: string }): string {
  return page.replace(/^- Default severity:.*(?:\n {2}.*)*\n- Since:.*$/m, rulePageFacts(meta));
}
