/**
 * Reading a script again after an edit, in time proportional to the edit: the top-level statements before it and
 * after it keep what was read of them, and only those around it are parsed again.
 *
 * Why it holds: at the start of a top-level statement the parser's state is empty (no open bracket, no enclosing
 * construct), so from there on the text parses by itself (`parseRegion`). Parsing starts at the first statement whose
 * reading looked at the edited text (the parser looks ahead: at the token after a statement, for a string's terminator
 * up to the end of the text: `TopLevelStatements.reaches`), and stops at the first statement start that was one before
 * the edit too, shifted by the edit's length, on a line after the edit's last: what follows is the same text, parsed
 * from the same empty state, at the same columns; only its lines move, by the number of lines the edit added or
 * removed. Objects of unmoved statements are reused as they are, so that what is derived from them (bindings,
 * findings) can be kept with them.
 */
import { changeBetween, comparePositions, type LineIndex, type Position, type Range, type TextChange } from '../text';
import type { ScriptComment } from '../suppress';
import {
  readParts,
  readText,
  type ArgumentValue,
  type CommandElement,
  type ScriptCommand,
  type ScriptParts,
  type ScriptSyntaxError,
  type VariableAssignment,
} from './commands';
import { PlacedCommand, PlacedParameter, PlacedValue } from './model';
import { parseRegion } from './script-parser';

/** A script read into the command model, with what reading its next version needs. */
export interface ScriptReading {
  readonly text: string;
  /** What was read, splats not resolved (`resolveSplats`); the errors in the order the parser found them. */
  readonly parts: ScriptParts;
  /** Where the top-level statements start, how many errors were found before each, and how far each looked (`ScriptTree.topLevel`). */
  readonly starts: readonly number[];
  readonly errorCounts: readonly number[];
  readonly reaches: readonly number[];
}

/** Parses and reads a script (`readText`), with what reading its next version needs. */
export function readingOf(text: string, index: LineIndex): ScriptReading {
  const { parts, topLevel } = readText(text, index);
  return { text, parts, starts: topLevel.starts, errorCounts: topLevel.errorCounts, reaches: topLevel.reaches };
}

/**
 * Reads `text`, the next version of the script `previous` read, reusing what it can. `index` is the line index of
 * `text`, `previousIndex` that of `previous.text`; `edit`, where they differ, when the caller knows it.
 */
export function reread(
  previous: ScriptReading,
  previousIndex: LineIndex,
  text: string,
  index: LineIndex,
  edit: TextChange = changeBetween(previous.text, text),
): ScriptReading {
  if (text === previous.text) return previous;
  const { starts, errorCounts, reaches } = previous;
  // The first statement that looked at the edited text (none: a script with named blocks at the top, all again).
  const first = firstAbove(reaches, edit.start);
  if (first < 0) return readingOf(text, index);
  // (From the first statement, the region starts at the script's start: what is before it can change too.)
  const regionStart = first === 0 ? 0 : starts[first];
  const delta = text.length - previous.text.length;
  const lineBreak = nextLineBreak(text, edit.end);
  // Stop before a statement that started at the same place before the edit, on a line after the edit's last.
  const region = parseRegion(text, regionStart, (offset) => offset > lineBreak && starts[lastAtOrBefore(starts, offset - delta, first)] === offset - delta);
  const read = readParts(region, index, {}, region.end);
  const [before] = splitParts(previous.parts, index.positionAt(regionStart), first === 0 ? 0 : errorCounts[first]);
  const stopped = region.end < text.length;
  const resume = stopped ? lastAtOrBefore(starts, region.end - delta, first) : starts.length;
  // What follows the region was read from the same text: the same columns, its lines moved by what the edit added.
  const resumedAt = previousIndex.positionAt(region.end - delta);
  const after = stopped
    ? movedParts(splitParts(previous.parts, resumedAt, errorCounts[resume])[1], index.positionAt(region.end).line - resumedAt.line)
    : undefined;
  const regionErrorsEnd = before.errors.length + read.errors.length;
  return {
    text,
    parts: {
      commands: concat(before.commands, read.commands, after?.commands),
      assignments: concat(before.assignments, read.assignments, after?.assignments),
      accessed: concat(before.accessed, read.accessed, after?.accessed),
      functions: concat(before.functions, read.functions, after?.functions),
      comments: concat(before.comments, read.comments, after?.comments),
      errors: concat(before.errors, read.errors, after?.errors),
    },
    starts: concat(
      starts.slice(0, first),
      region.topLevel.starts,
      starts.slice(resume).map((start) => start + delta),
    ),
    errorCounts: concat(
      errorCounts.slice(0, first),
      region.topLevel.errorCounts.map((count) => count + before.errors.length),
      errorCounts.slice(resume).map((count) => count - errorCounts[resume] + regionErrorsEnd),
    ),
    reaches: runningMaximum(
      concat(
        reaches.slice(0, first),
        region.topLevel.reaches,
        reaches.slice(resume).map((reach) => reach + delta),
      ),
    ),
  };
}

