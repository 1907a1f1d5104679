/**
 * Reads the text of f(x) into an ExprNode tree with jsep (a small expression parser: it builds
 * a syntax tree and evaluates nothing, so the page needs no 'unsafe-eval'), then keeps only the
 * node kinds of ast.ts and refuses the rest with a message that names the expression.
 */
import jsep from 'jsep';
import type { BinaryOperator, ExprNode } from './ast';
import { ExpressionError } from './errors';
import { CONSTANTS, FUNCTION_ARITY, FUNCTION_NAMES, isFunctionName } from './functions';

/** The longest text accepted, in characters: room for any activation worth typing. */
export const MAX_EXPRESSION_LENGTH = 120;

// `^` is jsep's bitwise xor (precedence 4); here it is power, like `**`: above * and /,
// right-associative (2^3^2 = 2^9).
jsep.addBinaryOp('^', 11, true);

/**
 * How many times jsep handed each node to its 'after-token' hook: once for a token, twice for
 * one in parentheses (the group hands its inner node on again). That is how `-x^2` (a unary
 * minus not in parentheses, which jsep binds tighter than ^) is told from `(-x)^2`.
 */
const tokenVisits = new WeakMap<object, number>();
jsep.hooks.add('after-token', (env: { node?: jsep.Expression | false }) => {
  const node = env.node;
  if (node) tokenVisits.set(node, (tokenVisits.get(node) ?? 0) + 1);
});

const BINARY: ReadonlySet<string> = new Set(['+', '-', '*', '/', '^', '**']);

/** Parses `text` as f(x); throws an ExpressionError saying what is wrong. */
export function parseExpression(text: string): ExprNode {
  const source = text.trim();
  if (source === '')
    throw new ExpressionError('The expression is empty: type f(x), e.g. x * sin(x)');
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionError(
      `The expression is ${source.length} characters long; at most ${MAX_EXPRESSION_LENGTH} are allowed`,
    );
  }
  let tree: jsep.Expression;
  try {
    tree = jsep(source);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ExpressionError(`The expression ${source} cannot be read: ${why}`);
  }
  return convert(tree, source);
}

function refuse(source: string, why: string): never {
  throw new ExpressionError(`The expression ${source} ${why}`);
}

function convert(node: jsep.Expression, source: string): ExprNode {
  switch (node.type) {
    case 'Literal': {
      const value = (node as jsep.Literal).value;
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        refuse(source, `has ${String((node as jsep.Literal).raw)}, which is not a number`);
      }
      return { kind: 'number', value };
    }
    case 'Identifier': {
      const name = (node as jsep.Identifier).name;
      if (name === 'x') return { kind: 'x' };
      const constant = CONSTANTS[name];
      if (Object.hasOwn(CONSTANTS, name) && constant !== undefined) {
        return { kind: 'number', value: constant };
      }
      if (isFunctionName(name)) refuse(source, `uses ${name} without arguments: write ${name}(…)`);
      refuse(source, `uses ${name}, which is not x, pi, e or a function`);
      break;
    }
    case 'UnaryExpression': {
      const unary = node as jsep.UnaryExpression;
      const arg = convert(unary.argument, source);
      if (unary.operator === '-') return { kind: 'negate', arg };
      if (unary.operator === '+') return arg;
      refuse(source, `uses the operator ${unary.operator}, which is not + - * / ^`);
      break;
    }
    case 'BinaryExpression':
      return convertBinary(node as jsep.BinaryExpression, source);
    case 'CallExpression':
      return convertCall(node as jsep.CallExpression, source);
    default:
      refuse(
        source,
        `has a ${describe(node.type)}; only numbers, x, pi, e, + - * / ^ and functions are allowed`,
      );
  }
}

function convertBinary(node: jsep.BinaryExpression, source: string): ExprNode {
  if (!BINARY.has(node.operator)) {
    refuse(source, `uses the operator ${node.operator}, which is not + - * / ^`);
  }
  const op: BinaryOperator = node.operator === '**' ? '^' : (node.operator as BinaryOperator);
  const left = node.left;
  // -a^b means -(a^b), as in mathematics and Python; jsep reads it as (-a)^b.
  if (op === '^' && left.type === 'UnaryExpression' && tokenVisits.get(left) === 1) {
    const unary = left as jsep.UnaryExpression;
    const inner: jsep.BinaryExpression = {
      type: 'BinaryExpression',
      operator: '^',
      left: unary.argument,
      right: node.right,
    };
    tokenVisits.set(inner, 1);
    return convert({ ...unary, argument: inner }, source);
  }
  return { kind: 'binary', op, left: convert(left, source), right: convert(node.right, source) };
}

function convertCall(node: jsep.CallExpression, source: string): ExprNode {
  if (node.callee.type !== 'Identifier')
    refuse(source, 'calls something that is not a function name');
  const name = (node.callee as jsep.Identifier).name;
  if (!isFunctionName(name)) {
    refuse(source, `calls ${name}, which is not one of ${FUNCTION_NAMES.join(', ')}`);
  }
  const arity = FUNCTION_ARITY[name];
  if (node.arguments.length !== arity) {
    const wanted = `${arity} argument${arity === 1 ? '' : 's'}`;
    refuse(source, `calls ${name} with ${node.arguments.length}; ${name} takes ${wanted}`);
  }
  return { kind: 'call', fn: name, args: node.arguments.map((arg) => convert(arg, source)) };
}

function describe(type: string): string {
  switch (type) {
    case 'Compound':
      return 'second expression (a ; or two expressions side by side)';
    case 'SequenceExpression':
      return 'list in parentheses';
    case 'ConditionalExpression':
      return 'condition ( ? : )';
    case 'MemberExpression':
      return 'property access';
    case 'ArrayExpression':
      return 'list in brackets';
    default:
      return `part jsep calls ${type}`;
  }
}
