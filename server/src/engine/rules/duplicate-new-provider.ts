import type { BoundCommand } from '../bind';
import { indentationAt } from '../fix/edits';
import { guardedRemoveCommand } from '../skype';
import type { Rule } from './rule';
import { providerCommands } from './unguarded-new-provider';
import { shown } from '../util/show';

export const duplicateNewProvider: Rule = {
  meta: {
    id: 'duplicate-new-provider',
    summary: 'A second New-CsPublicProvider for an Identity the script already created, with no removal or look-up in between.',
    defaultSeverity: 'error',
    since: '0.1.0',
  },
  checkScript(context) {
    // The last New-CsPublicProvider per identity (lower case), forgotten again at a Remove- or Get-CsPublicProvider
    // of that identity: the same guards as unguarded-new-provider. Commands come in the order of the text.
    let last: Map<string, BoundCommand> | undefined;
    for (const { bound, guard, identity: key } of providerCommands(context.bound)) {
      const identity = bound.identity;
      if (identity === undefined || key === undefined) continue;
      if (guard) {
        last?.delete(key);
        continue;
      }
      last ??= new Map();
      const earlier = last.get(key);
      last.set(key, bound);
      if (!earlier) continue;
      const line = bound.command.range.start.line;
      const lineStart = { line, character: 0 };
      context.report({
        range: bound.command.nameRange,
        message: `The public provider ${shown(identity)} was already created on line ${earlier.command.range.start.line + 1}: this New-CsPublicProvider fails, because an Identity must be unique. Remove the provider first, or change it with Set-CsPublicProvider.`,
        fixes: [
          {
            title: `Insert a guarded Remove-CsPublicProvider for ${identity}`,
            edits: [{ range: { start: lineStart, end: lineStart }, newText: `${indentationAt(context.index, line)}${guardedRemoveCommand(identity)}\n` }],
            safe: false,
          },
        ],
      });
    }
  },
};
