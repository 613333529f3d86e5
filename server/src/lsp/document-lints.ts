import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { SOURCE } from './convert';

/** The size of a text in UTF-8 bytes, when it may exceed `limit` (0 otherwise, without measuring). */
export function sizeBeyond(text: string, limitBytes: number): number {
  // A UTF-16 code unit is at most 3 UTF-8 bytes: shorter texts cannot exceed the limit.
  if (text.length * 3 <= limitBytes) return 0;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > limitBytes ? bytes : 0;
}

/** The one diagnostic of a document that is not linted because it is larger than `lyncPic.maxFileSizeKB`. */
export function tooLargeDiagnostic(bytes: number, limitKB: number): Diagnostic {
  const kb = (n: number): string => `${Math.ceil(n).toLocaleString('en-US')} KB`;
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: 'file-too-large',
    source: SOURCE,
    message: `lync-pic did not lint this file: it is ${kb(bytes / 1024)}, more than the lyncPic.maxFileSizeKB setting (${kb(limitKB)}). Raise the setting to lint it.`,
  };
}
