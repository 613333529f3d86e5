import type { Catalog, CmdletSpec, CommonParameter, ParameterSpec } from './catalog';
import type { ArgumentValue, CommandElement, ParameterToken, ScriptCommand } from './parse/commands';
import type { Range } from './text';
import { KeyedCache } from './util/cache';

/** A parameter as written (on the command line or as a splatted hashtable key). */
export interface WrittenParameter {
  readonly name: string;
  readonly range: Range;
  readonly colon: boolean;
  readonly alternativeDash: boolean;
  /** Came from a `@splat` hashtable key rather than a `-Name` token. */
  readonly viaSplat: boolean;
}

/** A written parameter resolved to a catalogued one. */
export interface BoundParameter {
  readonly parameter: ParameterSpec;
  readonly written: WrittenParameter;
  /** The value, if one follows; undefined for a switch without the colon form, or when it is missing. */
  readonly value?: ArgumentValue;
}

export interface BoundCommon {
  readonly parameter: CommonParameter;
  readonly written: WrittenParameter;
  readonly value?: ArgumentValue;
}

export interface UnresolvedParameter {
  readonly written: WrittenParameter;
  /** Several parameters start with what was written. */
  readonly ambiguousWith?: readonly string[];
}

/** A positional value: bound to a parameter by position, or left over. */
export interface PositionalValue {
  readonly value: ArgumentValue;
  /** The switch written right before this value (`-Force $true`): PowerShell does not give the value to the switch. */
  readonly afterSwitch?: BoundParameter;
}

/** A command of the catalogue with its arguments bound the way PowerShell's binder would. */
export interface BoundCommand {
  readonly command: ScriptCommand;
  readonly cmdlet: CmdletSpec;
  readonly parameters: readonly BoundParameter[];
  readonly common: readonly BoundCommon[];
  readonly unresolved: readonly UnresolvedParameter[];
  readonly positional: readonly PositionalValue[];
  /** A splat whose content is not known: it may supply any parameter. */
  readonly openSplat: boolean;
  readonly sets: SetResolution;
  /** The Identity written on the command, by name or as the first positional value; undefined when computed. */
  readonly identity: string | undefined;
}

export function bindCommand(command: ScriptCommand, cmdlet: CmdletSpec, catalog: Catalog): BoundCommand {
  const parameters: BoundParameter[] = [];
  const common: BoundCommon[] = [];
  const unresolved: UnresolvedParameter[] = [];
  const positional: PositionalValue[] = [];
  let openSplat = false;

  const bindWritten = (written: WrittenParameter, nextValue: () => ArgumentValue | undefined, isSwitchAllowedValue: boolean): void => {
    const resolution = catalog.resolveParameter(cmdlet, written.name);
    if (resolution.status === 'parameter') {
      const takesValue = resolution.parameter.kind !== 'switch' || isSwitchAllowedValue;
      parameters.push({ parameter: resolution.parameter, written, value: takesValue ? nextValue() : undefined });
    } else if (resolution.status === 'common') {
      const takesValue = resolution.parameter.takesValue || isSwitchAllowedValue;
      common.push({ parameter: resolution.parameter, written, value: takesValue ? nextValue() : undefined });
    } else {
      // The value after an unknown parameter most likely belonged to it: do not report it again as positional.
      nextValue();
      unresolved.push({ written, ambiguousWith: resolution.status === 'ambiguous' ? resolution.candidates : undefined });
    }
  };

  const elements = command.elements;
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i];
    if (element.type === 'parameter') {
      const written = fromToken(element);
      const nextValue = (): ArgumentValue | undefined => {
        const next: CommandElement | undefined = elements[i + 1];
        if (next?.type !== 'value') return undefined;
        i++;
        return next.value;
      };
      bindWritten(written, nextValue, element.colon);
      const last = parameters.at(-1);
      const next = elements[i + 1];
      if (last?.written === written && last.parameter.kind === 'switch' && !element.colon && next?.type === 'value') {
        positional.push({ value: next.value, afterSwitch: last });
        i++;
      }
    } else if (element.type === 'value') {
      positional.push({ value: element.value });
    } else if (element.entries) {
      for (const entry of element.entries) {
        const written: WrittenParameter = { name: entry.name, range: entry.nameRange, colon: true, alternativeDash: false, viaSplat: true };
        bindWritten(written, () => entry.value, true);
      }
    } else {
      openSplat = true;
    }
  }
  const sets = resolveParameterSets(cmdlet, parameters, positional);
  return { command, cmdlet, parameters, common, unresolved, positional, openSplat, sets, identity: writtenIdentity(parameters, positional) };
}

