/**
 * Compiles an ExprNode tree once into a flat program that computes f(x) and f′(x) together by
 * forward-mode differentiation (dual numbers): every instruction writes a value and its
 * derivative with respect to x into its own slot. No eval, no new Function (the page's CSP
 * forbids both), no allocation per call: the slots are two Float64Arrays made at compile time.
 *
 * The functions are the engine's own (exactMath.ts), so `tanh(x)` gives the Tanh activation's
 * numbers bit for bit and `x` the linear one's. At kinks the derivative follows PyTorch's
 * autograd, as the built-in activations do: abs′(0) = 0, and max/min at a tie split the
 * gradient evenly between their arguments.
 */
import { softplus, SOFTPLUS_THRESHOLD } from '../nn/activationsExponential';
import { cos, exp, sigmoid, sin, tanh } from '../nn/exactMath';
import { dependsOnX, type ExprNode } from './ast';

const enum Op {
  Constant,
  X,
  Negate,
  Add,
  Subtract,
  Multiply,
  Divide,
  /** a^b with b independent of x: no log(a) term, so a negative base is fine. */
  PowerConstant,
  Power,
  Exp,
  Log,
  Sin,
  Cos,
  Tanh,
  Abs,
  Sqrt,
  Sigmoid,
  Softplus,
  Max,
  Min,
}

const CALL_OPS = {
  exp: Op.Exp,
  log: Op.Log,
  sin: Op.Sin,
  cos: Op.Cos,
  tanh: Op.Tanh,
  abs: Op.Abs,
  sqrt: Op.Sqrt,
  sigmoid: Op.Sigmoid,
  softplus: Op.Softplus,
  max: Op.Max,
  min: Op.Min,
} as const;

/** f and f′ of one compiled expression. */
export interface CompiledExpression {
  /** f(x). */
  readonly value: (x: number) => number;
  /** f′(x), exactly (by the chain rule, not by differences). */
  readonly derivative: (x: number) => number;
  /** Sets `out[i]` = f(`pre[i]`) and `slope[i]` = f′(`pre[i]`) for start ≤ i < end. */
  readonly run: (
    pre: Float64Array,
    out: Float64Array,
    slope: Float64Array,
    start: number,
    end: number,
  ) => void;
}

/** Compiles `tree`; the result is immutable and may be called from any number of places. */
export function compileProgram(tree: ExprNode): CompiledExpression {
  const ops: number[] = [];
  const args: number[] = []; // two operand slots per instruction
  const constants: number[] = [];
  const emit = (op: Op, a = 0, b = 0, constant = 0): number => {
    ops.push(op);
    args.push(a, b);
    constants.push(constant);
    return ops.length - 1;
  };
  const visit = (node: ExprNode): number => {
    switch (node.kind) {
      case 'number':
        return emit(Op.Constant, 0, 0, node.value);
      case 'x':
        return emit(Op.X);
      case 'negate':
        return emit(Op.Negate, visit(node.arg));
      case 'binary': {
        const a = visit(node.left);
        const b = visit(node.right);
        switch (node.op) {
          case '+':
            return emit(Op.Add, a, b);
          case '-':
            return emit(Op.Subtract, a, b);
          case '*':
            return emit(Op.Multiply, a, b);
          case '/':
            return emit(Op.Divide, a, b);
          case '^':
            return emit(dependsOnX(node.right) ? Op.Power : Op.PowerConstant, a, b);
        }
        break;
      }
      case 'call': {
        const a = visit(node.args[0] as ExprNode);
        if (node.fn === 'pow') {
          const b = visit(node.args[1] as ExprNode);
          return emit(dependsOnX(node.args[1] as ExprNode) ? Op.Power : Op.PowerConstant, a, b);
        }
        const b = node.args.length > 1 ? visit(node.args[1] as ExprNode) : 0;
        return emit(CALL_OPS[node.fn], a, b);
      }
    }
  };
  const root = visit(tree);
  const program = Int32Array.from(ops);
  const operands = Int32Array.from(args);
  const literal = Float64Array.from(constants);
  const val = new Float64Array(ops.length);
  const der = new Float64Array(ops.length);
  const evaluate = (x: number): void => execute(program, operands, literal, val, der, x);
  return {
    value(x) {
      evaluate(x);
      return val[root] as number;
    },
    derivative(x) {
      evaluate(x);
      return der[root] as number;
    },
    run(pre, out, slope, start, end) {
      for (let i = start; i < end; i++) {
        evaluate(pre[i] as number);
        out[i] = val[root] as number;
        slope[i] = der[root] as number;
      }
    },
  };
}

