import type { BoundCommand, UnresolvedParameter } from '../bind';
import { availableOn, SERVER_VERSION_NAMES, type CatalogVersion, type TargetVersion } from '../catalog';
import { removeArgumentFix } from '../fix/edits';
import type { LineIndex } from '../text';
import { teamsExplains } from '../module-context';
import { createOnlyParametersOn, creatingCmdlet } from './create-only-parameter';
import type { Fix, Rule } from './rule';

/** The target version, as a message names it. */
export const targetName = (target: TargetVersion): string => (target === 'any' ? 'any server' : SERVER_VERSION_NAMES[target]);

/** Where a parameter or cmdlet is available: its versions, or undefined (Teams / Skype for Business Online) when it has none. */
export function availability({ versions }: { readonly versions: readonly CatalogVersion[] }): string | undefined {
  return versions.length === 0 ? undefined : versions.map((v) => SERVER_VERSION_NAMES[v]).join(', ');
}

/** Removes an unresolved `-Name` token and the value written after it (not for a splatted key). */
function removeUnresolvedFix(index: LineIndex, bound: BoundCommand, { written }: UnresolvedParameter): Fix | undefined {
  if (written.viaSplat) return undefined;
  const elements = bound.command.elements;
  const at = elements.findIndex((e) => e.type === 'parameter' && e.range === written.range);
  if (at < 0) return undefined;
  const next = elements[at + 1];
  const value = next?.type === 'value' ? next.value : undefined;
  return removeArgumentFix(`Remove -${written.name}`, index, { written, value }, false);
}

export const versionUnavailableParameter: Rule = {
  meta: {
    id: 'version-unavailable-parameter',
    summary: 'A parameter that the target server version does not have (or that only Microsoft Teams has).',
    defaultSeverity: 'error',
    since: '0.1.0',
  },
  checkBound(bound, context) {
    const target = targetName(context.target);
    for (const binding of bound.parameters) {
      const { parameter } = binding;
      if (availableOn(parameter, context.target)) continue;
      // In a script that looks like an unmarked Teams script, teams-context explains the Teams parameters once.
      if (parameter.versions.length === 0 && teamsExplains(context, bound.command, bound.cmdlet.name, parameter.name)) continue;
      const where = availability(parameter);
      const message =
        where === undefined
          ? `-${parameter.name} of ${bound.cmdlet.name} belongs to Microsoft Teams / Skype for Business Online; no Lync or Skype for Business Server version has it.`
          : `-${parameter.name} of ${bound.cmdlet.name} does not exist on ${target}; it is available on ${where}.`;
      context.report({ range: binding.written.range, message, fixes: [removeArgumentFix(`Remove -${parameter.name}`, context.index, binding, false)] });
    }
    // A Set- command with a parameter only its New- cmdlet has, which the target version's New- cmdlet lacks too:
    // the version is the first thing to say (create-only-parameter leaves these alone).
    if (bound.unresolved.length === 0) return;
    const unavailable = createOnlyParametersOn(context.catalog, bound, context.target).unavailable;
    if (unavailable.length === 0) return;
    const creator = creatingCmdlet(context.catalog, bound)?.name ?? 'the New- cmdlet';
    for (const { unresolved, parameter } of unavailable) {
      const where = availability(parameter);
      const message =
        where === undefined
          ? `-${parameter.name} belongs to Microsoft Teams / Skype for Business Online; no Lync or Skype for Business Server version has it (and ${bound.cmdlet.name} never has it).`
          : `-${parameter.name} does not exist on ${target}: ${bound.cmdlet.name} never has it, and ${creator} has it only on ${where}.`;
      const fix = removeUnresolvedFix(context.index, bound, unresolved);
      context.report({ range: unresolved.written.range, message, fixes: fix ? [fix] : [] });
    }
  },
};
