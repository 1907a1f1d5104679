/** Custom activations typed as f(x): parsing, compiling with exact derivatives, PyTorch form. */
export type { ExprNode } from './ast';
export { ExpressionError } from './errors';
export { MAX_EXPRESSION_LENGTH } from './parse';
export {
  checkExpression,
  compileExpression,
  type CustomActivation,
  type ExpressionCheck,
} from './compile';
export { TORCH_CONSTANT_HELPER, torchCustomActivation, torchExpression } from './torch';
