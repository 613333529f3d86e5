import { strict as assert } from 'node:assert';
import { parseScript } from '../server/src/engine/parse/script-parser';
import type { ScriptTree, Span, SyntaxNode } from '../server/src/engine/parse/syntax';
import { pushChildren } from '../server/src/engine/parse/visit';

/**
 * Parses a text and asserts what must hold of any tree: every node lies in the text and inside its parent, children
 * come in document order without overlapping, and so do comments; every syntax error lies in the text.
 */
export function assertTreeIsSound(text: string): ScriptTree {
  const tree = parseScript(text);
  const inText = (span: Span, what: string): void => {
    assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what} ${span.start}..${span.end} outside the text (${text.length})`);
  };
  const pending: SyntaxNode[] = [...tree.body.statements];
  if (tree.body.param) pending.push(tree.body.param);
  checkSiblings(pending, { start: 0, end: text.length }, 'statement');
  const children: SyntaxNode[] = [];
  for (let node = pending.pop(); node; node = pending.pop()) {
    inText(node, node.kind);
    children.length = 0;
    pushChildren(node, children);
    checkSiblings(children, node, `child of ${node.kind} at ${node.start}`);
    // (One at a time: a spread of a million children, `a,a,…` on a 2 MB line, overflows the call stack.)
    for (const child of children) pending.push(child);
  }
  let previousEnd = 0;
  for (const comment of tree.comments) {
    inText(comment, 'comment');
    assert.ok(comment.start >= previousEnd, `comment at ${comment.start} overlaps the one before`);
    previousEnd = comment.end;
  }
  for (const error of tree.errors) inText(error, `error "${error.message}"`);
  return tree;
}

function checkSiblings(nodes: readonly SyntaxNode[], parent: Span, what: string): void {
  let previousEnd = parent.start;
  for (const node of nodes) {
    assert.ok(node.start >= previousEnd, `${what}: ${node.kind} at ${node.start}..${node.end} starts before the end of the one before (${previousEnd})`);
    assert.ok(node.end <= parent.end, `${what}: ${node.kind} at ${node.start}..${node.end} ends after its parent (${parent.end})`);
    previousEnd = node.end;
  }
}
