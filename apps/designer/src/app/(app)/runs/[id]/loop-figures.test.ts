import { describe, expect, it } from 'vitest';
import { loopFigures } from './loop-figures';

describe('loopFigures', () => {
  it('gives percent, rate so far and time left at that rate', () => {
    expect(loopFigures({ nodeId: 'each', done: 12, total: 48, startedAt: 0 }, 4_000)).toEqual({ percent: 25, perSecond: 3, etaMs: 12_000 });
    expect(loopFigures({ nodeId: 'each', done: 48, total: 48, startedAt: 0 }, 16_000)).toMatchObject({ percent: 100, etaMs: 0 });
  });
  it('makes no estimate before the first item is done, and an empty list is complete', () => {
    expect(loopFigures({ nodeId: 'each', done: 0, total: 48, startedAt: 0 }, 4_000)).toEqual({ percent: 0, perSecond: null, etaMs: null });
    expect(loopFigures({ nodeId: 'each', done: 0, total: 0, startedAt: 0 }, 4_000)).toEqual({ percent: 100, perSecond: null, etaMs: null });
  });
});
