import type { SyntaxNode } from './syntax';

/** Adds a node's children to `into`, in document order. */
export function pushChildren(node: SyntaxNode, into: SyntaxNode[]): void {
  switch (node.kind) {
    case 'pipeline':
      for (const element of node.elements) into.push(element);
      return;
    case 'chain':
      into.push(node.left, node.right);
      return;
    case 'assignment':
      into.push(node.target, node.value);
      return;
    case 'function':
      for (const parameter of node.parameters) into.push(parameter);
      if (node.body?.param) into.push(node.body.param);
      for (const statement of node.body?.statements ?? []) into.push(statement);
      return;
    case 'statement':
      for (const child of node.children) into.push(child);
      return;
    case 'param-block':
      for (const attribute of node.attributes) into.push(attribute);
      for (const parameter of node.parameters) into.push(parameter);
      return;
    case 'parameter-declaration':
      for (const attribute of node.attributes) into.push(attribute);
      into.push(node.variable);
      if (node.defaultValue) into.push(node.defaultValue);
      return;
    case 'attribute':
      for (const argument of node.arguments) into.push(argument);
      return;
    case 'error':
    case 'string':
      for (const child of node.nested) into.push(child);
      return;
    case 'array-literal':
      for (const element of node.elements) into.push(element);
      return;
    case 'array-expression':
    case 'sub-expression':
    case 'paren':
      for (const statement of node.statements) into.push(statement);
      return;
    case 'hashtable':
      for (const entry of node.entries) into.push(entry.key, entry.value);
      return;
    case 'script-block':
      if (node.body.param) into.push(node.body.param);
      for (const statement of node.body.statements) into.push(statement);
      return;
    case 'cast':
      into.push(node.type, node.operand);
      return;
    case 'unary':
      into.push(node.operand);
      return;
    case 'binary':
      into.push(node.left, node.right);
      return;
    case 'member':
      into.push(node.target, node.member);
      for (const argument of node.arguments ?? []) into.push(argument);
      return;
    case 'index':
      into.push(node.target, node.index);
      return;
    case 'ternary':
      into.push(node.condition, node.whenTrue, node.whenFalse);
      return;
    case 'command':
      if (node.name) into.push(node.name);
      for (const element of node.elements) into.push(element);
      return;
    case 'expression-element':
      into.push(node.expression);
      for (const redirection of node.redirections) into.push(redirection);
      return;
    case 'parameter':
      if (node.argument) into.push(node.argument);
      return;
    case 'redirection':
      if (node.target) into.push(node.target);
      return;
    case 'variable':
    case 'number':
    case 'placeholder':
    case 'type':
      return;
  }
}

/**
 * Calls `visit` for every node under `roots` (and the roots), parents before children, in document order. Iterative:
 * the depth of a tree (a chain of a million `+`) does not reach the call stack.
 */
export function walkTree(roots: readonly SyntaxNode[], visit: (node: SyntaxNode) => void): void {
  const stack: SyntaxNode[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push(roots[i]);
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    visit(node);
    // The children go on the stack in reverse, so that the first is visited next.
    const from = stack.length;
    pushChildren(node, stack);
    for (let low = from, high = stack.length - 1; low < high; low++, high--) {
      const child = stack[low];
      stack[low] = stack[high];
      stack[high] = child;
    }
  }
}
