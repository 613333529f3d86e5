import { availableOn } from '../catalog';
import { appendArgumentsFix, replaceFix } from '../fix/edits';
import { isServerCmdlet, isSkypeProvider, parameterNamed, SKYPE } from '../skype';
import type { ArgumentValue } from '../parse/commands';
import type { Fix, Rule } from './rule';
import { shown } from '../util/show';

const DOCUMENTED_DOMAINS = SKYPE.excludedDomainList.split(',');
const DOCUMENTED_VALUE = `"${SKYPE.excludedDomainList}"`;

/** What is wrong with the text of the list, or undefined when it is one well-formed comma-separated string. */
function listProblem(value: ArgumentValue): string | undefined {
  if (value.kind === 'array') return 'is one string of comma-separated domains, not an array: write it in one pair of quotes';
  const literal = value.literal;
  if (literal === undefined) return undefined;
  if (literal.includes(';')) return 'separates domains with commas, not semicolons';
  if (/\s/.test(literal.trim()) || /,\s|\s,/.test(literal)) return 'takes domains separated by commas only, without spaces';
  const domains = literal
    .split(',')
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);
  const duplicates = domains.filter((d, i) => domains.indexOf(d) !== i);
  if (duplicates.length > 0) return `lists ${[...new Set(duplicates)].map(shown).join(', ')} more than once`;
  return undefined;
}

function missingDomains(value: ArgumentValue): string[] {
  const domains = (value.literal ?? '').split(/[,;\s]+/).map((d) => d.toLowerCase());
  return DOCUMENTED_DOMAINS.filter((d) => !domains.includes(d));
}

export const skypeExcludedDomains: Rule = {
  meta: {
    id: 'skype-excluded-domains',
    summary: `-NameDecorationExcludedDomainList is one comma-separated string; for Skype it lists ${DOCUMENTED_DOMAINS.join(', ')}.`,
    defaultSeverity: 'warning',
    since: '0.1.0',
  },
  appliesTo: (cmdlet) => isServerCmdlet(cmdlet, 'New-CsPublicProvider'),
  checkBound(bound, context) {
    const spec = bound.cmdlet.parameters.find((p) => p.name === 'NameDecorationExcludedDomainList');
    const binding = parameterNamed(bound, 'NameDecorationExcludedDomainList');
    const skype = isSkypeProvider(bound);
    if (!binding) {
      if (skype && !bound.openSplat && spec && availableOn(spec, context.target)) {
        context.report({
          range: bound.command.nameRange,
          message: `The Skype provider should list ${DOCUMENTED_VALUE} in -NameDecorationExcludedDomainList, as the setup pages document.`,
          fixes: [
            appendArgumentsFix(
              'Add the documented -NameDecorationExcludedDomainList',
              bound.command,
              `-NameDecorationExcludedDomainList ${DOCUMENTED_VALUE}`,
              true,
            ),
          ],
        });
      }
      return;
    }
    if (!binding.value) return;
    const fix: Fix[] = skype ? [replaceFix(`Change to ${DOCUMENTED_VALUE}`, binding.value.range, DOCUMENTED_VALUE, true)] : [];
    const problem = listProblem(binding.value);
    if (problem) {
      context.report({ range: binding.value.range, message: `-NameDecorationExcludedDomainList ${problem}.`, fixes: fix });
      return;
    }
    const missing = skype && binding.value.literal !== undefined ? missingDomains(binding.value) : [];
    if (missing.length > 0) {
      context.report({
        range: binding.value.range,
        message: `The Skype provider's -NameDecorationExcludedDomainList lacks ${missing.map(shown).join(', ')}; the documented list is ${DOCUMENTED_VALUE}.`,
        fixes: fix,
      });
    }
  },
};
