/**
 * The expression tree of a custom activation f(x): the only node kinds the evaluator, the
 * derivative and the PyTorch code generator know. Anything the parser reads that is not one of
 * these is refused before a tree exists, so user text never reaches generated code.
 */
import type { FunctionName } from './functions';

export type BinaryOperator = '+' | '-' | '*' | '/' | '^';

export type ExprNode =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'x' }
  | { readonly kind: 'negate'; readonly arg: ExprNode }
  | {
      readonly kind: 'binary';
      readonly op: BinaryOperator;
      readonly left: ExprNode;
      readonly right: ExprNode;
    }
  | { readonly kind: 'call'; readonly fn: FunctionName; readonly args: readonly ExprNode[] };

/** True when the subtree's value depends on x. */
export function dependsOnX(node: ExprNode): boolean {
  switch (node.kind) {
    case 'number':
      return false;
    case 'x':
      return true;
    case 'negate':
      return dependsOnX(node.arg);
    case 'binary':
      return dependsOnX(node.left) || dependsOnX(node.right);
    case 'call':
      return node.args.some(dependsOnX);
  }
}
