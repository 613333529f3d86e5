import type { BoundCommand } from '../bind';
import { indentationAt } from '../fix/edits';
import { guardedRemoveCommand, identityOf, isCmdlet } from '../skype';
import type { Rule } from './rule';

const GUARDS = ['Remove-CsPublicProvider', 'Get-CsPublicProvider'];

/** An earlier Remove- or Get-CsPublicProvider for the same identity makes a re-run safe (or at least deliberate). */
function isGuarded(bound: BoundCommand, identity: string, all: readonly BoundCommand[]): boolean {
  return all.some(
    (other) =>
      other.command.startOffset < bound.command.startOffset &&
      GUARDS.some((name) => isCmdlet(other, name)) &&
      identityOf(other)?.toLowerCase() === identity.toLowerCase(),
  );
}

export const unguardedNewProvider: Rule = {
  meta: {
    id: 'unguarded-new-provider',
    summary: 'New-CsPublicProvider that fails when the script runs a second time, because the provider then exists.',
    defaultSeverity: 'info',
    since: '0.1.0',
  },
  check(context) {
    for (const bound of context.bound) {
      if (!isCmdlet(bound, 'New-CsPublicProvider')) continue;
      const identity = identityOf(bound);
      if (identity === undefined || isGuarded(bound, identity, context.bound)) continue;
      const line = bound.command.range.start.line;
      const lineStart = { line, character: 0 };
      const indentation = indentationAt(context.index, line);
      context.report({
        range: bound.command.nameRange,
        message: `Running this script twice fails here: the provider ${identity} exists after the first run. Remove it first when it exists, as the setup pages do.`,
        fixes: [{ title: `Insert a guarded Remove-CsPublicProvider for ${identity}`, edits: [{ range: { start: lineStart, end: lineStart }, newText: `${indentation}${guardedRemoveCommand(identity)}\n` }], safe: false }],
      });
    }
  },
};
