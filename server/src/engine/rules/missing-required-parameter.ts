import type { ParameterSpec } from '../catalog';
import type { BoundCommand } from '../bind';
import { orList } from '../util/distance';
import type { Rule } from './rule';

/** Required parameters of a set that the command neither names, nor binds by position, nor gets from the pipeline. */
function missingIn(bound: BoundCommand, set: string): ParameterSpec[] {
  const supplied = new Set<ParameterSpec>([...bound.parameters.map((b) => b.parameter), ...(bound.sets.positionalBindings.get(set) ?? [])]);
  return bound.cmdlet.parameters.filter(
    (parameter) => parameter.sets.some((m) => m.set === set && m.required && !(bound.command.pipelineInput && m.pipeline)) && !supplied.has(parameter),
  );
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
    // Most commands have a set with nothing missing: stop at the first one.
    const missingPerSet: { set: string; missing: ParameterSpec[] }[] = [];
    for (const set of candidates) {
      const missing = missingIn(bound, set);
      if (missing.length === 0) break;
      missingPerSet.push({ set, missing });
    }
    if (missingPerSet.length < candidates.length) return;
    const preferred =
      missingPerSet.find((s) => s.set === bound.cmdlet.defaultParameterSet) ?? [...missingPerSet].sort((a, b) => a.missing.length - b.missing.length)[0];
    const names = preferred.missing.map((p) => p.name);
    context.report({
      range: bound.command.nameRange,
      message: `${bound.cmdlet.name} needs ${orList(names, '-', 'and')}; without ${names.length > 1 ? 'them' : 'it'} PowerShell stops and prompts for a value.`,
    });
  },
};
