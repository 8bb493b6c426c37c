// Recursive-descent parser. Besides syntax it enforces the safety rules statically: only library
// functions can be called, forbidden property names never reach the evaluator, unknown `$` names
// and wrong argument counts are reported with the offset where they occur.
import { type BinaryOp, CONTEXT_VARIABLES, type Expr, FORBIDDEN_NAMES } from './ast';
import { getFunction } from './functions';
import { arityOf, describeArity } from './functions/define';
import { SyntaxFailure, type Token, tokenize } from './lexer';

export type ParseResult = { ok: true; ast: Expr } | { ok: false; error: { message: string; offset: number } };

const MAX_DEPTH = 64;
const LITERAL_NAMES: Record<string, boolean | null> = { true: true, false: false, null: null };
const BINARY_LEVELS: BinaryOp[][] = [['??'], ['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>='], ['+', '-'], ['*', '/', '%']];
const ALIASES: Record<string, string> = { '===': '==', '!==': '!=' };

/** Parses and statically checks an expression. Never throws. `{{ … }}` wrappers are accepted. */
export function parseExpression(src: string): ParseResult {
  try {
    return { ok: true, ast: new Parser(unwrap(src)).parseAll() };
  } catch (e) {
    if (e instanceof SyntaxFailure) return { ok: false, error: { message: e.message, offset: e.offset } };
    if (e instanceof RangeError) return { ok: false, error: { message: 'expression nests too deeply', offset: 0 } };
    throw e;
  }
}

// Users paste n8n-style `{{ expr }}`; strip the wrapper but keep offsets pointing into the original.
function unwrap(src: string): string {
  const m = /^(\s*)\{\{([\s\S]*)\}\}\s*$/.exec(src);
  return m ? `${m[1]}  ${m[2]}` : src;
}

class Parser {
  private readonly tokens: Token[];
  private pos = 0;
  private depth = 0;

  constructor(src: string) {
    this.tokens = tokenize(src);
  }

  parseAll(): Expr {
    const e = this.pipe();
    const t = this.peek();
    if (t.kind !== 'eof') throw new SyntaxFailure(`unexpected '${t.text}'`, t.offset);
    return e;
  }

  private peek(): Token {
    return this.tokens[this.pos]!;
  }
  private next(): Token {
    return this.tokens[this.pos++]!;
  }
  private isOp(text: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && (t.text === text || ALIASES[t.text] === text);
  }
  private expect(text: string): Token {
    const t = this.peek();
    if (!this.isOp(text)) throw new SyntaxFailure(t.kind === 'eof' ? `expected '${text}' but the expression ended` : `expected '${text}' but found '${t.text}'`, t.offset);
    return this.next();
  }
  private enter(offset: number): void {
    if (++this.depth > MAX_DEPTH) throw new SyntaxFailure('expression nests too deeply', offset);
  }

  // value | fn(args)  ≡  fn(value, args): the declarative transform chain written inline.
  private pipe(): Expr {
    let left = this.conditional();
    while (this.isOp('|')) {
      this.next();
      const t = this.next();
      if (t.kind !== 'name') throw new SyntaxFailure(`expected a function name after '|'`, t.offset);
      left = this.call(t, [left]);
    }
    return left;
  }

  private conditional(): Expr {
    const test = this.binary(0);
    if (!this.isOp('?')) return test;
    const q = this.next();
    this.enter(q.offset);
    const then = this.conditional();
    this.expect(':');
    const otherwise = this.conditional();
    this.depth--;
    return { type: 'cond', test, then, else: otherwise, offset: q.offset };
  }

