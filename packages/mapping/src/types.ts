// The small structural type model the editor uses to warn about mismatches. Dates are numbers
// (epoch ms) or strings (YYYYMMDD), so there is no separate date type.
export type Type =
  | { kind: 'any' }
  | { kind: 'null' }
  | { kind: 'string' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'array'; items: Type }
  | { kind: 'object'; props: Record<string, Type>; open: boolean }
  | { kind: 'union'; types: Type[] };

export type Compat = 'ok' | 'maybe' | 'no';

const ANY: Type = { kind: 'any' };

export const T = {
  any: ANY,
  null: { kind: 'null' } as Type,
  string: { kind: 'string' } as Type,
  number: { kind: 'number' } as Type,
  boolean: { kind: 'boolean' } as Type,
  array: (items: Type = ANY): Type => ({ kind: 'array', items }),
  object: (props: Record<string, Type> = {}, open = true): Type => ({ kind: 'object', props, open }),
  union: (...types: Type[]): Type => union(types),
  optional: (t: Type): Type => union([t, T.null]),
};

/** Readable type text; objects nested deeper than two levels print as `{ … }` to keep messages short. */
export function typeToString(t: Type, depth = 0): string {
  switch (t.kind) {
    case 'array':
      return `${t.items.kind === 'union' ? `(${typeToString(t.items, depth)})` : typeToString(t.items, depth)}[]`;
    case 'object': {
      const entries = Object.entries(t.props);
      if (entries.length === 0) return 'object';
      if (depth >= 2) return '{ … }';
      const shown = entries.slice(0, 4).map(([k, v]) => `${k}: ${typeToString(v, depth + 1)}`);
      return `{ ${shown.join('; ')}${entries.length > 4 || t.open ? '; …' : ''} }`;
    }
    case 'union':
      return t.types.map((x) => typeToString(x, depth)).join(' | ');
    default:
      return t.kind;
  }
}

export function union(types: Type[]): Type {
  const flat: Type[] = [];
  const seen = new Set<string>();
  for (const t of types.flatMap((x) => (x.kind === 'union' ? x.types : [x]))) {
    if (t.kind === 'any') return ANY;
    const key = JSON.stringify(t);
    if (!seen.has(key)) {
      seen.add(key);
      flat.push(t);
    }
  }
  if (flat.length === 0) return { kind: 'null' };
  return flat.length === 1 ? flat[0]! : { kind: 'union', types: flat };
}

export function nonNull(t: Type): Type {
  if (t.kind === 'union') return union(t.types.filter((x) => x.kind !== 'null'));
  return t;
}

export const canBeNull = (t: Type): boolean => t.kind === 'null' || t.kind === 'any' || (t.kind === 'union' && t.types.some(canBeNull));

const rank: Record<Compat, number> = { ok: 0, maybe: 1, no: 2 };
const worst = (cs: Compat[]): Compat => cs.reduce<Compat>((a, b) => (rank[b] > rank[a] ? b : a), 'ok');

/** Can a value of type `from` be stored where `to` is expected? 'maybe' means only for some values. */
export function compat(from: Type, to: Type): Compat {
  if (from.kind === 'any' || to.kind === 'any') return 'ok';
  if (from.kind === 'union') {
    const each = from.types.map((f) => compat(f, to));
    if (each.every((c) => c === 'ok')) return 'ok';
    return each.every((c) => c === 'no') ? 'no' : 'maybe';
  }
  if (to.kind === 'union') {
    const each = to.types.map((t) => compat(from, t));
    return each.includes('ok') ? 'ok' : each.includes('maybe') ? 'maybe' : 'no';
  }
  if (from.kind !== to.kind) return 'no';
  if (from.kind === 'array' && to.kind === 'array') return compat(from.items, to.items);
  if (from.kind === 'object' && to.kind === 'object') {
    return worst(Object.entries(to.props).map(([k, v]) => (k in from.props ? compat(from.props[k]!, v) : 'ok')));
  }
  return 'ok';
}
