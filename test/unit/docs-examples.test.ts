import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { TargetVersion } from '../../server/src/engine/catalog';
import { lintText, REPO_ROOT } from '../helpers';

const RULE_DOCS = join(REPO_ROOT, 'docs', 'rules');
/** The headings of the examples that must lint clean: "Right", "After" and "Complete", with an optional "(target v)". */
const CLEAN_HEADING = /^#{2,}\s+(Right|After|Complete)\b(?:\s*\(target\s+([\w-]+)\))?/;

export interface DocExample {
  readonly page: string;
  readonly heading: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly target: TargetVersion;
  readonly code: string;
}

/** The ```powershell blocks under the "Right", "After" and "Complete" headings of a rule page. */
export function cleanExamples(page: string, markdown: string): DocExample[] {
  const examples: DocExample[] = [];
  const lines = markdown.split(/\r?\n/);
  let heading: RegExpExecArray | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (/^#{1,6}\s/.test(lines[i])) {
      heading = CLEAN_HEADING.exec(lines[i]) ?? undefined;
      continue;
    }
    const fence = /^(`{3,})\s*(\w*)/.exec(lines[i]);
    if (!fence) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith(fence[1]));
    const close = end < 0 ? lines.length : end;
    if (heading && fence[2].toLowerCase() === 'powershell') {
      examples.push({
        page,
        heading: heading[2] ? `${heading[1]} (target ${heading[2]})` : heading[1],
        line: i + 1,
        target: (heading[2] ?? 'any') as TargetVersion,
        code: `${lines.slice(i + 1, close).join('\n')}\n`,
      });
    }
    i = close;
  }
  return examples;
}

const pages = readdirSync(RULE_DOCS).filter((name) => name.endsWith('.md') && name !== 'README.md');

describe('the "Right" and "After" examples of the rule pages', () => {
  it('finds the examples under those headings only, with their target', () => {
    const markdown = [
      '# r',
      '## Wrong (target lync2010)',
      '```powershell',
      'bad',
      '```',
      '## Right (target lync2010)',
      '```powershell',
      'good',
      '```',
      '## After',
      '```json',
      '{}',
      '```',
      '```powershell',
      'after',
      '```',
    ].join('\n');
    assert.deepEqual(
      cleanExamples('r.md', markdown).map((e) => [e.line, e.target, e.code]),
      [
        [7, 'lync2010', 'good\n'],
        [14, 'any', 'after\n'],
      ],
    );
  });

  it('every rule page that shows a wrong example also shows a right one', () => {
    const without = pages.filter((page) => {
      const markdown = readFileSync(join(RULE_DOCS, page), 'utf8');
      return /^#{2,}\s+(Wrong|Before)\b/m.test(markdown) && cleanExamples(page, markdown).length === 0;
    });
    assert.deepEqual(without, []);
  });

  // Hints are left out, as the CLI leaves them out: they are suggestions (incomplete-pic-setup's "unless another
  // script does it"), and a one-line example is never the whole setup.
  for (const page of pages) {
    for (const example of cleanExamples(page, readFileSync(join(RULE_DOCS, page), 'utf8'))) {
      it(`${page}:${example.line} (${example.heading}) lints clean`, async () => {
        const result = await lintText(example.code, { target: example.target });
        const findings = result.findings.filter((f) => f.severity !== 'hint').map((f) => `${f.range.start.line + 1}:${f.ruleId}: ${f.message}`);
        assert.deepEqual(findings, []);
      });
    }
  }
});
