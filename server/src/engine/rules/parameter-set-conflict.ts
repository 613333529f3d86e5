import type { Rule } from './rule';

export const parameterSetConflict: Rule = {
  meta: {
    id: 'parameter-set-conflict',
    summary: 'Parameters that belong to different parameter sets and cannot be used together.',
    defaultSeverity: 'error',
    since: '0.1.0',
  },
  checkBound(bound, context) {
    for (const conflict of bound.sets.conflicting) {
      const others = bound.parameters.filter((b) => b !== conflict && !bound.sets.conflicting.includes(b)).map((b) => `-${b.parameter.name}`);
      const sets = conflict.parameter.sets.map((s) => s.set).join(', ');
      context.report({
        range: conflict.written.range,
        message: `-${conflict.parameter.name} cannot be combined with ${others.join(', ') || 'the other parameters'} in ${bound.cmdlet.name}: it belongs to the parameter set ${sets} only.`,
      });
    }
  },
};
