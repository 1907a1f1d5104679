/**
 * Why an expression typed as f(x) was refused. Every message names "the expression", so the
 * page's notices (and tests) can tell it from a refused file or link value.
 */
export class ExpressionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpressionError';
  }
}
