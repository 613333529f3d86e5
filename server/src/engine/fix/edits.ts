import type { Fix } from '../rules/rule';
import type { Range } from '../text';

/** A fix that replaces one range. */
export function replaceFix(title: string, range: Range, newText: string, safe: boolean): Fix {
  return { title, edits: [{ range, newText }], safe };
}

/** Writes a value for a script: bare when PowerShell reads it as one word, single-quoted otherwise. */
export function powershellLiteral(value: string): string {
  return /^[\w.:/-]+$/.test(value) && !/^[-$@]/.test(value) ? value : `'${value.replace(/'/g, "''")}'`;
}
