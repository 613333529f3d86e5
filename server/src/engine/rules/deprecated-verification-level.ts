import { removeArgumentFix } from '../fix/edits';
import { literalOf, parameterNamed } from '../skype';
import type { Rule } from './rule';
import { shown } from '../util/show';

const SFB_TARGETS = new Set(['sfb2015', 'sfb2019', 'sfbse']);

/** The enumeration name of a VerificationLevel value: its name, or (by the documented order) its number. */
export function verificationLevelName(value: string, names: readonly string[]): string | undefined {
  if (/^\d+$/.test(value)) return names[Number(value)];
  return names.find((n) => n.toLowerCase() === value.toLowerCase());
}

export const deprecatedVerificationLevel: Rule = {
  meta: {
    id: 'deprecated-verification-level',
    summary: 'UseSourceVerification (2) for a public provider on Skype for Business Server, where it is deprecated.',
    defaultSeverity: 'warning',
    since: '0.1.0',
  },
  appliesTo: (cmdlet) => /-CsPublicProvider$/i.test(cmdlet.name),
  checkBound(bound, context) {
    if (!SFB_TARGETS.has(context.target)) return;
    const binding = parameterNamed(bound, 'VerificationLevel');
    const value = literalOf(binding);
    if (!binding || value === undefined) return;
    const name = verificationLevelName(value, binding.parameter.enumValues ?? []);
    if (name !== 'UseSourceVerification') return;
    const reading = /^\d+$/.test(value) ? ` (${shown(value)} reads as ${name} by the documented order of the names)` : '';
    context.report({
      range: binding.value?.range ?? binding.written.range,
      message: `UseSourceVerification${reading} is deprecated for public providers on Skype for Business Server; leave -VerificationLevel out (the default is AlwaysVerifiable), as the Skype for Business setup page does.`,
      fixes: [removeArgumentFix('Remove -VerificationLevel', context.index, binding, false)],
    });
  },
};
