// The worker's /metrics endpoint: a tiny HTTP server (no framework) on its own port. It refuses to
// listen on a non-loopback address without METRICS_TOKEN, so metrics are never exposed by accident.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkMetricsAccess, isLoopbackHost } from './metrics-access';
import { metricsContentType, metricsText } from './metrics';

export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

export async function startMetricsServer(options: { host: string; port: number; token?: string }): Promise<MetricsServer> {
  const loopbackOnly = isLoopbackHost(options.host);
  if (!loopbackOnly && !options.token) {
    throw new Error(`Metrics would listen on ${options.host} without a token; set METRICS_TOKEN or bind to 127.0.0.1.`);
  }
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found; metrics are at GET /metrics.\n');
      return;
    }
    const access = checkMetricsAccess({ token: options.token, authorization: req.headers.authorization, loopbackOnly });
    if (!access.ok) {
      res.writeHead(access.status, { 'content-type': 'text/plain' }).end(`${access.message}\n`);
      return;
    }
    metricsText().then(
      (text) => res.writeHead(200, { 'content-type': metricsContentType }).end(text),
      (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${error instanceof Error ? error.message : String(error)}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}/metrics`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
