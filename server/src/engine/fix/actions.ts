import type { Analysis } from '../lint';
import type { Finding, Fix } from '../rules/rule';
import { documentedSkypeProviderCommand, guardedRemoveCommand, isCmdlet, isSkypeProvider, SKYPE } from '../skype';
import { logicalLineStart } from '../suppress';
import type { Position, Range, TextEdit } from '../text';
import { fixAll } from './apply';
import { indentationAt } from './edits';

/** Writes `# lync-pic-disable-next-line <rule>` above the (logical) line of a finding. */
export function disableRuleFix(analysis: Analysis, finding: Finding): Fix {
  const line = logicalLineStart(analysis.index, finding.range.start.line);
  const at = { line, character: 0 };
  const comment = `${indentationAt(analysis.index, line)}# lync-pic-disable-next-line ${finding.ruleId}\n`;
  return { title: `Disable ${finding.ruleId} for this line`, edits: [{ range: { start: at, end: at }, newText: comment }], safe: false };
}

/** All safe fixes of a text as one minimal edit (the changed middle of the text), or undefined when none applies. */
export function fixAllEdit(analysis: Analysis, lint: (text: string) => readonly Finding[]): TextEdit | undefined {
  const before = analysis.text;
  const after = fixAll(before, lint).text;
  if (after === before) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { range: analysis.index.rangeOf(start, before.length - end), newText: after.slice(start, after.length - end) };
}

/** "Insert the documented Skype provider command" at the start of the line of `at`, with or without the guarded Remove line. */
export function insertSkypeProviderFixes(analysis: Analysis, at: Position): Fix[] {
  const line = logicalLineStart(analysis.index, at.line);
  const start = { line, character: 0 };
  const indentation = indentationAt(analysis.index, line);
  const command = documentedSkypeProviderCommand(analysis.target);
  const insert = (title: string, text: string): Fix => ({ title, edits: [{ range: { start, end: start }, newText: text }], safe: false });
  return [
    insert('Insert the documented Skype provider command', `${indentation}${command}\n`),
    insert(
      'Insert the documented Skype provider command, removing an existing Skype provider first',
      `${indentation}${guardedRemoveCommand(SKYPE.identity)}\n${indentation}${command}\n`,
    ),
  ];
}

/** "Replace with the documented Skype provider command" for a New-CsPublicProvider for Skype that `range` touches. */
export function replaceSkypeProviderFixes(analysis: Analysis, range: Range): Fix[] {
  const command = documentedSkypeProviderCommand(analysis.target);
  return analysis.bound
    .filter((b) => isCmdlet(b, 'New-CsPublicProvider') && isSkypeProvider(b) && touches(b.command.range, range))
    .filter((b) => (b.identity ?? SKYPE.identity).toLowerCase() === SKYPE.identity.toLowerCase())
    .filter((b) => analysis.index.textIn(b.command.range) !== command)
    .map((b) => ({ title: 'Replace with the documented Skype provider command', edits: [{ range: b.command.range, newText: command }], safe: false }));
}

function touches(a: Range, b: Range): boolean {
  const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}