/** Runs every instruction for one x; slot i holds instruction i's value and derivative. */
function execute(
  program: Int32Array,
  operands: Int32Array,
  literal: Float64Array,
  val: Float64Array,
  der: Float64Array,
  x: number,
): void {
  for (let i = 0; i < program.length; i++) {
    const ia = operands[2 * i] as number;
    const ib = operands[2 * i + 1] as number;
    const a = val[ia] as number;
    const da = der[ia] as number;
    const b = val[ib] as number;
    const db = der[ib] as number;
    let v: number;
    let d: number;
    switch (program[i] as Op) {
      case Op.Constant:
        v = literal[i] as number;
        d = 0;
        break;
      case Op.X:
        v = x;
        d = 1;
        break;
      case Op.Negate:
        v = -a;
        d = -da;
        break;
      case Op.Add:
        v = a + b;
        d = da + db;
        break;
      case Op.Subtract:
        v = a - b;
        d = da - db;
        break;
      case Op.Multiply:
        v = a * b;
        d = da * b + a * db;
        break;
      case Op.Divide:
        v = a / b;
        d = (da - v * db) / b;
        break;
      case Op.PowerConstant:
        v = Math.pow(a, b);
        // PyTorch's rule: the derivative of a^0 is 0 (b·a^(b−1) would be 0·∞ at a = 0).
        d = b === 0 ? 0 : b * Math.pow(a, b - 1) * da;
        break;
      case Op.Power:
        v = Math.pow(a, b);
        // The log term as PyTorch has it: 0 where a = 0 and b ≥ 0 (a^b is flat in b there).
        d =
          (b === 0 ? 0 : b * Math.pow(a, b - 1) * da) +
          (a === 0 && b >= 0 ? 0 : v * Math.log(a) * db);
        break;
      case Op.Exp:
        v = exp(a);
        d = v * da;
        break;
      case Op.Log:
        v = Math.log(a);
        d = da / a;
        break;
      case Op.Sin:
        v = sin(a);
        d = cos(a) * da;
        break;
      case Op.Cos:
        v = cos(a);
        d = -sin(a) * da;
        break;
      case Op.Tanh:
        v = tanh(a);
        d = (1 - v * v) * da;
        break;
      case Op.Abs:
        v = Math.abs(a);
        d = a > 0 ? da : a < 0 ? -da : 0;
        break;
      case Op.Sqrt:
        v = Math.sqrt(a);
        d = (0.5 / v) * da;
        break;
      case Op.Sigmoid:
        v = sigmoid(a);
        d = v * (1 - v) * da;
        break;
      case Op.Softplus:
        v = softplus(a);
        d = (a > SOFTPLUS_THRESHOLD ? 1 : sigmoid(a)) * da;
        break;
      case Op.Max:
        v = a > b ? a : a < b ? b : a === b ? a : NaN;
        d = a > b ? da : a < b ? db : 0.5 * (da + db);
        break;
      case Op.Min:
        v = a < b ? a : a > b ? b : a === b ? a : NaN;
        d = a < b ? da : a > b ? db : 0.5 * (da + db);
        break;
      default:
        v = NaN;
        d = NaN;
    }
    val[i] = v;
    der[i] = d;
  }
}
