import type { BoundCommand } from '../bind';
import { indentationAt } from '../fix/edits';
import { guardedRemoveCommand, isCmdlet, parameterNamed } from '../skype';
import type { FindingInput, Rule, RuleContext } from './rule';
import { comparePositions, type Position } from '../text';
import { shown } from '../util/show';

/** Whether a command makes a later New-CsPublicProvider of the same identity safe (or at least deliberate). */
export function isGuard(bound: BoundCommand): boolean {
  return isCmdlet(bound, 'Remove-CsPublicProvider') || isCmdlet(bound, 'Get-CsPublicProvider');
}

/** `New-CsPublicProvider … -InMemory` creates an object in memory only (Microsoft's example 2): nothing is stored. */
export function createsProvider(bound: BoundCommand): boolean {
  return isCmdlet(bound, 'New-CsPublicProvider') && parameterNamed(bound, 'InMemory') === undefined;
}

/**
 * An earlier Remove- or Get-CsPublicProvider for the same identity makes a re-run safe (or at least deliberate).
 * Where the first such guard per identity (lower case) starts, found in one pass.
 */
function firstGuards(all: readonly BoundCommand[]): Map<string, Position> {
  const first = new Map<string, Position>();
  for (const other of all) {
    if (!isGuard(other)) continue;
    const identity = other.identity?.toLowerCase();
    if (identity === undefined) continue;
    const start = other.command.range.start;
    const known = first.get(identity);
    if (!known || comparePositions(start, known) < 0) first.set(identity, start);
  }
  return first;
}

export const unguardedNewProvider: Rule = {
  meta: {
    id: 'unguarded-new-provider',
    summary: 'New-CsPublicProvider that fails when the script runs a second time, because the provider then exists.',
    defaultSeverity: 'info',
    since: '0.1.0',
  },
  checkScript(context) {
    let guards: Map<string, Position> | undefined;
    for (const bound of context.bound) {
      if (!createsProvider(bound)) continue;
      const identity = bound.identity;
      if (identity === undefined) continue;
      guards ??= firstGuards(context.bound);
      const guard = guards.get(identity.toLowerCase());
      if (guard && comparePositions(guard, bound.command.range.start) < 0) continue;
      // (The same finding while the command is unchanged: an edit elsewhere does not make it again.)
      context.report(context.perCommand(bound, unguarded));
    }
  },
};

function unguarded(bound: BoundCommand, context: RuleContext): FindingInput {
  // (Only commands with an identity are reported.)
  const identity = bound.identity ?? '';
  const index = context.index;
  const line = bound.command.range.start.line;
  const lineStart = { line, character: 0 };
  const indentation = indentationAt(index, line);
  return {
    range: bound.command.nameRange,
    message: `Running this script twice fails here: the provider ${shown(identity)} exists after the first run. Remove it first when it exists, as the setup pages do.`,
    fixes: [
      {
        title: `Insert a guarded Remove-CsPublicProvider for ${identity}`,
        edits: [{ range: { start: lineStart, end: lineStart }, newText: `${indentation}${guardedRemoveCommand(identity)}\n` }],
        safe: false,
      },
    ],
  };
}