/** Many rules ask for a command's Identity: found once, when it is bound. */
function writtenIdentity(parameters: readonly BoundParameter[], positional: readonly PositionalValue[]): string | undefined {
  const named = parameters.find((binding) => binding.parameter.name === 'Identity');
  const value = named ? named.value : positional[0] && !positional[0].afterSwitch ? positional[0].value : undefined;
  if (!value) return undefined;
  return value.kind === 'bareword' || value.kind === 'string' || (named && value.kind === 'number') ? value.literal : undefined;
}

function fromToken(token: ParameterToken): WrittenParameter {
  return { name: token.name, range: token.range, colon: token.colon, alternativeDash: token.alternativeDash, viaSplat: false };
}

/** The outcome of choosing a parameter set for a bound command. */
export interface SetResolution {
  /** Sets that admit every named parameter and every positional value. */
  readonly candidates: readonly string[];
  /** Named parameters that share no parameter set with the ones written before them. */
  readonly conflicting: readonly BoundParameter[];
  /** Positional values that no parameter takes in any set the named parameters allow. */
  readonly surplus: readonly PositionalValue[];
  /** For each candidate set, the positional parameter each positional value binds to (none when a set is absent). */
  readonly positionalBindings: ReadonlyMap<string, readonly ParameterSpec[]>;
}

const NONE: readonly never[] = [];
const NO_BINDINGS: ReadonlyMap<string, readonly ParameterSpec[]> = new Map<string, readonly ParameterSpec[]>();

/** Works out which parameter sets the written arguments allow, as PowerShell does before running a cmdlet. */
function resolveParameterSets(cmdlet: CmdletSpec, parameters: readonly BoundParameter[], positional: readonly PositionalValue[]): SetResolution {
  let byNamed: readonly string[] = cmdlet.parameterSets;
  const conflicting: BoundParameter[] = [];
  for (const binding of parameters) {
    const sets = binding.parameter.sets;
    const narrowed = byNamed.filter((set) => sets.some((s) => s.set === set));
    if (narrowed.length === 0) conflicting.push(binding);
    else byNamed = narrowed;
  }

  // Without positional values every set the named parameters allow is a candidate, and binds none.
  if (positional.length === 0) return { candidates: byNamed, conflicting, surplus: NONE, positionalBindings: NO_BINDINGS };
  const positionalBindings = new Map<string, readonly ParameterSpec[]>();
  const count = positional.length;
  let fewestSurplus: readonly PositionalValue[] | undefined;
  for (const set of byNamed) {
    // The set's positional parameters not named on the command, in position order, as many as there are values.
    const slots: ParameterSpec[] = [];
    for (const parameter of positionalSlots.get(cmdlet, set)) {
      if (slots.length === count) break;
      if (!parameters.some((b) => b.parameter === parameter)) slots.push(parameter);
    }
    const surplus = positional.slice(slots.length);
    if (surplus.length === 0) positionalBindings.set(set, slots);
    if (!fewestSurplus || surplus.length < fewestSurplus.length) fewestSurplus = surplus;
  }
  const candidates = byNamed.filter((set) => positionalBindings.has(set));
  return { candidates, conflicting, surplus: candidates.length > 0 ? [] : (fewestSurplus ?? []), positionalBindings };
}

/** The positional parameters of a parameter set, in position order (once per cmdlet and set). */
const positionalSlots = new KeyedCache(
  (cmdlet: CmdletSpec, set: string): readonly ParameterSpec[] =>
    cmdlet.parameters
      .flatMap((p) => p.sets.filter((s) => s.set === set && s.position !== undefined).map((s) => ({ parameter: p, position: s.position ?? 0 })))
      .sort((a, b) => a.position - b.position)
      .map((slot) => slot.parameter),
);
