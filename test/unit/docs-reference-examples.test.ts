import { strict as assert } from 'node:assert';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ENCODED_CATALOG } from '../../server/src/engine/catalog/data.generated';
import type { LintOptions } from '../../server/src/engine/lint';
import { docsMirrorMissing, lintText, REPO_ROOT, runExtractor } from '../helpers';

/** One example code block of a cmdlet page, as scripts/extract-catalog.mjs --examples writes it. */
interface ReferenceExample {
  readonly module: 'skype' | 'teams';
  readonly cmdlet: string;
  readonly path: string;
  readonly heading: string;
  readonly line: number;
  /** The server versions of the page's cmdlet (none: a Skype for Business Online or Teams cmdlet). */
  readonly serverVersions: readonly string[];
  readonly code: string;
}

interface Exception {
  readonly page: string;
  readonly line: number;
  readonly heading: string;
  readonly errors: readonly string[];
  readonly reason: string;
}

const EXCEPTIONS_FILE = join(REPO_ROOT, 'test', 'fixtures', 'docs-example-exceptions.json');

/**
 * How an example is linted. A Teams example follows `Connect-MicrosoftTeams`, so that its Cs commands are checked
 * against the Teams module. An example of a cmdlet that no server version has is for Skype for Business Online: the
 * version rules are off there.
 */
function lintPlan(example: ReferenceExample): { readonly text: string; readonly options: LintOptions; readonly firstLine: number } {
  if (example.module === 'teams') return { text: `Connect-MicrosoftTeams\n${example.code}`, options: {}, firstLine: 1 };
  const online = { 'version-unavailable-parameter': 'off', 'version-unavailable-cmdlet': 'off' } as const;
  const options: LintOptions = example.serverVersions.length === 0 ? { rules: online } : {};
  return { text: example.code, options, firstLine: 0 };
}

const key = (page: string, line: number): string => `${page}:${line}`;

describe("the examples of Microsoft's cmdlet pages", () => {
  it('lint without an error, but for the mistakes of the pages listed in test/fixtures/docs-example-exceptions.json', async (t) => {
    const missing = docsMirrorMissing(ENCODED_CATALOG.commit);
    if (missing) {
      t.skip(missing);
      return;
    }
    const { commit, exceptions } = JSON.parse(readFileSync(EXCEPTIONS_FILE, 'utf8')) as { commit: string; exceptions: Exception[] };
    assert.equal(commit, ENCODED_CATALOG.commit, 'the exceptions were checked at another commit than the catalogue');
    const fresh = runExtractor(commit);
    const examples = (JSON.parse(readFileSync(fresh.examples, 'utf8')) as { examples: ReferenceExample[] }).examples;
    rmSync(fresh.folder, { recursive: true, force: true });
    const expected = new Map(exceptions.map((e) => [key(e.page, e.line), e]));
    const unexpected: string[] = [];
    const mismatched: string[] = [];
    const seen = new Set<string>();
    const counts = { skype: { blocks: 0, clean: 0 }, teams: { blocks: 0, clean: 0 } };
    for (const example of examples) {
      const { text, options, firstLine } = lintPlan(example);
      const errors = (await lintText(text, options)).findings.filter((f) => f.severity === 'error');
      const at = key(example.path, example.line);
      const exception = expected.get(at);
      counts[example.module].blocks++;
      if (errors.length === 0) counts[example.module].clean++;
      if (exception) {
        seen.add(at);
        assert.equal(exception.heading, example.heading, `${at}: the exception names another heading`);
        const found = errors.map((e) => e.ruleId).sort();
        if (found.join() !== exception.errors.join())
          mismatched.push(
            `${at} (${example.heading}): ${found.join(', ') || 'no error'}, listed ${exception.errors.join(', ')}; ${errors.map((e) => e.message).join(' | ')}`,
          );
        continue;
      }
      for (const e of errors) unexpected.push(`${at} (${example.heading}) line ${e.range.start.line - firstLine + 1}: ${e.ruleId}: ${e.message}`);
    }
    t.diagnostic(
      `Skype for Business: ${counts.skype.blocks} blocks, ${counts.skype.clean} without an error; Teams: ${counts.teams.blocks} blocks, ${counts.teams.clean} without an error; ${exceptions.length} listed exceptions`,
    );
    assert.deepEqual(unexpected, [], 'errors in examples: a mistake of the page (list it with its reason) or of the extractor (fix it)');
    assert.deepEqual(mismatched, [], 'listed examples that no longer give exactly the listed errors');
    assert.deepEqual(
      exceptions.filter((e) => !seen.has(key(e.page, e.line))).map((e) => key(e.page, e.line)),
      [],
      'listed exceptions that match no example block',
    );
    assert.ok(counts.skype.blocks > 2000 && counts.teams.blocks > 1000, 'the examples were read');
    assert.ok(exceptions.every((e) => e.reason.trim().length > 0 && e.errors.length > 0));
  });
});
