import { strict as assert } from 'node:assert';
import { checkUnwrapShortcut, isCommandOfInterest, isCommentOfInterest, resolveSplats, walkScript, walkStatements } from '../server/src/engine/parse/commands';
import { readTree, readTreeByCalls, type PowerShellParser } from '../server/src/engine/parse/parser';
import { checkReader } from '../server/src/engine/parse/reader';
import { LineIndex } from '../server/src/engine/text';
import type { Tree } from 'web-tree-sitter';

/** Runs `check` on the script's tree, then frees the tree. */
export function withTree(parser: PowerShellParser, text: string, check: (tree: Tree) => void): void {
  const tree = parser.parse(text);
  try {
    check(tree);
  } finally {
    tree.delete();
  }
}

/**
 * Asserts that the engine's walk (statement by statement, only where the text holds a mark) finds what the full walk
 * of the tree finds, filtered the same way: the commands of interest with their splats resolved, and the lync-pic
 * comments.
 */
export function assertWalksAgree(parser: PowerShellParser, text: string): void {
  const index = new LineIndex(text);
  withTree(parser, text, (tree) => {
    const full = walkScript(tree.rootNode, index);
    const pruned = walkStatements(tree, index);
    const expected = resolveSplats(full.commands.filter((c) => isCommandOfInterest(c.name)), full.assignments, index);
    assert.deepEqual(resolveSplats(pruned.commands, pruned.assignments, index), expected, 'the same commands of interest');
    assert.deepEqual(pruned.comments, full.comments.filter((c) => isCommentOfInterest(c.text)), 'the same lync-pic comments');
  });
}

/**
 * Asserts that the engine's tree reader, and the one it falls back on, read every node of the script's tree as
 * web-tree-sitter's `Node` API does.
 */
export function assertReaderAgrees(parser: PowerShellParser, text: string): void {
  withTree(parser, text, (tree) => {
    checkReader(readTree(tree), tree);
    checkReader(readTreeByCalls(tree), tree);
  });
}

/** Asserts that the engine's shortcut through expression wrappers reads every wrapper of the script's tree as the step-by-step unwrapping does. */
export function assertUnwrapShortcutAgrees(parser: PowerShellParser, text: string): void {
  withTree(parser, text, (tree) => checkUnwrapShortcut(tree, new LineIndex(text)));
}

/**
 * Asserts the two grammar facts the reading of a command's elements relies on (read with web-tree-sitter's own API):
 * - a child of `command_elements` that starts with a space is a `command_argument_sep`, or an ERROR node (a space
 *   escaped by a backtick), which leaves the command unread;
 * - the children of `command_elements` are apart only by padding (blanks, line continuations, invisible marks), so a
 *   child followed by one whose previous character is printable ASCII other than a space ends where that one starts.
 *   Not around ERROR and missing nodes, which leave a command unread. (Other nodes need not hold it: a command
 *   name's visible children are only its quotes.)
 */
export function assertElementFacts(parser: PowerShellParser, text: string): void {
  withTree(parser, text, (tree) => {
    for (const elements of tree.rootNode.descendantsOfType('command_elements')) {
      const children = elements?.children.filter((child) => child !== null) ?? [];
      children.forEach((child, i) => {
        if (!child.isError && text.charCodeAt(child.startIndex) === 32) assert.equal(child.type, 'command_argument_sep', `${JSON.stringify(child.text)} at ${child.startIndex}`);
        const next = children[i + 1];
        const ch = next ? text.charCodeAt(next.startIndex - 1) : 0;
        if (!next || child.isError || next.isError || child.isMissing || next.isMissing || ch <= 32 || ch >= 127) return;
        assert.equal(child.endIndex, next.startIndex, `${child.type} before ${next.type} at ${next.startIndex}`);
      });
    }
  });
}
