import type { BoundParameter } from '../bind';
import type { ScriptCommand } from '../parse/commands';
import type { Fix } from '../rules/rule';
import type { LineIndex, Range } from '../text';

/** A fix that replaces one range. */
export function replaceFix(title: string, range: Range, newText: string, safe: boolean): Fix {
  return { title, edits: [{ range, newText }], safe };
}

/** Writes a value for a script: bare when PowerShell reads it as one word, single-quoted otherwise. */
export function powershellLiteral(value: string): string {
  return /^[\w.:/-]+$/.test(value) && !/^[-$@]/.test(value) ? value : `'${value.replace(/'/g, "''")}'`;
}

/** Inserts ` -Name value` pairs after the last argument of a command. */
export function appendArgumentsFix(title: string, command: ScriptCommand, args: string, safe: boolean): Fix {
  const end = command.range.end;
  return { title, edits: [{ range: { start: end, end }, newText: ` ${args}` }], safe };
}

/** Removes a parameter, its value and the blanks before it. */
export function removeArgumentFix(title: string, index: LineIndex, binding: Pick<BoundParameter, 'written' | 'value'>, safe: boolean): Fix {
  let start = index.offsetAt(binding.written.range.start);
  while (start > 0 && (index.text[start - 1] === ' ' || index.text[start - 1] === '\t')) start--;
  const end = binding.value?.range.end ?? binding.written.range.end;
  return { title, edits: [{ range: { start: index.positionAt(start), end }, newText: '' }], safe };
}

/** The blanks at the start of the line a position is on. */
export function indentationAt(index: LineIndex, line: number): string {
  return /^[ \t]*/.exec(index.lineText(line))?.[0] ?? '';
}
