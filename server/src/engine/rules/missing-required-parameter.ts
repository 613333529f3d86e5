import type { CmdletSpec, ParameterSpec } from '../catalog';
import { KeyedCache } from '../util/cache';
import type { BoundCommand } from '../bind';
import { orList } from '../util/distance';
import type { Rule } from './rule';

/** A parameter a set requires, and whether that set lets it come from the pipeline. */
interface Requirement {
  readonly parameter: ParameterSpec;
  readonly pipeline: boolean;
}

/** The parameters each set of a cmdlet requires (once per cmdlet and set: a lint checks thousands of commands). */
const requirements = new KeyedCache((cmdlet: CmdletSpec, set: string): readonly Requirement[] => {
  const required: Requirement[] = [];
  for (const parameter of cmdlet.parameters) {
    const membership = parameter.sets.find((m) => m.set === set && m.required);
    if (membership) required.push({ parameter, pipeline: membership.pipeline });
  }
  return required;
});

/** Required parameters of a set that the command neither names, nor binds by position, nor gets from the pipeline. */
function missingIn(bound: BoundCommand, set: string): ParameterSpec[] {
  const missing: ParameterSpec[] = [];
  for (const requirement of requirements.get(bound.cmdlet, set)) if (isMissing(bound, set, requirement)) missing.push(requirement.parameter);
  return missing;
}

/** Whether a set has all its mandatory parameters on the command (no list made: most commands have such a set). */
function isComplete(bound: BoundCommand, set: string): boolean {
  for (const requirement of requirements.get(bound.cmdlet, set)) if (isMissing(bound, set, requirement)) return false;
  return true;
}

function isMissing(bound: BoundCommand, set: string, { parameter, pipeline }: Requirement): boolean {
  if (pipeline && bound.command.pipelineInput) return false;
  if (bound.parameters.some((b) => b.parameter === parameter)) return false;
  return !bound.sets.positionalBindings.get(set)?.includes(parameter);
}

export const missingRequiredParameter: Rule = {
  meta: {
    id: 'missing-required-parameter',
    summary: 'A mandatory parameter is missing (PowerShell would stop and prompt for it).',
    defaultSeverity: 'error',
    since: '0.1.0',
  },
  checkBound(bound, context) {
    const { candidates, conflicting } = bound.sets;
    if (bound.openSplat || conflicting.length > 0 || candidates.length === 0) return;
    for (const set of candidates) if (isComplete(bound, set)) return;
    const missingPerSet = candidates.map((set) => ({ set, missing: missingIn(bound, set) }));
    const preferred =
      missingPerSet.find((s) => s.set === bound.cmdlet.defaultParameterSet) ?? [...missingPerSet].sort((a, b) => a.missing.length - b.missing.length)[0];
    const names = preferred.missing.map((p) => p.name);
    context.report({
      range: bound.command.nameRange,
      message: `${bound.cmdlet.name} needs ${orList(names, '-', 'and')}; without ${names.length > 1 ? 'them' : 'it'} PowerShell stops and prompts for a value.`,
    });
  },
};
