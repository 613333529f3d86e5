import type { CmdletSpec } from '../catalog';
import { replaceFix } from '../fix/edits';
import { KeyedCache } from '../util/cache';
import { nearest, orList, typoTolerance } from '../util/distance';
import { createOnlyParameters } from './create-only-parameter';
import { teamsExplains } from '../module-context';
import type { Rule } from './rule';

const RISK_MITIGATION = new Set(['whatif', 'confirm']);

/** The parameters a misspelt name may mean, per cmdlet: a script often repeats the same typo. */
const suggestionCache = new KeyedCache(
  (cmdlet: CmdletSpec, written: string): readonly string[] =>
    nearest(
      written,
      cmdlet.parameters.map((p) => p.name),
      typoTolerance(written),
    ).slice(0, 3),
  1_000,
);

export const unknownParameter: Rule = {
  meta: {
    id: 'unknown-parameter',
    summary: 'A parameter that the cmdlet does not have (nor as a prefix, alias or common parameter).',
    defaultSeverity: 'error',
    since: '0.1.0',
  },
  checkBound(bound, context) {
    if (bound.unresolved.length === 0) return;
    // create-only-parameter explains those that the New- cmdlet of the same noun has.
    const explained = new Set(createOnlyParameters(context.catalog, bound).map((u) => u.written));
    for (const { written, ambiguousWith } of bound.unresolved) {
      if (ambiguousWith || explained.has(written)) continue;
      // In a script that looks like an unmarked Teams script, teams-context explains the Teams parameters once.
      if (teamsExplains(context, bound.command, bound.cmdlet.name, written.name)) continue;
      const retired = context.catalog.retiredParameter(bound.cmdlet, written.name);
      // Pages dropped -WhatIf and -Confirm while the cmdlets may still take them: no consistent evidence of an error.
      if (retired && RISK_MITIGATION.has(retired.name.toLowerCase())) continue;
      const suggestions = suggestionCache.get(bound.cmdlet, written.name);
      const hint = suggestions.length > 0 ? ` Did you mean ${orList(suggestions)}?` : '';
      const why = retired
        ? ` The MicrosoftTeams module dropped -${retired.name}: Microsoft's reference removed it on ${retired.removed} (commit ${retired.commit}).`
        : '';
      const dash = written.viaSplat ? '' : written.alternativeDash ? '\u2013' : '-';
      context.report({
        range: written.range,
        message: `${bound.cmdlet.name} has no parameter -${written.name}.${why}${hint}`,
        fixes: suggestions.map((s) =>
          replaceFix(`Change to -${s}`, written.range, `${dash}${s}${written.colon && !written.viaSplat ? ':' : ''}`, suggestions.length === 1),
        ),
      });
    }
  },
};
