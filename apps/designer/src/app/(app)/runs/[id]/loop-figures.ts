// The numbers beside a for-each progress bar: percent done, items per second so far, time left at that rate.

export interface Loop {
  nodeId: string;
  done: number;
  total: number;
  startedAt: number;
}

export function loopFigures(loop: Loop, now: number): { percent: number; perSecond: number | null; etaMs: number | null } {
  const percent = loop.total ? Math.floor((loop.done / loop.total) * 100) : 100;
  const elapsed = now - loop.startedAt;
  // Nothing to measure yet: no rate and no estimate rather than a made-up one.
  if (loop.done === 0 || elapsed <= 0) return { percent, perSecond: null, etaMs: null };
  const perSecond = loop.done / (elapsed / 1000);
  return { percent, perSecond, etaMs: ((loop.total - loop.done) / perSecond) * 1000 };
}
