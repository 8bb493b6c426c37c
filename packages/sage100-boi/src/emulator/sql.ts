// The emulator's ODBC surface (reference §8.14): SELECT only — the ProvideX driver Sage ships is read-only —
// with `?` parameters, `{d 'YYYY-MM-DD'}` date literals, AND/OR/parentheses, TOP n and ORDER BY. Dates come
// back as 'YYYY-MM-DD' (null when blank), as the driver returns SQL DATE columns.
import type { Row, Value } from '../schema/columns';
import { isoToYmd, ymdToIso } from '../values';
import type { Company } from './company';

export class SqlError extends Error {}

type Pred = (row: Row) => boolean;
const OPS: Record<string, (a: Value, b: Value) => boolean> = { '=': (a, b) => a === b, '<>': (a, b) => a !== b, '<': (a, b) => a < b, '>': (a, b) => a > b, '<=': (a, b) => a <= b, '>=': (a, b) => a >= b };

function tokenize(text: string): string[] {
  const re = /\s*(\{d\s*'[^']*'\}|'(?:[^']|'')*'|<>|<=|>=|[=<>(),?*]|[A-Za-z_][\w]*|-?\d+(?:\.\d+)?)/gy;
  const out: string[] = [];
  let m: RegExpExecArray | null;
  while (re.lastIndex < text.trim().length && (m = re.exec(text))) out.push(m[1] ?? '');
  if (re.lastIndex < text.trimEnd().length) throw new SqlError(`Syntax error near "${text.slice(re.lastIndex, re.lastIndex + 20)}"`);
  return out;
}

class Parser {
  private i = 0;
  private param = 0;
  constructor(
    private readonly t: string[],
    private readonly params: Value[],
  ) {}
  peek(): string {
    return (this.t[this.i] ?? '').toUpperCase();
  }
  take(expected?: string): string {
    const tok = this.t[this.i++] ?? '';
    if (expected && tok.toUpperCase() !== expected) throw new SqlError(`Expected ${expected}, found "${tok}"`);
    return tok;
  }
  value(): Value {
    const tok = this.take();
    if (tok === '?') return this.params[this.param++] ?? '';
    if (tok.startsWith('{d')) return isoToYmd(/'([^']*)'/.exec(tok)?.[1] ?? '');
    if (tok.startsWith("'")) return tok.slice(1, -1).replaceAll("''", "'");
    if (/^-?\d/.test(tok)) return Number(tok);
    throw new SqlError(`Expected a value, found "${tok}"`);
  }
  expr(): Pred {
    let left = this.term();
    while (this.peek() === 'OR') {
      this.take();
      const [a, b] = [left, this.term()];
      left = (r) => a(r) || b(r);
    }
    return left;
  }
  term(): Pred {
    let left = this.factor();
    while (this.peek() === 'AND') {
      this.take();
      const [a, b] = [left, this.factor()];
      left = (r) => a(r) && b(r);
    }
    return left;
  }
  factor(): Pred {
    if (this.peek() === '(') {
      this.take('(');
      const e = this.expr();
      this.take(')');
      return e;
    }
    const col = this.take();
    const op = OPS[this.take()];
    if (!op) throw new SqlError(`Unsupported operator after ${col}`);
    const v = this.value();
    return (r) => op(r[col] ?? '', v);
  }
}

/** Runs one SELECT against a company's tables. */
export function runSql(company: Company, sql: string, params: Value[] = []): Record<string, Value | null>[] {
  if (!/^\s*select\b/i.test(sql)) throw new SqlError('[ProvideX][ODBC Driver] The driver is read-only: only SELECT is supported.');
  const p = new Parser(tokenize(sql), params);
  p.take('SELECT');
  const top = p.peek() === 'TOP' ? (p.take(), Number(p.take())) : Number.POSITIVE_INFINITY;
  const columns: string[] = [];
  do columns.push(p.take());
  while (p.peek() === ',' && p.take());
  p.take('FROM');
  const store = company.tables.get(p.take());
  if (!store) throw new SqlError('[ProvideX][ODBC Driver] Table not found.');
  const where = p.peek() === 'WHERE' ? (p.take(), p.expr()) : () => true;
  const order: string[] = [];
  if (p.peek() === 'ORDER') {
    p.take();
    p.take('BY');
    do order.push(p.take());
    while (p.peek() === ',' && p.take());
  }
  if (p.peek() !== '') throw new SqlError(`Unexpected "${p.take()}"`);
  const wanted = columns[0] === '*' ? store.def.columns : columns.map((c) => {
    const col = store.def.byName.get(c);
    if (!col) throw new SqlError(`Column not found: ${c}`);
    return col;
  });
  const rows = [...store.scan()].filter(where);
  const compare = (a: Row, b: Row): number => {
    for (const c of order) if (a[c] !== b[c]) return (a[c] ?? '') < (b[c] ?? '') ? -1 : 1;
    return 0;
  };
  if (order.length) rows.sort(compare);
  return rows.slice(0, top).map((r) => Object.fromEntries(wanted.map((c) => [c.name, c.type === 'D' ? (r[c.name] ? ymdToIso(String(r[c.name])) : null) : (r[c.name] ?? null)])));
}
