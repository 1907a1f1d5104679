/**
 * The functions an expression may call, with their arity: those the built-in activations use.
 * `pow(a, b)` is a^b. Their values and derivatives are in program.ts, their PyTorch forms in
 * torch.ts; both switch over these names, so the compiler checks that each covers every one.
 */
export const FUNCTION_ARITY = {
  exp: 1,
  log: 1,
  sin: 1,
  cos: 1,
  tanh: 1,
  abs: 1,
  sqrt: 1,
  sigmoid: 1,
  softplus: 1,
  max: 2,
  min: 2,
  pow: 2,
} as const;

export type FunctionName = keyof typeof FUNCTION_ARITY;

/** The named constants, besides x. */
export const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };

export const FUNCTION_NAMES = Object.keys(FUNCTION_ARITY) as FunctionName[];

export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(FUNCTION_ARITY, name);
}
