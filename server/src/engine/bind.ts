import type { Catalog, CmdletSpec, CommonParameter, ParameterSpec } from './catalog';
import type { ArgumentValue, ParameterToken, ScriptCommand } from './parse/commands';
import type { Range } from './text';
import { KeyedCache } from './util/cache';
import { objectList } from './util/object-list';

/** A parameter as written: a `-Name` token (`ParameterToken` is one), or a splatted hashtable key. */
export interface WrittenParameter {
  readonly name: string;
  readonly range: Range;
  readonly colon: boolean;
  readonly alternativeDash: boolean;
  /** Came from a `@splat` hashtable key rather than a `-Name` token. */
  readonly viaSplat?: boolean;
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
  const binder = BINDER.start(cmdlet, catalog);
  const elements = command.elements;
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i];
    if (element.type === 'parameter') {
      const next = elements[i + 1];
      const nextValue = next?.type === 'value' ? next.value : undefined;
      if (binder.bind(element, nextValue, element.colon)) i++;
      else if (nextValue && !element.colon && binder.isSwitch(element)) {
        // `-Force $true`: the value is positional, and not the switch's (invalid-value says so).
        binder.positional.push({ value: nextValue, afterSwitch: binder.parameters.last() });
        i++;
      }
    } else if (element.type === 'value') {
      binder.positional.push({ value: element.value });
    } else if (element.entries) {
      for (const entry of element.entries)
        binder.bind({ name: entry.name, range: entry.nameRange, colon: true, alternativeDash: false, viaSplat: true }, entry.value, true);
    } else {
      binder.openSplat = true;
    }
  }
  const parameters = binder.parameters.take();
  const positional = binder.positional.take();
  const sets = resolveParameterSets(cmdlet, parameters, positional);
  return {
    command,
    cmdlet,
    parameters,
    common: binder.common.take(),
    unresolved: binder.unresolved.take(),
    positional,
    openSplat: binder.openSplat,
    sets,
    identity: writtenIdentity(parameters, positional),
  };
}

/**
 * A list gathered item by item, then taken at its size (empty lists share one array), in an array kept for the next
 * command: a list of its own per command, grown by `push`, took 16 slots at once for the two or three items of most.
 */
class Gathered<T> {
  private readonly items: (T | undefined)[] = objectList();
  private count = 0;

  push(item: T): void {
    this.items[this.count++] = item;
  }

  last(): T | undefined {
    return this.count > 0 ? this.items[this.count - 1] : undefined;
  }

  /** The items, at their size; the list is empty again (and holds on to none of them). */
  take(): readonly T[] {
    if (this.count === 0) return NONE;
    const taken = this.items.slice(0, this.count) as T[];
    this.clear();
    return taken;
  }

  clear(): void {
    if (this.count === 0) return;
    this.items.fill(undefined, 0, this.count);
    this.count = 0;
  }
}

/** The lists every binder gathers in, kept from command to command: binding never nests (one command at a time). */
const GATHERED = {
  parameters: new Gathered<BoundParameter>(),
  common: new Gathered<BoundCommon>(),
  unresolved: new Gathered<UnresolvedParameter>(),
  positional: new Gathered<PositionalValue>(),
};

/**
 * What binding one command collects, written parameter by written parameter (a class, not closures per parameter: a
 * lint binds thousands of commands). One binder serves every command (`start`): binding never nests.
 */
class Binder {
  readonly parameters = GATHERED.parameters;
  readonly common = GATHERED.common;
  readonly unresolved = GATHERED.unresolved;
  readonly positional = GATHERED.positional;
  openSplat = false;
  private cmdlet: CmdletSpec | undefined = undefined;
  private catalog: Catalog | undefined = undefined;

  /** The binder, emptied, for a command of `cmdlet`. */
  start(cmdlet: CmdletSpec, catalog: Catalog): this {
    this.cmdlet = cmdlet;
    this.catalog = catalog;
    this.openSplat = false;
    // (What a command left in them if its binding failed is dropped.)
    this.parameters.clear();
    this.common.clear();
    this.unresolved.clear();
    this.positional.clear();
    return this;
  }

