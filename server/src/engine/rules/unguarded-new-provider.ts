import type { BoundCommand } from '../bind';
import { indentationAt } from '../fix/edits';
import { guardedRemoveCommand, isCmdlet, parameterNamed } from '../skype';
import type { FindingInput, Rule, RuleContext } from './rule';
import { comparePositions, type Position } from '../text';
import { shown } from '../util/show';

/** Whether a command makes a later New-CsPublicProvider of the same identity safe (or at least deliberate). */
function isGuard(bound: BoundCommand): boolean {
  return isCmdlet(bound, 'Remove-CsPublicProvider') || isCmdlet(bound, 'Get-CsPublicProvider');
}

/** `New-CsPublicProvider … -InMemory` creates an object in memory only (Microsoft's example 2): nothing is stored. */
export function createsProvider(bound: BoundCommand): boolean {
  return isCmdlet(bound, 'New-CsPublicProvider') && parameterNamed(bound, 'InMemory') === undefined;
}

/** A command that stores a public provider or guards one, and which of the two. */
export interface ProviderCommand {
  readonly bound: BoundCommand;
  /** A Remove- or Get-CsPublicProvider (`isGuard`); else a New-CsPublicProvider that stores one (`createsProvider`). */
  readonly guard: boolean;
  /** Its Identity in lower case, if it has one written. */
  readonly identity: string | undefined;
}

/** The public-provider commands of each lint, by its list of bound commands (`providerCommands`). */
const providerCommandsOf = new WeakMap<readonly BoundCommand[], readonly ProviderCommand[]>();

/**
 * What each bound command of a public-provider cmdlet is to these rules (null: neither kind). A binding is kept from
 * one lint to the next while its command is unchanged, and so is this: a keystroke in a script of 1,400 provider
 * commands does not look at their parameters or lower-case their identities again.
 */
const providerCommandOf = new WeakMap<BoundCommand, ProviderCommand | null>();

/**
 * The commands of a script that store a provider or guard one, in order: found once a lint for the rules that ask
 * (this one and duplicate-new-provider). On a keystroke in a large script, each pass over all its commands is much of
 * what a lint costs.
 */
export function providerCommands(all: readonly BoundCommand[]): readonly ProviderCommand[] {
  let found = providerCommandsOf.get(all);
  if (!found) {
    const list: ProviderCommand[] = [];
    for (const bound of all) {
      // (Most commands are of other cmdlets: passed over before the look-up.)
      if (!PROVIDER_CMDLETS.has(bound.cmdlet.name)) continue;
      const command = providerCommand(bound);
      if (command) list.push(command);
    }
    found = list;
    providerCommandsOf.set(all, found);
  }
  return found;
}

const PROVIDER_CMDLETS: ReadonlySet<string> = new Set(['New-CsPublicProvider', 'Get-CsPublicProvider', 'Remove-CsPublicProvider']);

function providerCommand(bound: BoundCommand): ProviderCommand | undefined {
  let command = providerCommandOf.get(bound);
  if (command === undefined) {
    const guard = isGuard(bound);
    command = guard || createsProvider(bound) ? { bound, guard, identity: bound.identity?.toLowerCase() } : null;
    providerCommandOf.set(bound, command);
  }
  return command ?? undefined;
}

/**
 * The New-CsPublicProvider commands that store a provider, and where the first Remove- or Get-CsPublicProvider of each
 * identity (lower case) starts: such a guard before a New-CsPublicProvider of its identity makes a re-run safe (or at
 * least deliberate).
 */
function providersAndFirstGuards(all: readonly BoundCommand[]): { providers: ProviderCommand[]; guards: Map<string, Position> } {
  const providers: ProviderCommand[] = [];
  const guards = new Map<string, Position>();
  for (const command of providerCommands(all)) {
    const identity = command.identity;
    if (identity === undefined) continue;
    if (!command.guard) {
      providers.push(command);
      continue;
    }
    const start = command.bound.command.range.start;
    const known = guards.get(identity);
    if (!known || comparePositions(start, known) < 0) guards.set(identity, start);
  }
  return { providers, guards };
}

export const unguardedNewProvider: Rule = {
  meta: {
    id: 'unguarded-new-provider',
    summary: 'New-CsPublicProvider that fails when the script runs a second time, because the provider then exists.',
    defaultSeverity: 'info',
    since: '0.1.0',
  },
  checkScript(context) {
    const { providers, guards } = providersAndFirstGuards(context.bound);
    for (const { bound, identity } of providers) {
      const guard = identity === undefined ? undefined : guards.get(identity);
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
