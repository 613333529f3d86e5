/**
 * Diagnostics sent as splices: instead of publishDiagnostics, which carries all the diagnostics of a document at every
 * version, the server sends what changed in the list the client holds (`diagnosticSplices` of initialization.ts).
 * A keystroke changes the findings of the commands around it; the others are the same objects from one lint to the
 * next (the linter keeps them), so the splices between two versions remove and insert a few diagnostics and keep
 * the rest. With 2,000 diagnostics in a script, a keystroke's message goes from 600 KiB, encoded by the
 * server and parsed and converted by the client at every keystroke, to about a kilobyte (docs/performance.md).
 *
 * Both sides are here, without the VS Code API: the server's `splicesBetween`, the client's `SplicedDiagnostics`
 * (used by the extension, the protocol tests and the benchmark).
 */

/** The notification that carries a document's splices (`DiagnosticSplices`), from the server to the client. */
export const DIAGNOSTIC_SPLICES_METHOD = 'lyncPic/diagnosticSplices';
/** The notification by which the client asks for all the diagnostics of a document again (`ResendDiagnosticsParams`). */
export const RESEND_DIAGNOSTICS_METHOD = 'lyncPic/resendDiagnostics';

/** One change of the list: `deleteCount` diagnostics from `start` replaced by `diagnostics`. */
export interface Splice<D> {
  /** Where the change starts in the list held before the whole update, and how many diagnostics it removes there. */
  readonly start: number;
  readonly deleteCount: number;
  /** The diagnostics inserted there. */
  readonly diagnostics: readonly D[];
}

/** What the server sends for a document: the changes from the list the client holds to the new one. */
export interface DiagnosticSplices<D> {
  readonly uri: string;
  /** The version of the document these diagnostics are for, as in publishDiagnostics. */
  readonly version?: number;
  /**
   * How many diagnostics the server knows the client holds for the document: a check that both sides agree. 0 says
   * the splices make the whole list, which replaces whatever the client holds (a restarted server's first message,
   * or the answer to a resend).
   */
  readonly held: number;
  /** In the order of the list, not overlapping; their starts are indexes in the list held. */
  readonly splices: readonly Splice<D>[];
}

export interface ResendDiagnosticsParams {
  readonly uri: string;
}

/** What `splicesBetween` reads of an item: where it starts (diagnostics and findings come in document order). */
export interface Placed {
  readonly range: { readonly start: { readonly line: number; readonly character: number } };
}

/**
 * The changes that turn `before` into `after`, keeping the items that are in both (the same objects). Both lists are
 * in document order, and the linter's findings that it keeps stay in theirs: the two are walked side by side, and
 * where they differ, the item that starts first is the one removed (from `before`) or inserted (from `after`). Only
 * those are read: the common items are compared by reference, so that a keystroke costs a walk over two arrays.
 * (Whatever the order, the result is right: only its size depends on it.)
 */
export function splicesBetween<D extends Placed>(before: readonly D[], after: readonly D[]): Splice<D>[] {
  const splices: Splice<D>[] = [];
  let open: { start: number; deleteCount: number; diagnostics: D[] } | undefined;
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      if (open) splices.push(open);
      open = undefined;
      i++;
      j++;
      continue;
    }
    open ??= { start: i, deleteCount: 0, diagnostics: [] };
    const order = i === before.length ? 1 : j === after.length ? -1 : startOrder(before[i], after[j]);
    // Gone, new, or one in the other's place.
    if (order <= 0) {
      open.deleteCount++;
      i++;
    }
    if (order >= 0) open.diagnostics.push(after[j++]);
  }
  if (open) splices.push(open);
  return splices;
}

/** The engine's `comparePositions` on two items' starts (written here: the client's bundle does not load the engine). */
function startOrder(a: Placed, b: Placed): number {
  const x = a.range.start;
  const y = b.range.start;
  return x.line - y.line || x.character - y.character;
}

/** The client's side: the diagnostics of each document, as the splices received so far make them. */
export class SplicedDiagnostics<D> {
  private readonly held = new Map<string, readonly D[]>();

  /**
   * Applies a document's splices; `convert` makes the client's diagnostic of each one inserted. Returns the
   * document's diagnostics after them (a new list: the caller may keep it), or undefined when the splices do not fit
   * what is held: the client has then forgotten the document and should ask for its diagnostics again
   * (RESEND_DIAGNOSTICS_METHOD).
   */
  apply<S>(update: DiagnosticSplices<S>, convert: (diagnostic: S) => D): readonly D[] | undefined {
    const before = update.held === 0 ? [] : this.held.get(update.uri);
    const after = before?.length === update.held ? spliced(before, update.splices, convert) : undefined;
    if (after && after.length > 0) this.held.set(update.uri, after);
    else this.held.delete(update.uri);
    return after;
  }
}

/** `before` with `splices` applied (`convert` makes each item inserted), or undefined if they do not fit it. */
export function spliced<S, D>(before: readonly D[], splices: readonly Splice<S>[], convert: (diagnostic: S) => D): D[] | undefined {
  const after: D[] = [];
  let next = 0;
  for (const splice of splices) {
    if (splice.start < next || splice.start + splice.deleteCount > before.length) return undefined;
    for (let i = next; i < splice.start; i++) after.push(before[i]);
    for (const diagnostic of splice.diagnostics) after.push(convert(diagnostic));
    next = splice.start + splice.deleteCount;
  }
  for (let i = next; i < before.length; i++) after.push(before[i]);
  return after;
}