  /**
   * Binds a written parameter, with the value written after it (if any): true when the value was taken, by the
   * parameter or, after a parameter it does not know, as most likely its value (not reported again as positional).
   * `switchTakesValue`: the colon form, or a splatted key, where even a switch takes the value.
   */
  bind(written: WrittenParameter, value: ArgumentValue | undefined, switchTakesValue: boolean): boolean {
    const { cmdlet, catalog } = this;
    if (!cmdlet || !catalog) throw new Error('bind called before start');
    const resolution = catalog.resolveParameter(cmdlet, written.name);
    if (resolution.status === 'parameter') {
      const takesValue = value !== undefined && (resolution.parameter.kind !== 'switch' || switchTakesValue);
      this.parameters.push({ parameter: resolution.parameter, written, value: takesValue ? value : undefined });
      return takesValue;
    }
    if (resolution.status === 'common') {
      const takesValue = value !== undefined && (resolution.parameter.takesValue || switchTakesValue);
      this.common.push({ parameter: resolution.parameter, written, value: takesValue ? value : undefined });
      return takesValue;
    }
    this.unresolved.push({ written, ambiguousWith: resolution.status === 'ambiguous' ? resolution.candidates : undefined });
    return value !== undefined;
  }

  /** Whether the last parameter bound is this token's, and a switch. */
  isSwitch(token: ParameterToken): boolean {
    const last = this.parameters.last();
    return last?.written === token && last.parameter.kind === 'switch';
  }
}

const BINDER = new Binder();

/** Many rules ask for a command's Identity: found once, when it is bound. */
function writtenIdentity(parameters: readonly BoundParameter[], positional: readonly PositionalValue[]): string | undefined {
  const named = parameters.find((binding) => binding.parameter.name === 'Identity');
  const value = named ? named.value : positional[0] && !positional[0].afterSwitch ? positional[0].value : undefined;
  if (!value) return undefined;
  return value.kind === 'bareword' || value.kind === 'string' || (named && value.kind === 'number') ? value.literal : undefined;
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

const NONE: readonly never[] = objectList();
const NO_BINDINGS: ReadonlyMap<string, readonly ParameterSpec[]> = new Map<string, readonly ParameterSpec[]>();

/** Works out which parameter sets the written arguments allow, as PowerShell does before running a cmdlet. */
function resolveParameterSets(cmdlet: CmdletSpec, parameters: readonly BoundParameter[], positional: readonly PositionalValue[]): SetResolution {
  let byNamed: readonly string[] = cmdlet.parameterSets;
  let conflicting: BoundParameter[] | undefined;
  for (const binding of parameters) {
    const narrowed = narrowedSets(byNamed, binding.parameter);
    if (narrowed.length === 0) (conflicting ??= []).push(binding);
    else byNamed = narrowed;
  }
  return setsWithPositional(cmdlet, parameters, positional, byNamed, conflicting ?? NONE);
}

/** The sets of `sets` that `parameter` is in: `sets` itself when it is in all of them (most parameters are). */
function narrowedSets(sets: readonly string[], parameter: ParameterSpec): readonly string[] {
  let kept = 0;
  for (const set of sets) if (inSet(parameter, set)) kept++;
  if (kept === sets.length) return sets;
  // (A copy cut to the sets kept, not a `filter`: that grows its list 16 slots at once, for the one or two sets kept.)
  const narrowed = sets.slice();
  let count = 0;
  for (const set of sets) if (inSet(parameter, set)) narrowed[count++] = set;
  narrowed.length = count;
  return narrowed;
}

function inSet(parameter: ParameterSpec, set: string): boolean {
  for (const s of parameter.sets) if (s.set === set) return true;
  return false;
}

/** The candidate sets among those the named parameters allow, once the positional values are bound in each. */
function setsWithPositional(
  cmdlet: CmdletSpec,
  parameters: readonly BoundParameter[],
  positional: readonly PositionalValue[],
  byNamed: readonly string[],
  conflicting: readonly BoundParameter[],
): SetResolution {
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
  return { candidates, conflicting, surplus: candidates.length > 0 ? NONE : (fewestSurplus ?? NONE), positionalBindings };
}

/** The positional parameters of a parameter set, in position order (once per cmdlet and set). */
const positionalSlots = new KeyedCache((cmdlet: CmdletSpec, set: string): readonly ParameterSpec[] =>
  cmdlet.parameters
    .flatMap((p) => p.sets.filter((s) => s.set === set && s.position !== undefined).map((s) => ({ parameter: p, position: s.position ?? 0 })))
    .sort((a, b) => a.position - b.position)
    .map((slot) => slot.parameter),
);