  private binary(level: number): Expr {
    const ops = BINARY_LEVELS[level];
    if (!ops) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const t = this.peek();
      const op = (ALIASES[t.text] ?? t.text) as BinaryOp;
      if (t.kind !== 'op' || !ops.includes(op)) return left;
      this.next();
      left = { type: 'binary', op, left, right: this.binary(level + 1), offset: t.offset };
    }
  }

  private unary(): Expr {
    if (this.isOp('!') || this.isOp('-')) {
      const t = this.next();
      this.enter(t.offset);
      const arg = this.unary();
      this.depth--;
      return { type: 'unary', op: t.text as '!' | '-', arg, offset: t.offset };
    }
    return this.postfix(this.primary());
  }

  private postfix(start: Expr): Expr {
    let e = start;
    for (;;) {
      const t = this.peek();
      if (this.isOp('.')) {
        this.next();
        const name = this.propertyName();
        e = { type: 'member', object: e, name: name.text, offset: name.offset };
      } else if (this.isOp('[')) {
        this.next();
        if (this.isOp(']')) {
          this.next();
          // Everything after `[]` applies to each element: lines[].price → each(lines, item.price).
          this.enter(t.offset);
          const body = this.postfix({ type: 'item', offset: t.offset });
          this.depth--;
          return { type: 'each', list: e, body, offset: t.offset };
        }
        this.enter(t.offset);
        const index = this.pipe();
        this.expect(']');
        this.depth--;
        if (index.type === 'literal' && typeof index.value === 'string') this.checkProperty(index.value, index.offset);
        e = { type: 'index', object: e, index, offset: t.offset };
      } else if (this.isOp('(')) {
        throw new SyntaxFailure('only library functions can be called, by name (like upper(x)); values cannot be called', t.offset);
      } else {
        return e;
      }
    }
  }

  private propertyName(): Token {
    const t = this.next();
    if (t.kind !== 'name') throw new SyntaxFailure(`expected a property name after '.'`, t.offset);
    this.checkProperty(t.text, t.offset);
    return t;
  }

  private checkProperty(name: string, offset: number): void {
    if (FORBIDDEN_NAMES.has(name)) throw new SyntaxFailure(`property '${name}' is not accessible: expressions read only plain data`, offset);
  }

  private primary(): Expr {
    const t = this.next();
    if (t.kind === 'num' || t.kind === 'str') return { type: 'literal', value: t.value!, offset: t.offset };
    if (t.kind === 'name') {
      if (Object.hasOwn(LITERAL_NAMES, t.text)) return { type: 'literal', value: LITERAL_NAMES[t.text]!, offset: t.offset };
      if (this.isOp('(')) return this.call(t, []);
      if (t.text.startsWith('$') && !(CONTEXT_VARIABLES as readonly string[]).includes(t.text)) {
        throw new SyntaxFailure(`unknown variable '${t.text}' (known: ${CONTEXT_VARIABLES.join(', ')}); read data through paths like trigger.box.name`, t.offset);
      }
      this.checkProperty(t.text, t.offset);
      return { type: 'name', name: t.text, offset: t.offset };
    }
    if (t.kind === 'op') {
      this.enter(t.offset);
      const e = this.bracketed(t);
      this.depth--;
      return e;
    }
    throw new SyntaxFailure('the expression ended too early', t.offset);
  }

  private bracketed(t: Token): Expr {
    if (t.text === '(') {
      const e = this.pipe();
      this.expect(')');
      return e;
    }
    if (t.text === '[') return { type: 'array', items: this.list(']'), offset: t.offset };
    if (t.text === '{') return { type: 'object', entries: this.entries(), offset: t.offset };
    throw new SyntaxFailure(`unexpected '${t.text}'`, t.offset);
  }

  private list(close: string): Expr[] {
    const items: Expr[] = [];
    while (!this.isOp(close)) {
      items.push(this.pipe());
      if (!this.isOp(close)) this.expect(',');
    }
    this.next();
    return items;
  }

  private entries(): Array<{ key: string; value: Expr }> {
    const entries: Array<{ key: string; value: Expr }> = [];
    const seen = new Set<string>();
    while (!this.isOp('}')) {
      const k = this.next();
      if (k.kind !== 'name' && k.kind !== 'str' && k.kind !== 'num') throw new SyntaxFailure('expected a key in the object literal', k.offset);
      const key = String(k.value ?? k.text);
      this.checkProperty(key, k.offset);
      if (seen.has(key)) throw new SyntaxFailure(`duplicate key '${key}'`, k.offset);
      seen.add(key);
      this.expect(':');
      entries.push({ key, value: this.pipe() });
      if (!this.isOp('}')) this.expect(',');
    }
    this.next();
    return entries;
  }

  private args(): Expr[] {
    const open = this.expect('(');
    this.enter(open.offset);
    const args = this.list(')');
    this.depth--;
    return args;
  }

  /** A call of a library function; `leading` is the piped value. The name is checked before the arguments are read. */
  private call(name: Token, leading: Expr[]): Expr {
    const def = getFunction(name.text);
    if (!def) throw new SyntaxFailure(`unknown function '${name.text}'`, name.offset);
    const args = [...leading, ...(this.isOp('(') ? this.args() : [])];
    const arity = arityOf(def);
    if (args.length < arity.min || args.length > arity.max) {
      const expected = describeArity(arity);
      throw new SyntaxFailure(`${name.text} takes ${expected} argument${expected === '1' ? '' : 's'}, got ${args.length}`, name.offset);
    }
    return { type: 'call', fn: def.name, args, offset: name.offset };
  }
}
