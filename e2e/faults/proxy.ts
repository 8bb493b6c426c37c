// A fault-injecting HTTP proxy in front of the Streak sandbox API or the Sage 100 gateway. The connectors
// are pointed at it, so every fault is one a real network or a real remote produces: 5xx before or after
// the remote processed the request, requests that never get an answer (again before or after processing),
// 429 bursts with Retry-After, and an outage during which nothing listens on the port at all.
import http from 'node:http';
import type { Socket } from 'node:net';

export interface ProxyFaults {
  /** Share of requests answered 5xx (half before forwarding, half after the remote processed them). */
  errorRate: number;
  /** Share of requests never answered (half not forwarded, half forwarded); the client times out. */
  timeoutRate: number;
}

export type ProxyCounts = Record<'forwarded' | '5xx before' | '5xx after' | 'timeout before' | 'timeout after' | '429', number>;

export interface ChaosProxy {
  url: string;
  faults: ProxyFaults;
  counts: ProxyCounts;
  /** Requests by method and path shape (keys and numbers replaced), to see what a run costs on the wire. */
  paths: Map<string, number>;
  /** The next `count` requests get 429 with `Retry-After: seconds`. */
  burst429(count: number, seconds: number): void;
  /** Stop listening (connections are refused) for `ms`, then listen again on the same port. */
  outage(ms: number): Promise<void>;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive', 'content-encoding']);

export async function startChaosProxy(options: { target: string; port: number; holdMs: number; random?: () => number }): Promise<ChaosProxy> {
  const random = options.random ?? Math.random;
  const faults: ProxyFaults = { errorRate: 0, timeoutRate: 0 };
  const counts: ProxyCounts = { forwarded: 0, '5xx before': 0, '5xx after': 0, 'timeout before': 0, 'timeout after': 0, '429': 0 };
  const paths = new Map<string, number>();
  let burst = { count: 0, seconds: 1 };
  const sockets = new Set<Socket>();

  async function forward(req: http.IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k, v]) => !HOP_BY_HOP.has(k) && typeof v === 'string')) as Record<string, string>;
    const res = await fetch(`${options.target}${req.url ?? '/'}`, { method: req.method, headers, body: body.length ? new Uint8Array(body) : undefined, redirect: 'manual' });
    const out: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      if (!HOP_BY_HOP.has(k)) out[k] = v;
    });
    return { status: res.status, headers: out, body: Buffer.from(await res.arrayBuffer()) };
  }

  /** No answer: the client's own timeout (or the engine's activity timeout) ends the request. */
  const hold = (res: http.ServerResponse) => {
    const timer = setTimeout(() => res.destroy(), options.holdMs);
    res.once('close', () => clearTimeout(timer));
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const shape = `${req.method} ${(req.url ?? '/').split('?')[0]!.replace(/\/[^/]*\d[^/]*/g, '/:key')}`;
        paths.set(shape, (paths.get(shape) ?? 0) + 1);
        if (burst.count > 0) {
          burst.count -= 1;
          counts['429'] += 1;
          res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(burst.seconds) }).end(JSON.stringify({ error: 'Too many requests (injected)' }));
          return;
        }
        const r = random();
        const e = faults.errorRate;
        const t = faults.timeoutRate;
        if (r < e / 2) {
          counts['5xx before'] += 1;
          res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'Service unavailable (injected)' }));
          return;
        }
        if (r >= e && r < e + t / 2) {
          counts['timeout before'] += 1;
          hold(res);
          return;
        }
        let upstream;
        try {
          upstream = await forward(req, body);
        } catch {
          res.destroy();
          return;
        }
        if (r < e) {
          counts['5xx after'] += 1;
          res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'Bad gateway (injected after the remote answered)' }));
        } else if (r < e + t) {
          counts['timeout after'] += 1;
          hold(res);
        } else {
          counts.forwarded += 1;
          res.writeHead(upstream.status, upstream.headers).end(upstream.body);
        }
      })();
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  const listen = () => new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const stop = () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    for (const s of sockets) s.destroy();
  });
  await listen();

  return {
    url: `http://127.0.0.1:${options.port}`,
    faults,
    counts,
    paths,
    burst429: (count, seconds) => {
      burst = { count, seconds };
    },
    async outage(ms) {
      await stop();
      await new Promise((r) => setTimeout(r, ms));
      await listen();
    },
    close: stop,
  };
}
