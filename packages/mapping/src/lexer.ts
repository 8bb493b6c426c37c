// Tokenizer for the expression language. Numbers never start with '.', and digits right after a
// '.' lex as a property name, so Streak field paths like `fields.1001.value` read naturally.
export type TokenKind = 'num' | 'str' | 'name' | 'op' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  value?: string | number;
  offset: number;
}

export class SyntaxFailure extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

// Longest operators first so `==` wins over `=` and `??` over `?`.
const OPERATORS = ['===', '!==', '==', '!=', '<=', '>=', '&&', '||', '??', '(', ')', '[', ']', '{', '}', ',', '.', '?', ':', '|', '+', '-', '*', '/', '%', '<', '>', '!'];
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };
const MAX_SOURCE = 10_000;

const isDigit = (c: string) => c >= '0' && c <= '9';
const isNameStart = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '$';
const isNamePart = (c: string) => isNameStart(c) || isDigit(c);

export function tokenize(src: string): Token[] {
  if (src.length > MAX_SOURCE) throw new SyntaxFailure(`expression is longer than ${MAX_SOURCE} characters`, MAX_SOURCE);
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    const afterDot = tokens.at(-1)?.text === '.' && tokens.at(-1)?.kind === 'op';
    if (isDigit(c) && afterDot) {
      while (i < src.length && isNamePart(src[i]!)) i++;
      tokens.push({ kind: 'name', text: src.slice(start, i), offset: start });
    } else if (isDigit(c)) {
      i = readNumber(src, i);
      const text = src.slice(start, i);
      tokens.push({ kind: 'num', text, value: Number(text), offset: start });
    } else if (isNameStart(c)) {
      while (i < src.length && isNamePart(src[i]!)) i++;
      tokens.push({ kind: 'name', text: src.slice(start, i), offset: start });
    } else if (c === '"' || c === "'") {
      const { value, end } = readString(src, i);
      i = end;
      tokens.push({ kind: 'str', text: src.slice(start, i), value, offset: start });
    } else {
      const op = OPERATORS.find((o) => src.startsWith(o, i));
      if (!op) throw new SyntaxFailure(`unexpected character '${c}'`, i);
      i += op.length;
      tokens.push({ kind: 'op', text: op, offset: start });
    }
  }
  tokens.push({ kind: 'eof', text: '', offset: src.length });
  return tokens;
}

function readNumber(src: string, i: number): number {
  while (i < src.length && isDigit(src[i]!)) i++;
  if (src[i] === '.' && isDigit(src[i + 1] ?? '')) {
    i++;
    while (i < src.length && isDigit(src[i]!)) i++;
  }
  if ((src[i] === 'e' || src[i] === 'E') && /^[+-]?\d/.test(src.slice(i + 1, i + 3))) {
    i += src[i + 1] === '+' || src[i + 1] === '-' ? 2 : 1;
    while (i < src.length && isDigit(src[i]!)) i++;
  }
  if (i < src.length && isNameStart(src[i]!)) throw new SyntaxFailure('a number cannot be followed directly by a letter', i);
  return i;
}

function readString(src: string, start: number): { value: string; end: number } {
  const quote = src[start];
  let out = '';
  let i = start + 1;
  while (i < src.length) {
    const c = src[i]!;
    if (c === quote) return { value: out, end: i + 1 };
    if (c === '\\') {
      const e = src[i + 1];
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      const mapped = e === undefined ? undefined : ESCAPES[e];
      if (mapped === undefined) throw new SyntaxFailure(`invalid escape '\\${e ?? ''}' in string`, i);
      out += mapped;
      i += 2;
      continue;
    }
    out += c;
    i++;
  }
  throw new SyntaxFailure('unterminated string', start);
}
