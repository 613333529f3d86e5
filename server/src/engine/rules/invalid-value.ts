import type { ParameterSpec } from '../catalog';
import type { BoundParameter } from '../bind';
import { replaceFix } from '../fix/edits';
import type { ArgumentValue } from '../parse/commands';
import { KeyedCache } from '../util/cache';
import { nearest, orList } from '../util/distance';
import { shownArgument } from '../util/show';
import type { Fix, FindingInput, Rule } from './rule';

const BOOLEAN_WORDS: Readonly<Record<string, string>> = { true: '$true', false: '$false', yes: '$true', no: '$false', $true: '$true', $false: '$false' };

/** Whether the text alone tells the value (computed values are not judged). */
function isLiteral(value: ArgumentValue): boolean {
  return value.kind === 'bareword' || value.kind === 'string' || value.kind === 'number' || value.kind === 'boolean';
}

function checkBoolean(parameter: ParameterSpec, value: ArgumentValue): FindingInput | undefined {
  if (value.kind === 'boolean' || (value.kind === 'number' && (value.literal === '1' || value.literal === '0'))) return undefined;
  if (!isLiteral(value) && value.kind !== 'array') return undefined;
  const replacement = value.literal ? BOOLEAN_WORDS[value.literal.toLowerCase()] : undefined;
  const fixes: Fix[] = replacement ? [replaceFix(`Change to ${replacement}`, value.range, replacement, true)] : [];
  return {
    range: value.range,
    message: `-${parameter.name} is a Boolean: write $true or $false (1 or 0 also work), not ${shownArgument(value)}. PowerShell does not convert text to a Boolean parameter.`,
    fixes,
  };
}

/** The values a wrong one may mean, per parameter: a script repeats its mistakes. */
const enumSuggestions = new KeyedCache(
  (parameter: ParameterSpec, written: string): readonly string[] => nearest(written, parameter.enumValues ?? [], 4),
  1_000,
);

function checkEnum(parameter: ParameterSpec, value: ArgumentValue): FindingInput | undefined {
  const names = parameter.enumValues ?? [];
  if (value.kind === 'number') {
    const number = Number(value.literal);
    if (Number.isInteger(number) && number >= 0 && number < names.length) return undefined;
    return {
      range: value.range,
      message: `${shownArgument(value)} is not a value of -${parameter.name}: use ${orList(names, '')} (or 0 to ${names.length - 1}).`,
    };
  }
  if ((value.kind !== 'bareword' && value.kind !== 'string') || value.literal === undefined) return undefined;
  const literal = value.literal;
  if (names.some((n) => n.toLowerCase() === literal.toLowerCase())) return undefined;
  const suggestions = enumSuggestions.get(parameter, literal);
  return {
    range: value.range,
    message: `${shownArgument(value)} is not a value of -${parameter.name}: use ${orList(names, '')}.`,
    fixes: suggestions.slice(0, 1).map((s) => replaceFix(`Change to ${s}`, value.range, s, false)),
  };
}

function checkInteger(parameter: ParameterSpec, value: ArgumentValue): FindingInput | undefined {
  if (value.kind === 'number' || !isLiteral(value) || value.literal === undefined) return undefined;
  if (/^\s*[+-]?\d+\s*$/.test(value.literal)) return undefined;
  return { range: value.range, message: `-${parameter.name} takes a whole number, not ${shownArgument(value)}.` };
}

function checkValue(binding: BoundParameter): FindingInput | undefined {
  const { parameter, value } = binding;
  if (!value) return undefined;
  switch (parameter.kind) {
    case 'boolean':
      return checkBoolean(parameter, value);
    case 'switch':
      return binding.written.colon ? checkBoolean(parameter, value) : undefined;
    case 'enum':
      return checkEnum(parameter, value);
    case 'integer':
      return checkInteger(parameter, value);
    default:
      return undefined;
  }
}

export const invalidValue: Rule = {
  meta: {
    id: 'invalid-value',
    summary: 'A value of the wrong type: a Boolean that is not $true/$false, an unknown enumeration name, a value given to a switch.',
    defaultSeverity: 'error',
    since: '0.1.0',
  },
  checkBound(bound, context) {
    for (const binding of bound.parameters) {
      const finding = checkValue(binding);
      if (finding) context.report(finding);
    }
    for (const { value, afterSwitch } of bound.positional) {
      if (!afterSwitch) continue;
      const name = afterSwitch.parameter.name;
      const fixes =
        value.kind === 'boolean'
          ? [replaceFix(`Change to -${name}:${value.text}`, { start: afterSwitch.written.range.start, end: value.range.end }, `-${name}:${value.text}`, true)]
          : [];
      context.report({
        range: value.range,
        message: `-${name} is a switch: ${shownArgument(value)} is not its value here. Write -${name} alone, or -${name}:${value.text} with a colon.`,
        fixes,
      });
    }
  },
};
