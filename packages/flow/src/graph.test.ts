import { describe, expect, it } from 'vitest';
import { canonicalJson, findCycles, reachableFrom, sha256Hex, topologicalOrder } from './index';

const edge = (source: string, target: string, targetPort = 'in') => ({ id: `${source}-${target}`, source, sourcePort: 'out', target, targetPort });
const graph = (ids: string[], edges: Array<ReturnType<typeof edge>>) => ({ nodes: ids.map((id) => ({ id })), edges });

describe('graph helpers', () => {
  const g = graph(['a', 'b', 'c', 'd', 'e'], [edge('a', 'b'), edge('a', 'c'), edge('b', 'd'), edge('c', 'd'), edge('d', 'b', 'loop'), edge('x', 'a')]);
  const skipLoop = { skipEdge: (e: { targetPort: string }) => e.targetPort === 'loop' };

  it('finds what a node reaches', () => {
    expect([...reachableFrom(g, ['c'])].sort()).toEqual(['b', 'c', 'd']);
    expect([...reachableFrom(g, ['c'], skipLoop)].sort()).toEqual(['c', 'd']);
    expect([...reachableFrom(g, ['e'])]).toEqual(['e']);
  });

  it('finds cycles, including self-loops, and ignores skipped edges', () => {
    expect(findCycles(g)).toEqual([['b', 'd']]);
    expect(findCycles(g, skipLoop)).toEqual([]);
    expect(findCycles(graph(['a'], [edge('a', 'a')]))).toEqual([['a']]);
    expect(findCycles(graph(['a', 'b', 'c', 'd'], [edge('a', 'b'), edge('b', 'a'), edge('c', 'd'), edge('d', 'c')])).length).toBe(2);
  });

  it('orders topologically, stable in node order, or undefined for a cycle', () => {
    expect(topologicalOrder(g, skipLoop)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(topologicalOrder(graph(['c', 'b', 'a'], [edge('a', 'b')]))).toEqual(['c', 'a', 'b']);
    expect(topologicalOrder(g)).toBeUndefined();
  });

  it('handles a long chain without recursion limits', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `n${i}`);
    const chain = graph(ids, ids.slice(1).map((id, i) => edge(ids[i]!, id)));
    expect(topologicalOrder(chain)?.length).toBe(20_000);
    expect(findCycles(chain)).toEqual([]);
  });
});

describe('sha256 and canonical JSON', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('hashes text as UTF-8', () => {
    expect(sha256Hex('é')).toBe(sha256Hex(new Uint8Array([0xc3, 0xa9])));
    expect(sha256Hex('𝄞')).toBe(sha256Hex(new Uint8Array([0xf0, 0x9d, 0x84, 0x9e])));
  });

  it('writes canonical JSON: sorted keys, no undefined, no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, undefined, 'x'], c: undefined, d: { z: -0, y: 1.5 } })).toBe('{"a":[true,null,null,"x"],"b":1,"d":{"y":1.5,"z":0}}');
    expect(() => canonicalJson({ n: NaN })).toThrow('numbers must be finite');
  });
});
