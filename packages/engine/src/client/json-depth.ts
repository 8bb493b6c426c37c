// Measures how deeply parsed JSON nests, iteratively: the ingress refuses bodies nested deeper than any
// real delivery, because the code after it (event keys, payload mapping) walks them recursively.
export const MAX_JSON_DEPTH = 64;

export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [v, depth] = item;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}
