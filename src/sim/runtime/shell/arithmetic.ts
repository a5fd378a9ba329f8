// `$(( … ))`: integer arithmetic with variables, as POSIX shells do it (C precedence, no floating point).

export class ArithmeticError extends Error {}

type Lookup = (name: string) => string | undefined;
type Assign = (name: string, value: string) => void;

export function evaluateArithmetic(expression: string, lookup: Lookup, assign: Assign): number {
  const tokens = expression.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%()<>!~&|^=?:]|\S/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const take = () => tokens[i++];
  const valueOf = (name: string): number => {
    const raw = lookup(name) ?? '';
    if (raw.trim() === '') return 0;
    const n = Number.parseInt(raw.trim(), 10);
    if (Number.isNaN(n)) throw new ArithmeticError(`arithmetic syntax error`);
    return n;
  };

  const binaryLevels: string[][] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '<=', '>', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];

  function apply(op: string, a: number, b: number): number {
    switch (op) {
      case '||': return a || b ? 1 : 0;
      case '&&': return a && b ? 1 : 0;
      case '|': return a | b;
      case '^': return a ^ b;
      case '&': return a & b;
      case '==': return a === b ? 1 : 0;
      case '!=': return a !== b ? 1 : 0;
      case '<': return a < b ? 1 : 0;
      case '<=': return a <= b ? 1 : 0;
      case '>': return a > b ? 1 : 0;
      case '>=': return a >= b ? 1 : 0;
      case '<<': return a << b;
      case '>>': return a >> b;
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      default:
        if (b === 0) throw new ArithmeticError('divide by zero');
        return op === '/' ? Math.trunc(a / b) : a % b;
    }
  }

  function assignment(): number {
    const name = peek();
    if (name && /^[A-Za-z_]/.test(name) && tokens[i + 1] === '=') {
      i += 2;
      const value = assignment();
      assign(name, String(value));
      return value;
    }
    return ternary();
  }

  function ternary(): number {
    const condition = binary(0);
    if (peek() !== '?') return condition;
    take();
    const a = assignment();
    if (take() !== ':') throw new ArithmeticError('arithmetic syntax error');
    const b = assignment();
    return condition ? a : b;
  }

  function binary(level: number): number {
    if (level >= binaryLevels.length) return unary();
    let left = binary(level + 1);
    while (binaryLevels[level]!.includes(peek() ?? '')) {
      const op = take()!;
      left = apply(op, left, binary(level + 1));
    }
    return left;
  }

  function unary(): number {
    const t = peek();
    if (t === '-') return take(), -unary();
    if (t === '+') return take(), unary();
    if (t === '!') return take(), unary() ? 0 : 1;
    if (t === '~') return take(), ~unary();
    if (t === '++' || t === '--') {
      take();
      const name = take()!;
      const value = valueOf(name) + (t === '++' ? 1 : -1);
      assign(name, String(value));
      return value;
    }
    return primary();
  }

  function primary(): number {
    const t = take();
    if (t === undefined) throw new ArithmeticError('arithmetic syntax error');
    if (t === '(') {
      const value = assignment();
      if (take() !== ')') throw new ArithmeticError('arithmetic syntax error');
      return value;
    }
    if (/^\d+$/.test(t)) return Number.parseInt(t, 10);
    if (/^[A-Za-z_]/.test(t)) {
      const value = valueOf(t);
      if (peek() === '++' || peek() === '--') assign(t, String(value + (take() === '++' ? 1 : -1)));
      return value;
    }
    throw new ArithmeticError('arithmetic syntax error');
  }

  if (tokens.length === 0) return 0;
  const result = assignment();
  if (i < tokens.length) throw new ArithmeticError('arithmetic syntax error');
  return result;
}
