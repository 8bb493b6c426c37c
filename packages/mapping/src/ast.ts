// The expression AST. Every node carries the source offset so errors can point at it.
export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '&&' | '||' | '??';

export type Expr =
  | { type: 'literal'; value: string | number | boolean | null; offset: number }
  /** A root of the scope (`trigger`) or, when it starts with `$`, a context variable (`$now`). */
  | { type: 'name'; name: string; offset: number }
  /** The current element inside an `each` body (`lines[].sku` → each(lines, member(item, sku))). */
  | { type: 'item'; offset: number }
  | { type: 'member'; object: Expr; name: string; offset: number }
  | { type: 'index'; object: Expr; index: Expr; offset: number }
  | { type: 'each'; list: Expr; body: Expr; offset: number }
  | { type: 'call'; fn: string; args: Expr[]; offset: number }
  | { type: 'unary'; op: '!' | '-'; arg: Expr; offset: number }
  | { type: 'binary'; op: BinaryOp; left: Expr; right: Expr; offset: number }
  | { type: 'cond'; test: Expr; then: Expr; else: Expr; offset: number }
  | { type: 'array'; items: Expr[]; offset: number }
  | { type: 'object'; entries: Array<{ key: string; value: Expr }>; offset: number };

/** Property names that lead from data to the host's prototypes; never readable, never writable. */
export const FORBIDDEN_NAMES: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

/** Context variables an expression may read; anything else starting with `$` is rejected. */
export const CONTEXT_VARIABLES = ['$now', '$item', '$index', '$value'] as const;
