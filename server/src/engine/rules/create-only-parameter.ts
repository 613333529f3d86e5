import type { BoundCommand, UnresolvedParameter } from '../bind';
import { availableOn, type Catalog, type CmdletSpec, type ParameterSpec, type TargetVersion } from '../catalog';
import type { Fix, Rule } from './rule';
import type { LineIndex } from '../text';

/** The New- cmdlet of a Set- cmdlet's noun in the same module, when the catalogue has it. */
export function creatingCmdlet(catalog: Catalog, bound: BoundCommand): CmdletSpec | undefined {
  const match = /^Set-(.+)$/i.exec(bound.cmdlet.name);
  return match ? catalog.cmdlet(`New-${match[1]}`, bound.cmdlet.module) : undefined;
}

/** Parameters written on a Set- command that only its New- cmdlet has. */
export function createOnlyParameters(catalog: Catalog, bound: BoundCommand): UnresolvedParameter[] {
  const creator = creatingCmdlet(catalog, bound);
  if (!creator) return [];
  return bound.unresolved.filter((u) => !u.ambiguousWith && catalog.resolveParameter(creator, u.written.name).status === 'parameter');
}

/** A parameter written on a Set- command that only its New- cmdlet has, with the New- cmdlet's parameter. */
export interface CreateOnlyParameter {
  readonly unresolved: UnresolvedParameter;
  readonly parameter: ParameterSpec;
}

/**
 * The create-only parameters of a Set- command, split by whether the New- cmdlet has them on the target version.
 * Those it lacks there are version-unavailable-parameter's to report, not create-only-parameter's: recreating the
 * object would not help.
 */
export function createOnlyParametersOn(
  catalog: Catalog,
  bound: BoundCommand,
  target: TargetVersion,
): { available: CreateOnlyParameter[]; unavailable: CreateOnlyParameter[] } {
  const available: CreateOnlyParameter[] = [];
  const unavailable: CreateOnlyParameter[] = [];
  const creator = creatingCmdlet(catalog, bound);
  if (!creator) return { available, unavailable };
  for (const unresolved of createOnlyParameters(catalog, bound)) {
    const resolution = catalog.resolveParameter(creator, unresolved.written.name);
    if (resolution.status !== 'parameter') continue;
    (availableOn(resolution.parameter, target) ? available : unavailable).push({ unresolved, parameter: resolution.parameter });
  }
  return { available, unavailable };
}

/**
 * Rewrites `Set-X -Identity I …` as `Remove-X -Identity I` followed by `New-X -Identity I …`, when the New- command
 * would get every parameter it requires.
 */
function recreateFix(catalog: Catalog, index: LineIndex, bound: BoundCommand, createOnly: readonly UnresolvedParameter[]): Fix | undefined {
  const creator = creatingCmdlet(catalog, bound);
  const identity = bound.identity;
  if (!creator || identity === undefined || bound.openSplat || bound.command.pipelineInput) return undefined;
  const written = bound.parameters.map((p) => p.parameter.name).concat(createOnly.map((u) => u.written.name));
  const given = new Set(
    written.map((name) => {
      const r = catalog.resolveParameter(creator, name);
      return r.status === 'parameter' ? r.parameter.name : name;
    }),
  );
  const required = creator.parameters.filter((p) => p.sets.every((s) => s.required) && p.name !== 'Identity');
  if (required.some((p) => !given.has(p.name)) || given.has('Instance')) return undefined;
  const noun = creator.name.slice('New-'.length);
  const text = index.textIn(bound.command.range);
  const indentation = /^[ \t]*/.exec(index.lineText(bound.command.range.start.line))?.[0] ?? '';
  const quoted = `'${identity.replace(/'/g, "''")}'`;
  const newCommand = creator.name + text.slice(bound.command.name.length);
  return {
    title: `Remove ${identity} and create it again with New-${noun}`,
    edits: [{ range: bound.command.range, newText: `Remove-${noun} -Identity ${quoted} -Confirm:$false\n${indentation}${newCommand}` }],
    safe: false,
  };
}

export const createOnlyParameter: Rule = {
  meta: {
    id: 'create-only-parameter',
    summary: 'A Set- command that tries to change a setting which can only be given when the object is created.',
    defaultSeverity: 'error',
    since: '0.1.0',
  },
  appliesTo: (cmdlet) => /^Set-/i.test(cmdlet.name),
  checkBound(bound, context) {
    if (bound.unresolved.length === 0) return;
    const createOnly = createOnlyParametersOn(context.catalog, bound, context.target).available.map((c) => c.unresolved);
    if (createOnly.length === 0) return;
    const creator = creatingCmdlet(context.catalog, bound);
    const fix = recreateFix(context.catalog, context.index, bound, createOnly);
    for (const { written } of createOnly) {
      context.report({
        range: written.range,
        message: `${bound.cmdlet.name} cannot change -${written.name}: only ${creator?.name ?? 'the New- cmdlet'} sets it. Remove the object and create it again with the new value.`,
        fixes: fix ? [fix] : [],
      });
    }
  },
};
