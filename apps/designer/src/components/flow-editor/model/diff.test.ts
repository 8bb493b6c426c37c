import { describe, expect, it } from 'vitest';
import { graphDiff, hunks, lineDiff } from './diff';

const node = (id: string, label: string, config: object = {}, x = 0) => ({ id, kind: 'map', label, position: { x, y: 0 }, config });

describe('graphDiff', () => {
  it('tells added, removed, changed and moved steps apart', () => {
    const a = { nodes: [node('a', 'A'), node('b', 'B', { k: 1 }), node('c', 'C'), node('d', 'D')], edges: [{ id: 'e1', source: 'a', sourcePort: 'out', target: 'b', targetPort: 'in' }] };
    const b = { nodes: [node('a', 'A'), node('b', 'B', { k: 2 }), node('d', 'D', {}, 50), node('e', 'E')], edges: [{ id: 'e9', source: 'a', sourcePort: 'out', target: 'e', targetPort: 'in' }] };
    const d = graphDiff(a, b);
    expect(Object.fromEntries(d.nodes)).toEqual({ a: 'same', b: 'changed', c: 'removed', d: 'moved', e: 'added' });
    expect(d.details.get('b')).toEqual(['k changed']);
    expect(d.edgesAdded).toEqual(['a:out→e:in']);
    expect(d.edgesRemoved).toEqual(['a:out→b:in']);
  });
});

describe('lineDiff', () => {
  it('finds inserted and deleted lines and keeps the rest', () => {
    const d = lineDiff('a\nb\nc\nd', 'a\nc\nx\nd');
    expect(d).toEqual([
      { type: 'same', text: 'a' },
      { type: 'del', text: 'b' },
      { type: 'same', text: 'c' },
      { type: 'add', text: 'x' },
      { type: 'same', text: 'd' },
    ]);
  });

  it('collapses unchanged stretches outside the context', () => {
    const a = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n');
    const b = a.replace('l10', 'L10');
    const h = hunks(lineDiff(a, b), 1);
    expect(h).toEqual([null, { type: 'same', text: 'l9' }, { type: 'del', text: 'l10' }, { type: 'add', text: 'L10' }, { type: 'same', text: 'l11' }, null]);
  });
});
