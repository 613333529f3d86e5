import type { ArgumentValue } from '../parse/commands';

const CONTROL_ESCAPES: Readonly<Record<string, string>> = { '\t': '`t', '\n': '`n', '\r': '`r', '\0': '`0' };

/**
 * A value as a message prints it: in double quotes, so that leading and trailing blanks show, with control
 * characters written as PowerShell's backtick escapes (`t, `n, `u{…}).
 */
export function shown(value: string): string {
  // eslint-disable-next-line no-control-regex
  const escaped = value.replace(/[\u0000-\u001f\u007f]/g, (c) => CONTROL_ESCAPES[c] ?? `\`u{${c.charCodeAt(0).toString(16)}}`);
  return `"${escaped}"`;
}

/**
 * A written argument in a message: a word or a constant string as its value, quoted; anything else ($true, a
 * number, a variable, an expression) as written, which is how PowerShell code shows it.
 */
export function shownArgument(value: ArgumentValue): string {
  return (value.kind === 'bareword' || value.kind === 'string') && value.literal !== undefined ? shown(value.literal) : value.text;
}
