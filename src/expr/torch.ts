/**
 * The PyTorch form of an expression tree, for the exported .py: built from the tree's node
 * kinds only (never from the typed text), so nothing a person types can become Python code.
 * Every constant is a float64 tensor (`_c(…)`), so each function and operator takes tensors,
 * as on PyTorch 1.13 and current releases alike; every operation is parenthesised.
 */
import type { ExprNode } from './ast';
import { parseExpression } from './parse';

/** Python for the helper the generated expressions use; define it once before them. */
export const TORCH_CONSTANT_HELPER =
  'def _c(value):\n    return torch.tensor(value, dtype=torch.float64)\n';

/** A Python float literal that reads back as exactly `value` (finite by construction). */
function pythonFloat(value: number): string {
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/**
 * The expression as Python over the tensor named `input` (an identifier chosen by the caller,
 * never by the user).
 */
export function torchExpression(node: ExprNode, input: string): string {
  const go = (n: ExprNode): string => torchExpression(n, input);
  switch (node.kind) {
    case 'number':
      return `_c(${pythonFloat(node.value)})`;
    case 'x':
      return input;
    case 'negate':
      return `(-${go(node.arg)})`;
    case 'binary':
      if (node.op === '^') return `torch.pow(${go(node.left)}, ${go(node.right)})`;
      return `(${go(node.left)} ${node.op} ${go(node.right)})`;
    case 'call': {
      const [a, b] = node.args.map(go);
      switch (node.fn) {
        case 'exp':
        case 'log':
        case 'sin':
        case 'cos':
        case 'tanh':
        case 'abs':
        case 'sqrt':
        case 'sigmoid':
          return `torch.${node.fn}(${a})`;
        case 'softplus':
          return `torch.nn.functional.softplus(${a})`;
        case 'max':
          return `torch.maximum(${a}, ${b})`;
        case 'min':
          return `torch.minimum(${a}, ${b})`;
        case 'pow':
          return `torch.pow(${a}, ${b})`;
      }
    }
  }
}

/**
 * Python defining `custom_activation(x)`, the custom activation `text` (already checked by the
 * settings table) in torch operations, with the constant helper it uses. The text itself
 * appears only in a comment, as a JSON string (it cannot end the comment or the line).
 */
export function torchCustomActivation(text: string): string {
  const tree = parseExpression(text);
  return [
    TORCH_CONSTANT_HELPER,
    '',
    'def custom_activation(x):',
    `    # f(x) = ${JSON.stringify(text.trim())}, generated from the page's syntax tree of it.`,
    `    return ${torchExpression(tree, 'x')}`,
    '',
  ].join('\n');
}