/** Each value raised to the largest before it: a statement's reading depends on all that came before it. */
function runningMaximum(values: number[]): number[] {
  for (let i = 1; i < values.length; i++) if (values[i] < values[i - 1]) values[i] = values[i - 1];
  return values;
}

/** What was read before `position` (the errors before the `errorCount`-th), and what was read from it on. */
function splitParts(parts: ScriptParts, position: Position, errorCount: number): [ScriptParts, ScriptParts] {
  const split = <T>(items: readonly T[], startOf: (item: T) => Position): [T[], T[]] => {
    const at = firstFrom(items, position, startOf);
    return [items.slice(0, at), items.slice(at)];
  };
  const commands = split(parts.commands, (c) => c.range.start);
  const assignments = split(parts.assignments, (a) => a.start);
  const accessed = split(parts.accessed, (a) => a.start);
  const functions = split(parts.functions, (f) => f.start);
  const comments = split(parts.comments, (c) => c.range.start);
  const errors: [ScriptSyntaxError[], ScriptSyntaxError[]] = [parts.errors.slice(0, errorCount), parts.errors.slice(errorCount)];
  const side = (i: 0 | 1): ScriptParts => ({
    commands: commands[i],
    assignments: assignments[i],
    accessed: accessed[i],
    functions: functions[i],
    comments: comments[i],
    errors: errors[i],
  });
  return [side(0), side(1)];
}

/** Parts moved down (or up) by whole lines. */
function movedParts(parts: ScriptParts, lines: number): ScriptParts {
  if (lines === 0) return parts;
  return {
    commands: parts.commands.map((command) => movedCommand(command, lines)),
    assignments: parts.assignments.map((assignment) => movedAssignment(assignment, lines)),
    accessed: parts.accessed.map((use) => ({ variable: use.variable, start: movedPosition(use.start, lines) })),
    functions: parts.functions.map((definition) => ({ name: definition.name, start: movedPosition(definition.start, lines) })),
    comments: parts.comments.map((comment): ScriptComment => ({ text: comment.text, range: moved(comment.range, lines) })),
    errors: parts.errors.map((error): ScriptSyntaxError => ({ message: error.message, range: moved(error.range, lines) })),
  };
}

/** The offset of the first line break at or after `offset`, or the text's length. */
function nextLineBreak(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** The index of the last of the sorted `values` at or before `value`, searching from `from` on; -1 when none. */
function lastAtOrBefore(values: readonly number[], value: number, from = 0): number {
  let low = from;
  let high = values.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (values[mid] <= value) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** The index of the first of the ascending `values` above `value`; -1 when none is. */
function firstAbove(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low < values.length ? low : -1;
}

/** The index of the first of `items` (in document order) that starts at or after `position`. */
function firstFrom<T>(items: readonly T[], position: Position, startOf: (item: T) => Position): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (comparePositions(startOf(items[mid]), position) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

function concat<T>(a: readonly T[], b: readonly T[], c: readonly T[] = []): T[] {
  const all = new Array<T>(a.length + b.length + c.length);
  let i = 0;
  for (const item of a) all[i++] = item;
  for (const item of b) all[i++] = item;
  for (const item of c) all[i++] = item;
  return all;
}

// Moving what was read by whole lines (the columns stay).

function moved(range: Range, lines: number): Range {
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}

function movedPosition(position: Position, lines: number): Position {
  return { line: position.line + lines, character: position.character };
}

// (Made of the reader's classes, placed at once, as the statements read again are: one shape for each part of the
// model, and one serialised form.)

function movedCommand(command: ScriptCommand, lines: number): ScriptCommand {
  const placement = { index: undefined, range: moved(command.range, lines), nameRange: moved(command.nameRange, lines) };
  const elements = command.elements.map((element) => movedElement(element, lines));
  return new PlacedCommand(command.name, elements, command.pipelineInput, command.splatted, placement, 0, 0, 0, 0);
}

function movedElement(element: CommandElement, lines: number): CommandElement {
  switch (element.type) {
    case 'parameter':
      return new PlacedParameter(element.name, element.colon, element.alternativeDash, { index: undefined, range: moved(element.range, lines) }, 0, 0);
    case 'value':
      return movedValue(element.value, lines);
    case 'splat':
      return {
        type: 'splat',
        variable: element.variable,
        range: moved(element.range, lines),
        entries: element.entries?.map((entry) => ({ name: entry.name, nameRange: moved(entry.nameRange, lines), value: movedValue(entry.value, lines) })),
      };
  }
}

function movedValue(value: ArgumentValue, lines: number): PlacedValue {
  const elements = value.elements?.map((element) => movedValue(element, lines));
  return new PlacedValue(value.kind, value.text, value.literal, elements, { index: undefined, range: moved(value.range, lines) }, 0, 0);
}

function movedAssignment(assignment: VariableAssignment, lines: number): VariableAssignment {
  return {
    variable: assignment.variable,
    start: movedPosition(assignment.start, lines),
    end: movedPosition(assignment.end, lines),
    entries: assignment.entries?.map((entry) => ({ name: entry.name, nameRange: moved(entry.nameRange, lines), value: movedValue(entry.value, lines) })),
  };
}
